/**
 * `bench/run.ts --check`: collects the targets the benchmarks of this run wrote, prints them,
 * and writes the `## Summary` section at the top of bench/results.md.
 */
import os from 'node:os';
import { join } from 'node:path';
import { machineInfo, verdict, writeSection } from './results-md.js';
import { collectTargets, type CheckedTarget } from './targets.js';

function show(t: CheckedTarget): string {
  const num = (x: number): string => String(Number(x.toFixed(2)));
  const value = t.unit === 'bytes' ? `${(t.value / 1024).toFixed(1)} KB` : `${num(t.value)} ${t.unit}`;
  const limit = t.unit === 'bytes' ? `${(t.limit / 1024).toFixed(1)} KB` : `${num(t.limit)} ${t.unit}`;
  return `${value} (${t.better === 'lower' ? '≤' : '≥'} ${limit})`;
}

/** Prints every target of the areas run, writes the summary, and returns the targets. */
export function reportTargets(benchDir: string, ran: ReadonlyArray<{ area: string; started: number; ok: boolean }>): CheckedTarget[] {
  const all: CheckedTarget[] = [];
  const lines: string[] = [];
  console.log('\n# targets');
  for (const { area, started, ok } of ran) {
    const { targets, files } = collectTargets(join(benchDir, area), area, started);
    if (!ok) {
      console.log(`bench/${area}: FAILED (the benchmark exited non-zero)`);
      lines.push(`| ${area} | the benchmark failed | | **failed** |`);
    } else if (files.length === 0 || targets.length === 0) {
      console.log(`bench/${area}: no targets in a JSON result written by this run`);
      lines.push(`| ${area} | no targets in a JSON result of this run | | |`);
    }
    for (const t of targets) {
      console.log(`bench/${area}: ${t.met ? 'met   ' : 'MISSED'} ${t.id}: ${show(t)}`);
      lines.push(`| ${area} | ${t.description} | ${show(t)} | ${verdict(t.met)} |`);
    }
    all.push(...targets);
  }
  const m = machineInfo();
  writeSection(
    'Summary',
    [
      '## Summary',
      '',
      `Targets read ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --check\` (or \`--summary-only\`) from the result JSON of each area (bench/<area>/*.json: a \`targets\` array, or \`{ ratio, target }\` objects), areas ${ran.map((r) => r.area).join(', ')}; \`nproc\` ${m.nproc}, "${m.cpuModel}", Node ${m.node}, 1-minute load average ${os.loadavg()[0]?.toFixed(2)}. Each section below says when and how its figures were taken.`,
      '',
      '**Note on CPU time.** The machine is shared by several developers, so wall-clock times swing with the load average printed in each section. Benchmarks judge their targets on CPU time of the benchmark process (`process.cpuUsage`, user + system), which other processes inflate far less, and compare the two sides of a ratio alternately in one run: in alternating rounds of one process, or (the engine) in alternating fresh processes, since CPU time also counts the garbage collector\'s threads and one side must not pay for collecting the other\'s garbage. Wall-clock figures are printed beside them.',
      '',
      '| area | target | value (limit) | |',
      '| --- | --- | --- | --- |',
      ...lines,
      '',
    ].join('\n'),
    'top',
  );
  return all;
}
