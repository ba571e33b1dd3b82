/**
 * Drill benchmark (not a test): the seed plan's drills (examples/drills/public-opinion) run with
 * `runDrill` against the same event sequences run on a hand-written XState v5 machine of the seed
 * plan with its deadlines as `after` timers, under XState's `SimulatedClock`, in the same run.
 * Reports drills per second and the cost ratio per run (target: planwright ≤ 5× raw), checks that
 * both sides breach the same deadlines, and writes the "drill" section of bench/results.md and
 * bench/drill/baseline.json (with its target for `npm run bench -- --check`).
 *
 * Run: `npm run bench` (all areas) or `npx tsx bench/run.ts drill` (`--quick` for fewer rounds).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActor, SimulatedClock } from 'xstate';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';
import type { DrillScenario } from '../../src/testing/scenario/scenario-schema.js';
import { stepTime } from '../../src/testing/scenario/step-time.js';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';
import { rawDrillMachine, type RawDrillEvent } from './raw-drill-machine.js';

const DIR = 'examples/drills/public-opinion';
const TARGET = 5;
const definition = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
const plan = compilePlan(definition);
const files = readdirSync(DIR).filter((f) => f.endsWith('.drill.yaml')).sort();
const scenarios: DrillScenario[] = files.map((f) => loadScenario(join(DIR, f), { plan: definition }));

/** A scenario as the raw run needs it: clock targets (ms since open), each with an optional event. */
interface RawStep {
  at: number;
  event?: RawDrillEvent;
}
const rawScenarios: RawStep[][] = scenarios.map((s) => {
  const open = Date.parse(s.start);
  return s.steps.map((step) => {
    const at = (stepTime(s.start, step.at) ?? open) - open;
    if (step.send === undefined || step.by === undefined) return { at };
    return { at, event: { type: step.send, by: { id: step.by, roles: s.people[step.by] ?? [] }, data: step.data ?? {}, at } };
  });
});

/** Moves a SimulatedClock to `target`, firing each timer at its own due time (as the drill runner does). */
function advance(clock: SimulatedClock, target: number): void {
  const timeouts = (clock as unknown as { timeouts: Map<number, { start: number; timeout: number }> }).timeouts;
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (const t of timeouts.values()) next = Math.min(next, t.start + t.timeout);
    if (next > target) break;
    clock.set(Math.max(next, clock.now()));
  }
  clock.set(target);
}

function rawRun(steps: readonly RawStep[]): { breaches: string[]; value: unknown } {
  const clock = new SimulatedClock();
  const actor = createActor(rawDrillMachine, { clock }).start();
  for (const step of steps) {
    advance(clock, step.at);
    if (step.event) actor.send(step.event);
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { breaches: [...new Set(snapshot.context.breaches)], value: snapshot.value };
}

function cpuNs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

async function planwrightBatch(reps: number): Promise<number> {
  const start = cpuNs();
  for (let r = 0; r < reps; r++) {
    for (const s of scenarios) {
      const result = await runDrill(plan, s);
      if (!result.passed) throw new Error(`bench: drill ${s.drill} failed: ${result.failures[0]?.message}`);
    }
  }
  return (cpuNs() - start) / (reps * scenarios.length);
}

function rawBatch(reps: number): number {
  const start = cpuNs();
  for (let r = 0; r < reps; r++) for (const steps of rawScenarios) rawRun(steps);
  return (cpuNs() - start) / (reps * rawScenarios.length);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 15 : 41;
  const machine = machineInfo();

  // Same outcome on both sides: the deadlines each drill breaches.
  const equivalence = await Promise.all(
    scenarios.map(async (s, i) => {
      const ours = (await runDrill(plan, s)).breaches;
      const raw = rawRun(rawScenarios[i] as RawStep[]).breaches;
      return { file: files[i] as string, planwright: ours, raw, same: [...ours].sort().join() === [...raw].sort().join() };
    }),
  );

  // Warm up both sides until the JIT has settled (a few hundred runs each).
  for (let i = 0; i < (quick ? 10 : 30); i++) {
    await planwrightBatch(1);
    rawBatch(5);
  }
  // Short alternating rounds (one set of drills each side), so that load from other processes on
  // this shared machine hits both sides alike; medians over the rounds. No forced GC between
  // batches: each side pays for the collections its own allocations cause.
  const ours: number[] = [];
  const raws: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const a = await planwrightBatch(1);
    const b = rawBatch(4);
    ours.push(a);
    raws.push(b);
    ratios.push(a / b);
  }
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
  const oursUs = median(ours) / 1000;
  const rawUs = median(raws) / 1000;
  const ratio = median(ratios);
  const events = rawScenarios.flat().filter((s) => s.event).length;
  const figures = {
    date: new Date().toISOString().slice(0, 10),
    machine,
    drills: scenarios.length,
    eventsPerSet: events,
    planwright: { usPerDrill: oursUs, drillsPerSecond: 1e6 / oursUs },
    raw: { usPerDrill: rawUs, drillsPerSecond: 1e6 / rawUs },
    ratio,
    equivalence,
    targets: [
      {
        id: 'drill-vs-raw-simulated-clock',
        description: 'CPU per seed drill run: runDrill vs a hand-written XState machine on SimulatedClock',
        value: Number(ratio.toFixed(3)),
        limit: TARGET,
        unit: '×',
        better: 'lower',
      },
    ],
  };
  console.log(JSON.stringify(figures, null, 2));
  if (process.argv.includes('--no-write')) return;
  const here = fileURLToPath(new URL('.', import.meta.url));
  writeFileSync(join(here, 'baseline.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const loadAtEnd = machineInfo().loadAverage;
  const f = (x: number, d = 1): string => x.toFixed(d);
  const mismatches = equivalence.filter((e) => !e.same);
  writeSection(
    'drill',
    [
      '## drill',
      '',
      `Seed-plan drills (\`bench/drill/bench.ts\`, ${figures.date}): the ${scenarios.length} scenarios of \`${DIR}\` (${events} events in all, clock moves up to 8 simulated days)`,
      'run with `runDrill` (engine on a manual clock and an in-memory store, every deadline firing at its own time, effects captured, expectations checked; scenarios parsed and validated beforehand),',
      'against the same event sequences on a hand-written XState v5 machine of the seed plan with every deadline as an `after` timer (bench/drill/raw-drill-machine.ts)',
      `driven by XState's \`SimulatedClock\` (each timer fired at its own time), in the same process. CPU time; ${rounds} alternating rounds (one set of drills on each side per round), medians; the ratio is the median of the per-round ratios.`,
      '',
      '| | µs per drill run | drills per second | ratio | target | |',
      '| --- | ---: | ---: | ---: | --- | --- |',
      `| planwright \`runDrill\` | ${f(oursUs)} | ${f(1e6 / oursUs, 0)} | ${f(ratio, 2)}× | ≤ ${TARGET}× | ${verdict(ratio <= TARGET)} |`,
      `| raw XState + SimulatedClock | ${f(rawUs)} | ${f(1e6 / rawUs, 0)} | 1× | | |`,
      '',
      mismatches.length === 0
        ? `Both sides breach the same deadlines in all ${scenarios.length} drills (checked in the run).`
        : `**Breaches differ** in ${mismatches.map((m) => `${m.file} (planwright ${m.planwright.join(', ') || '—'}; raw ${m.raw.join(', ') || '—'})`).join('; ')}.`,
      'The raw machine does no data validation, no timeline (hashing), no persistence and no expectation checks; planwright does all of these per event.',
      'Figures are CPU time of this process (user + system) per batch, so they do not count time spent waiting for a core; on this shared, busy machine absolute figures still move by tens of percent between runs, the ratio much less.',
      '',
      machineLine(machine, loadAtEnd),
    ].join('\n'),
  );
}

await main();
