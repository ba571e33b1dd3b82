/**
 * `npm run bench`: runs every benchmark `bench/<area>/bench.ts` (or only the areas named as
 * arguments), one child process each, with `--expose-gc` so memory figures are measured after
 * a collection. Benchmarks write their own figures (bench/results.md and a JSON baseline).
 *
 * Areas are named as arguments (`npm run bench -- history list`) or with `--area <name>` (repeatable).
 * Areas of issue #16 (runtime v2): `history` (cost per event at 100 vs 10,000 timeline entries per
 * store, fileStore vs a floor written in the same run), `list` (a page of incidents at 1,000 vs
 * 10,000), `postgres` (1, 2, 4 engine processes vs pgbench running the same writes); the restore
 * rows alone: `npx tsx bench/engine/bench.ts --restore-only`.
 *
 * Flags: `--check` exits non-zero when a target is missed (targets are read from the JSON each
 * benchmark writes into its folder during this run: see bench/check/targets.ts) and writes the
 * summary at the top of bench/results.md; `--summary-only` runs nothing and does the same with the
 * results the last runs left; any other `--flag` (e.g. `--quick`) is passed to every benchmark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportTargets } from './check/report.js';
import type { CheckedTarget } from './check/targets.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary-only');
const check = args.includes('--check') || summaryOnly;
/** Values of `--area <name>`, which name areas like bare arguments do. */
const areaValues = new Set(args.flatMap((a, i) => (a === '--area' && args[i + 1] !== undefined ? [i + 1] : [])));
const flags = args.filter((a, i) => a.startsWith('--') && a !== '--check' && a !== '--summary-only' && a !== '--area' && !areaValues.has(i));
const only = args.filter((a, i) => !a.startsWith('--') || areaValues.has(i));
const areas = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'bench.ts')))
  .map((d) => d.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
let failed = 0;
const ran: Array<{ area: string; started: number; ok: boolean }> = [];
for (const area of summaryOnly ? [] : areas) {
  console.log(`\n# bench/${area}`);
  const started = Date.now() - 1000; // file mtimes may be rounded down
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, area, 'bench.ts'), ...flags], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
  ran.push({ area, started, ok: result.status === 0 });
}
let missed: CheckedTarget[] = [];
// --summary-only: run nothing; check and summarize the results the last runs left.
if (summaryOnly) for (const area of areas) ran.push({ area, started: 0, ok: true });
if (check) missed = reportTargets(root, ran).filter((t) => !t.met);
process.exitCode = failed === 0 && missed.length === 0 ? 0 : 1;
