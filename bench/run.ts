/**
 * `npm run bench`: runs every benchmark `bench/<area>/bench.ts` (or only the areas named as
 * arguments), one child process each, with `--expose-gc` so memory figures are measured after
 * a collection. Benchmarks write their own figures (bench/results.md and a JSON baseline).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const areas = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'bench.ts')))
  .map((d) => d.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
let failed = 0;
for (const area of areas) {
  console.log(`\n# bench/${area}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, area, 'bench.ts')], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
