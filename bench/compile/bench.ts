/**
 * Compile benchmark (not a test): the seed plan and generated plans of 10, 100 and 1,000 stages
 * through parse → validate (`checkPlan` on the YAML text) → `compilePlan`, and `lint` on the same
 * definition; how time grows with size.
 *
 * Targets (issue #6): 1,000 stages parse + validate + compile + lint ≤ 1 s; the 1,000-stage time
 * ≤ 12× the 100-stage time. Writes bench/compile/result.json (with a `targets` array for
 * `npm run bench -- --check`) and the "compile" section of bench/results.md.
 *
 * Times are medians over rounds; each round is timed on the wall clock and in CPU time of this
 * process (`process.cpuUsage`, user + system). The machine is shared, so targets are judged on CPU
 * time, which other processes inflate far less than wall time.
 *
 * Run: `npm run bench` (all areas), `npx tsx bench/run.ts compile`, or add `--quick` for fewer rounds.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { lint } from '../../src/analysis/lint.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { generatePlanYaml } from '../../test/fixtures/robustness/generate-plan.js';
import { isMet, type Target } from '../check/targets.js';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;
const seedFile = fileURLToPath(new URL('../../plans/public-opinion.plan.yaml', import.meta.url));
/** Hot spots found with `node --cpu-prof` (written by hand; printed under the figures). */
const profileFile = fileURLToPath(new URL('./profile.md', import.meta.url));
/** Figures of an earlier run kept for comparison (skipped by `--check`, which reads result.json). */
const beforeFile = fileURLToPath(new URL('./before.json', import.meta.url));

interface Input {
  name: string;
  stages: number;
  text: string;
  rounds: number;
}

interface Phase {
  wallMs: number;
  cpuMs: number;
}

interface SizeResult {
  name: string;
  stages: number;
  transitions: number;
  deadlines: number;
  yamlBytes: number;
  lintFindings: number;
  rounds: number;
  /** Medians per phase. */
  parseValidate: Phase;
  compile: Phase;
  lint: Phase;
  total: Phase;
  /** Fastest round (total), for reference. */
  bestTotal: Phase;
}

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  const value = fn();
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function runOnce(input: Input): { phases: Record<'parseValidate' | 'compile' | 'lint', Phase>; transitions: number; deadlines: number; findings: number } {
  const checked = timed(() => checkPlan({ text: input.text, file: `${input.name}.plan.yaml` }));
  const plan = checked.value.plan;
  if (!checked.value.ok || plan === undefined) {
    const first = checked.value.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`bench: ${input.name} does not validate: ${first?.code} ${first?.message}`);
  }
  const compiled = timed(() => compilePlan(plan));
  const linted = timed(() => lint(plan, { locator: checked.value.source }));
  const errors = linted.value.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`bench: ${input.name} has lint errors: ${errors.map((d) => d.code).join(', ')}`);
  return {
    phases: {
      parseValidate: { wallMs: checked.wallMs, cpuMs: checked.cpuMs },
      compile: { wallMs: compiled.wallMs, cpuMs: compiled.cpuMs },
      lint: { wallMs: linted.wallMs, cpuMs: linted.cpuMs },
    },
    transitions: compiled.value.transitions.size,
    deadlines: plan.deadlines.length,
    findings: linted.value.length,
  };
}

function measure(input: Input): SizeResult {
  // Collect what the previous size left, then warm up. No collection between rounds: a forced full
  // GC right before a round makes the next checkPlan ~5× slower (measured: seed plan 18 → 100 ms CPU),
  // which would measure the collector's aftermath, not the pipeline.
  gc?.();
  runOnce(input);
  runOnce(input);
  const rounds: Array<ReturnType<typeof runOnce>> = [];
  for (let i = 0; i < input.rounds; i++) rounds.push(runOnce(input));
  const med = (key: 'parseValidate' | 'compile' | 'lint'): Phase => ({
    wallMs: median(rounds.map((r) => r.phases[key].wallMs)),
    cpuMs: median(rounds.map((r) => r.phases[key].cpuMs)),
  });
  const totals = rounds.map((r) => ({
    wallMs: r.phases.parseValidate.wallMs + r.phases.compile.wallMs + r.phases.lint.wallMs,
    cpuMs: r.phases.parseValidate.cpuMs + r.phases.compile.cpuMs + r.phases.lint.cpuMs,
  }));
  const first = rounds[0] as ReturnType<typeof runOnce>;
  return {
    name: input.name,
    stages: input.stages,
    transitions: first.transitions,
    deadlines: first.deadlines,
    yamlBytes: Buffer.byteLength(input.text),
    lintFindings: first.findings,
    rounds: input.rounds,
    parseValidate: med('parseValidate'),
    compile: med('compile'),
    lint: med('lint'),
    total: { wallMs: median(totals.map((t) => t.wallMs)), cpuMs: median(totals.map((t) => t.cpuMs)) },
    bestTotal: { wallMs: Math.min(...totals.map((t) => t.wallMs)), cpuMs: Math.min(...totals.map((t) => t.cpuMs)) },
  };
}

function main(): void {
  const machine = machineInfo();
  const seedText = readFileSync(seedFile, 'utf8');
  const inputs: Input[] = [
    { name: 'seed (public-opinion)', stages: 7, text: seedText, rounds: quick ? 10 : 30 },
    ...[10, 100, 1000].map((n) => ({
      name: `generated-${n}`,
      stages: n,
      text: generatePlanYaml({ stages: n }),
      rounds: quick ? (n >= 1000 ? 3 : 5) : n >= 1000 ? 7 : n >= 100 ? 15 : 30,
    })),
  ];
  const results = inputs.map((input) => {
    const r = measure(input);
    console.log(`${r.name}: total ${r.total.cpuMs.toFixed(1)} ms CPU (${r.total.wallMs.toFixed(1)} ms wall) = parse+validate ${r.parseValidate.cpuMs.toFixed(1)} + compile ${r.compile.cpuMs.toFixed(1)} + lint ${r.lint.cpuMs.toFixed(1)}`);
    return r;
  });
  const loadAtEnd = os.loadavg()[0] ?? 0;
  const by = (n: number): SizeResult => results.find((r) => r.stages === n && r.name.startsWith('generated')) as SizeResult;
  const r100 = by(100);
  const r1000 = by(1000);
  const growth = r1000.total.cpuMs / r100.total.cpuMs;
  const targets: Target[] = [
    {
      id: 'compile-lint-1000-stages',
      description: '1,000-stage plan: parse + validate + compile + lint (median CPU time)',
      value: Number(r1000.total.cpuMs.toFixed(1)),
      limit: 1000,
      unit: 'ms',
      better: 'lower',
    },
    {
      id: 'compile-lint-growth-1000-vs-100',
      description: '1,000-stage time ÷ 100-stage time (median CPU time, whole pipeline)',
      value: Number(growth.toFixed(2)),
      limit: 12,
      unit: '×',
      better: 'lower',
    },
  ];
  const doc = {
    area: 'compile',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: Number(loadAtEnd.toFixed(2)) },
    quick,
    sizes: results,
    growth: {
      '1000/100': {
        parseValidate: r1000.parseValidate.cpuMs / r100.parseValidate.cpuMs,
        compile: r1000.compile.cpuMs / r100.compile.cpuMs,
        lint: r1000.lint.cpuMs / r100.lint.cpuMs,
        total: growth,
        totalWall: r1000.total.wallMs / r100.total.wallMs,
      },
      '100/10': { total: r100.total.cpuMs / by(10).total.cpuMs },
    },
    targets: targets.map((t) => ({ ...t, met: isMet(t) })),
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  writeFileSync(`${here}result.json`, `${JSON.stringify(doc, null, 2)}\n`);
  if (process.argv.includes('--no-write')) return;

  const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.stages} | ${r.transitions} | ${r.deadlines} | ${(r.yamlBytes / 1024).toFixed(0)} KB | ${f(r.parseValidate.cpuMs)} | ${f(r.compile.cpuMs)} | ${f(r.lint.cpuMs)} | **${f(r.total.cpuMs)}** | ${f(r.total.wallMs)} | ${((r.total.cpuMs * 1000) / r.stages).toFixed(0)} |`,
  );
  const g = doc.growth['1000/100'];
  writeSection(
    'compile',
    [
      '## compile',
      '',
      `Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC by bench/compile/bench.ts (result: bench/compile/result.json)${quick ? ', quick mode' : ''}.`,
      machineLine(machine, loadAtEnd),
      '',
      'Each plan is YAML text: `checkPlan` (parse with positions + zod schema + cross-references), then `compilePlan` (XState machine, authorization, deadline table), then `lint` (all rules).',
      'Generated plans come from test/fixtures/robustness/generate-plan.ts (teams, escalations with conditional targets, loops back, parallel tracks, a deadline per stage, shared transitions); all validate and lint without errors.',
      'Times are medians in ms of CPU time of the benchmark process (user + system; the wall-clock median is beside it).',
      '',
      '| plan | stages | transitions | deadlines | YAML | parse + validate | compile | lint | total CPU | total wall | µs per stage |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Growth 100 → 1,000 stages (×10 in size): parse + validate ${g.parseValidate.toFixed(1)}×, compile ${g.compile.toFixed(1)}×, lint ${g.lint.toFixed(1)}×, total ${g.total.toFixed(1)}× CPU (${g.totalWall.toFixed(1)}× wall). Linear growth would be 10×.`,
      '',
      ...beforeAfter(results),
      '| target | value | limit | |',
      '| --- | --- | --- | --- |',
      ...doc.targets.map((t) => `| ${t.description} | ${t.value} ${t.unit} | ≤ ${t.limit} ${t.unit} | ${verdict(t.met)} |`),
      '',
      ...(existsSync(profileFile) ? [readFileSync(profileFile, 'utf8').trim(), ''] : []),
    ].join('\n'),
  );
}

/** Rows comparing this run with bench/compile/before.json (median CPU ms), when that file exists. */
function beforeAfter(results: SizeResult[]): string[] {
  if (!existsSync(beforeFile)) return [];
  const before = JSON.parse(readFileSync(beforeFile, 'utf8')) as { date: string; machine: { loadAverage?: number }; sizes: SizeResult[] };
  const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const rows = results.flatMap((r) => {
    const b = before.sizes.find((x) => x.name === r.name);
    if (b === undefined) return [];
    const cell = (k: 'parseValidate' | 'compile' | 'lint' | 'total'): string => `${f(b[k].cpuMs)} → ${f(r[k].cpuMs)}`;
    return [`| ${r.name} | ${cell('parseValidate')} | ${cell('compile')} | ${cell('lint')} | **${cell('total')}** |`];
  });
  const growth = (sizes: SizeResult[]): string => {
    const a = sizes.find((x) => x.name === 'generated-100');
    const z = sizes.find((x) => x.name === 'generated-1000');
    return a === undefined || z === undefined ? '?' : `${(z.total.cpuMs / a.total.cpuMs).toFixed(1)}×`;
  };
  return [
    `Before → after (median CPU ms; before: bench/compile/before.json, ${before.date.slice(0, 16).replace('T', ' ')} UTC, same machine, load ${before.machine.loadAverage ?? '?'}):`,
    '',
    '| plan | parse + validate | compile | lint | total |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Growth 100 → 1,000 stages: ${growth(before.sizes)} before, ${growth(results)} after.`,
    '',
  ];
}

main();
