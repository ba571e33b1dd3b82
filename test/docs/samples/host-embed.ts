// Host guide samples: embedding the bundle, opening and sending, shutting down.
// The regions marked `doc:<name>` are shown in docs/host-guide.md (test/docs/host-guide.test.ts checks
// that they match, with `../../../src/runtime/index.js` written as `planwright/runtime`).
// #region doc:engine
import { readFileSync } from 'node:fs';
import { createEngine, fileStore, loadBundle, type EffectHandler } from '../../../src/runtime/index.js';
// #endregion
import type { Actor, Engine, FileStore } from '../../../src/runtime/index.js';

/** The host's own durable work queue (a table, a message broker, …). */
export interface HostQueue {
  enqueue(key: string, kind: string, payload: Record<string, unknown>): Promise<void>;
}

export function createIncidentEngine(bundlePath: string, dataDir: string, queue: HostQueue): { engine: Engine; store: FileStore } {
  // #region doc:engine
  // loadBundle checks the JSON (format, hash, plan) and throws a BundleError naming what is wrong.
  const plan = loadBundle(JSON.parse(readFileSync(bundlePath, 'utf8')));
  const store = fileStore(dataDir);

  // Hand each effect to your own durable queue; the effect id makes the insert idempotent.
  const deliver: EffectHandler = async (effect) => {
    await queue.enqueue(effect.id, effect.name, effect.payload);
  };

  const engine = createEngine(plan, {
    store,
    effects: { notify: deliver, publish: deliver },
    inspect: (event) => {
      if (event.type === 'error') console.error('planwright:', event.detail);
    },
  });
  // #endregion
  return { engine, store };
}

export async function reportRumour(engine: Engine): Promise<string> {
  // #region doc:open-send
  const wang: Actor = { id: 'wang', roles: ['info-officer'] };
  const incident = await engine.open({ by: wang, title: '网传某服务大厅拒绝办理业务', category: 'media' });

  const result = await engine.send(incident.id, {
    type: 'REPORT',
    by: wang,
    data: { summary: '网帖称大厅窗口拒办', source: '微博', publicReaction: '转发两千余次' },
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  result.incident.stage; // 'assess'
  // #endregion
  return result.incident.stage;
}

export async function shutDown(engine: Engine, store: FileStore): Promise<void> {
  // #region doc:shutdown
  await engine.dispose(); // waits for work in flight, stops the deadline timer
  await store.close(); // releases the folder's lock file
  // #endregion
}
