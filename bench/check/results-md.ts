/**
 * Writing into bench/results.md: each benchmark replaces its own `## <area>` section (up to the
 * next `## ` heading, the convention bench/engine uses too); `bench/run.ts` writes the top
 * `## Summary` section.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** bench/results.md */
export const RESULTS_FILE = fileURLToPath(new URL('../results.md', import.meta.url));
const TITLE = '# Benchmark results';

/** Replaces (or appends) the section whose heading is `## <name>` with `body` (which starts with that heading). */
export function writeSection(name: string, body: string, where: 'top' | 'end' = 'end'): void {
  const heading = `## ${name}`;
  let text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : `${TITLE}\n\n`;
  if (!text.startsWith(TITLE)) text = `${TITLE}\n\n${text}`;
  const section = `${body.trimEnd()}\n`;
  const start = findHeading(text, heading);
  let updated: string;
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1);
    updated = `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
  } else if (where === 'top') {
    const first = text.indexOf('\n## ');
    updated = first < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, first + 1)}${section}\n${text.slice(first + 1)}`;
  } else {
    updated = `${text.trimEnd()}\n\n${section}`;
  }
  writeFileSync(RESULTS_FILE, updated.endsWith('\n') ? updated : `${updated}\n`);
}

function findHeading(text: string, heading: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(heading, from);
    if (at < 0) return -1;
    const lineStart = at === 0 || text[at - 1] === '\n';
    const after = text[at + heading.length];
    if (lineStart && (after === '\n' || after === undefined || after === ' ')) return at;
    from = at + heading.length;
  }
}

/** The machine the figures were taken on, and how busy it was. */
export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  node: string;
  /** 1-minute load average when the benchmark started and ended. */
  loadAverage: number;
}

/** Facts about this machine (`nproc`, the `lscpu` model name, Node, load average). */
export function machineInfo(): MachineInfo {
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    cpuModel = /^Model name:\s*(.+)$/m.exec(lscpu)?.[1]?.trim() ?? cpuModel;
  } catch {
    // nproc / lscpu missing: keep what Node says.
  }
  return { nproc, cpuModel, node: process.version, loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(2)) };
}

/** One line naming the machine, for a results section. */
export function machineLine(m: MachineInfo, loadAtEnd?: number): string {
  const load = loadAtEnd === undefined ? `${m.loadAverage}` : `${m.loadAverage} → ${loadAtEnd.toFixed(2)}`;
  return `Machine: \`nproc\` ${m.nproc}, \`lscpu\` model "${m.cpuModel}", Node ${m.node}; 1-minute load average ${load} during the run (the machine is shared; see the note on CPU time).`;
}

/** `met` or `**missed**`. */
export function verdict(met: boolean): string {
  return met ? 'met' : '**missed**';
}
