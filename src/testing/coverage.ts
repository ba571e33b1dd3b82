import type { CompiledPlan } from '../compile/compiled-plan.js';
import { compiledPlanOf, type TestingPlan } from './compiled-plan-of.js';
import type { CoverageReport, CoverageSection } from '../drill-results/coverage-report.js';
import type { DrillExercised } from '../drill-results/drill-result.js';

/**
 * Every element drills can cover in a plan: its stages, every (stage, event) pair a non-final
 * stage accepts (its own transitions, its tracks' and the shared ones), its tracks, and a met and
 * a breached outcome per deadline.
 *
 * @example
 * ```ts
 * coverageUniverse(plan).transitions.length; // 27 for the seed plan
 * ```
 */
export function coverageUniverse(plan: TestingPlan): { stages: string[]; transitions: string[]; tracks: string[]; deadlines: string[] } {
  const compiled: CompiledPlan = compiledPlanOf(plan);
  const stages = compiled.definition.stages.map((s) => s.id);
  const transitions: string[] = [];
  const tracks: string[] = [];
  for (const [id, stage] of compiled.stages) {
    if (stage.definition.final === true) continue;
    const events = new Set<string>();
    for (const track of stage.trackIds) {
      tracks.push(`${id}/${track}`);
      // DSL v2: a track present only at some levels is also added by a rise and set aside by a fall.
      if (stage.trackLevels?.has(track) === true) tracks.push(`${id}/${track}:added`, `${id}/${track}:set-aside`);
      for (const event of stage.tracks.get(track)?.keys() ?? []) events.add(event);
    }
    for (const event of stage.on.keys()) events.add(event);
    for (const event of events) transitions.push(`${id}:${event}`);
  }
  const deadlines = compiled.definition.deadlines.flatMap((d) => [`${d.id}:met`, `${d.id}:breached`]);
  return { stages, transitions, tracks, deadlines };
}

/**
 * Coverage of a plan by what drills exercised (`DrillResult.exercised`): which stages,
 * transitions, tracks and deadline outcomes they reached, which they missed, and percentages.
 *
 * @example
 * ```ts
 * const report = drillCoverage(plan, results.map((r) => r.exercised));
 * report.transitions.percent; // 100
 * report.deadlines.missed;    // []
 * ```
 */
export function drillCoverage(plan: TestingPlan, exercised: readonly DrillExercised[]): CoverageReport {
  const universe = coverageUniverse(plan);
  const hit = {
    stages: new Set(exercised.flatMap((e) => e.stages)),
    transitions: new Set(exercised.flatMap((e) => e.transitions)),
    tracks: new Set(exercised.flatMap((e) => e.tracks)),
    deadlines: new Set(
      exercised.flatMap((e) => [...e.deadlines.met.map((d) => `${d}:met`), ...e.deadlines.breached.map((d) => `${d}:breached`)]),
    ),
  };
  const section = (all: string[], got: Set<string>): CoverageSection => {
    const covered = all.filter((x) => got.has(x));
    const missed = all.filter((x) => !got.has(x));
    return { covered, missed, total: all.length, percent: percent(covered.length, all.length) };
  };
  const stages = section(universe.stages, hit.stages);
  const transitions = section(universe.transitions, hit.transitions);
  const tracks = section(universe.tracks, hit.tracks);
  const deadlines = section(universe.deadlines, hit.deadlines);
  const covered = stages.covered.length + transitions.covered.length + tracks.covered.length + deadlines.covered.length;
  const total = stages.total + transitions.total + tracks.total + deadlines.total;
  return { stages, transitions, tracks, deadlines, total: { covered, total, percent: percent(covered, total) } };
}

function percent(covered: number, total: number): number {
  return total === 0 ? 100 : Math.round((covered / total) * 1000) / 10;
}
