// Runs the example service: npx tsx examples/host-http/main.ts [--bundle <file>] [--data <dir>] [--port <n>]
//
// --bundle  a bundle written by `planwright bundle` (default: dist/plans/public-opinion.json, the
//           seed plan's bundle that `npm run build` writes; in an installed package it is
//           `planwright/plans/public-opinion.json`)
// --data    the file store folder (default ./incidents)
// --port    default 3000
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { parseArgs } from 'node:util';
import type { EffectHandler } from 'planwright/runtime';
import { startServer } from './server.js';

const { values } = parseArgs({
  options: {
    bundle: { type: 'string', default: 'dist/plans/public-opinion.json' },
    data: { type: 'string', default: 'incidents' },
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

// Effects are delivered at least once: after a crash between delivering and recording the
// delivery, the engine delivers again with the same effect id. Keep the ids you have handled
// (in your database, next to the message you sent) and skip repeats. A Set is enough for a demo.
const handled = new Set<string>();
const log: EffectHandler = (effect) => {
  if (handled.has(effect.id)) return;
  handled.add(effect.id);
  // Replace with your SMS / e-mail / IM gateway (notify) and your CMS or social accounts (publish).
  process.stdout.write(`${JSON.stringify({ effect: effect.name, id: effect.id, at: effect.at, payload: effect.payload })}\n`);
};

const server = await startServer({
  bundle: JSON.parse(readFileSync(values.bundle, 'utf8')) as unknown,
  dataDir: values.data,
  port: Number(values.port),
  host: values.host,
  effects: { notify: log, publish: log },
});
process.stdout.write(`planwright host-http: plan ${server.engine.plan.definition.id} ${server.engine.plan.definition.version} on ${server.url}\n`);

const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
