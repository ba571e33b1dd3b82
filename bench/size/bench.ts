/**
 * Size benchmark: the `planwright/runtime` entry minified + gzipped, xstate excluded (a tracked
 * figure with a 40 KB budget, issue #16; issue #6's 20 KB gate is retired), with what each part brings. Writes bench/size/result.json (with `targets`)
 * and the "size" section of bench/results.md. `npm test` enforces the budget of
 * bench/size/budget.json (test/size/runtime-size.test.ts).
 *
 * Run: `npx tsx bench/run.ts size`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMet, type Target } from '../check/targets.js';
import { machineInfo, verdict, writeSection } from '../check/results-md.js';
import { measureRuntimeSize, readBudget } from './measure-size.js';

const budget = readBudget();
const size = await measureRuntimeSize();
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const target: Target = {
  id: 'runtime-gzip-bytes',
  description: 'planwright/runtime minified + gzipped, xstate excluded',
  value: size.gzipBytes,
  limit: budget.targetGzipBytes,
  unit: 'bytes',
  better: 'lower',
};
const doc = {
  area: 'size',
  date: new Date().toISOString(),
  machine: machineInfo(),
  ...size,
  budget,
  targets: [{ ...target, met: isMet(target) }],
};
console.log(JSON.stringify({ entry: size.entry, gzipBytes: size.gzipBytes, gzipBreakdown: size.gzipBreakdown }, null, 2));
writeFileSync(fileURLToPath(new URL('./result.json', import.meta.url)), `${JSON.stringify(doc, null, 2)}\n`);
if (!process.argv.includes('--no-write')) {
  const b = size.gzipBreakdown;
  const withoutZod = size.gzipBytes - b.zod;
  writeSection(
    'size',
    [
      '## size',
      '',
      `Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC by bench/size/bench.ts (result: bench/size/result.json) from \`${size.entry}\`: bundled with esbuild (minify, ESM, platform node), xstate external, gzip level 9.`,
      '',
      '| part | minified + gzipped |',
      '| --- | --- |',
      `| **planwright/runtime without xstate (the target's figure)** | **${kb(size.gzipBytes)}** |`,
      `| of which zod | ${kb(b.zod)} |`,
      `| of which immer | ${kb(b.immer)} |`,
      `| of which planwright's own code (runtime, compile, bundle, the definition schema, src/validate) | ${kb(b.ownCode)} |`,
      ...(b.other > 0 ? [`| of which other packages | ${kb(b.other)} |`] : []),
      `| xstate (excluded, for reference) | ${kb(b.xstateExcluded)} |`,
      '',
      `Minified (before gzip) ${kb(size.minifiedBytes)}: ${Object.entries(size.minifiedByPackage)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', ')}. (zod's and immer's gzipped shares are the bundle's size with them minus without them.)`,
      '',
      '| target | value | limit | |',
      '| --- | --- | --- | --- |',
      `| ${target.description} | ${kb(size.gzipBytes)} | ≤ ${kb(budget.targetGzipBytes)} | ${verdict(isMet(target))} |`,
      '',
      `zod/mini (${kb(b.zod)}) checks what crosses the runtime's boundary: a bundle's plan definition (src/plan-format/definition-schema.ts), engine input and event data, stored incidents. Without it the runtime would be ${kb(withoutZod)}.`,
      '',
      isMet(target)
        ? `\`npm test\` enforces ≤ ${kb(budget.limitGzipBytes)} (bench/size/budget.json).`
        : `The budget is exceeded by ${(size.gzipBytes - budget.targetGzipBytes).toLocaleString('en')} B. Nothing is excluded from the figure.`,
      '',
    ].join('\n'),
  );
}
