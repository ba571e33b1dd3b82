import type { Incident } from '../../runtime/incident.js';
import { compiledPlanOf, type TestingPlan } from '../compiled-plan-of.js';
import { checkScenarioValue, isValidatedFor } from '../scenario/check-scenario.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { DrillScenario } from '../scenario/scenario-schema.js';
import { stepTime } from '../scenario/step-time.js';
import { breachedIds, notifiedRoles, simulate } from '../simulate.js';
import { checkExpectation } from './check-expectation.js';
import type { DrillExercised, DrillFailure, DrillResult, DrillStepOutcome } from './drill-result.js';

/** Options of {@link runDrill}. */
export interface RunDrillOptions {
  /** Incident id used in the simulation (default derived from the file name, else `drill-1`). */
  incidentId?: string;
}

/**
 * Runs a drill scenario against a plan on a simulated clock, as drills-and-cli.md specifies:
 * the incident opens at `start`; before each step the clock moves to the step's `at`, and every
 * deadline due on the way fires at its own due time, in order; a sending step must be accepted
 * unless it expects `rejected`; expectations are checked after the step, and the final `expect`
 * after the last step. Failures do not stop the drill.
 *
 * Throws {@link ScenarioError} when the scenario is not valid input for the plan.
 *
 * @example
 * ```ts
 * const result = await runDrill(plan, loadScenario('examples/drills/public-opinion/level-ii-rumour.drill.yaml', { plan }));
 * result.passed;   // true
 * result.stage;    // 'closed'
 * ```
 */
export async function runDrill(plan: TestingPlan, scenario: DrillScenario, options: RunDrillOptions = {}): Promise<DrillResult> {
  const compiled = compiledPlanOf(plan);
  let s: DrillScenario = scenario;
  if (!isValidatedFor(scenario, compiled.definition)) {
    const { file, ...value } = scenario;
    const check = checkScenarioValue(value, { plan: compiled.definition, ...(file === undefined ? {} : { file }) });
    if (!check.ok || check.scenario === undefined) throw new ScenarioError(check.diagnostics);
    s = check.scenario;
  }

  const sim = simulate(compiled, {
    start: s.start,
    people: s.people,
    incidentId: options.incidentId ?? incidentIdFor(s.file),
  });
  const failures: DrillFailure[] = [];
  const steps: DrillStepOutcome[] = [];
  const seen = { stages: new Set<string>(), transitions: new Set<string>(), tracks: new Set<string>() };
  let read = 0;
  const observe = (incident: Incident): void => {
    for (; read < incident.timeline.length; read++) {
      const e = incident.timeline[read];
      if (e?.type === 'stage-entered') seen.stages.add(String(e.data?.['stage']));
    }
    seen.stages.add(incident.stage);
  };
  const observed = () => ({ incident: sim.incident, breaches: sim.breaches, notified: sim.notified });

  try {
    await sim.open({
      by: s.open.by,
      title: s.open.title,
      category: s.open.category,
      ...(s.open.data === undefined ? {} : { data: s.open.data }),
      ...(s.open.severity === undefined ? {} : { severity: s.open.severity }),
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    failures.push({ step: null, message: `open: ${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}` });
    await sim.dispose();
    return {
      name: s.drill,
      ...(s.file === undefined ? {} : { file: s.file }),
      passed: false,
      failures,
      stage: '',
      severity: null,
      breaches: [],
      closed: false,
      notified: [],
      steps,
      effects: [],
      exercised: { stages: [], transitions: [], tracks: [], deadlines: { met: [], breached: [] } },
    };
  }
  observe(sim.incident);

  for (const [index, step] of s.steps.entries()) {
    await sim.advanceTo(stepTime(s.start, step.at) ?? Date.parse(s.start));
    const outcome: DrillStepOutcome = { index, at: sim.now, failures: [] };
    if (step.by !== undefined) outcome.by = step.by;
    if (step.send !== undefined && step.by !== undefined) {
      outcome.send = step.send;
      const before = sim.incident;
      const principal = step.onBehalfOf;
      const sender =
        principal === undefined
          ? step.by
          : { id: step.by, roles: [...(s.people[step.by] ?? [])], onBehalfOf: { id: principal, roles: [...(s.people[principal] ?? [])] } };
      const result = await sim.send(sender, step.send, step.data ?? {});
      outcome.accepted = result.ok;
      const expected = step.expect?.rejected;
      if (result.ok) {
        seen.transitions.add(`${before.stage}:${step.send}`);
        const stage = compiled.stages.get(before.stage);
        for (const track of stage?.trackIds ?? []) {
          if (before.tracks.includes(track) && stage?.tracks.get(track)?.has(step.send) && !isPending(sim.incident, before.stage, track)) {
            seen.tracks.add(`${before.stage}/${track}`);
          }
        }
        if (expected !== undefined && expected !== false) {
          outcome.failures.push(`${step.send}: expected rejected (${expected === true ? 'any code' : expected}), got accepted`);
        }
      } else {
        outcome.error = { code: result.error.code, message: result.error.message };
        const got = `rejected (${result.error.code}: ${result.error.message})`;
        if (expected === undefined || expected === false) outcome.failures.push(`${step.send}: expected accepted, got ${got}`);
        else if (expected !== true && expected !== result.error.code) {
          outcome.failures.push(`${step.send}: expected rejected (${expected}), got ${got}`);
        }
      }
    }
    observe(sim.incident);
    if (step.expect !== undefined) for (const failure of checkExpectation(step.expect, observed())) outcome.failures.push(failure);
    for (const message of outcome.failures) failures.push({ step: index, message });
    steps.push(outcome);
  }
  if (s.expect !== undefined) {
    for (const message of checkExpectation(s.expect, observed())) failures.push({ step: null, message });
  }

  const incident = sim.incident;
  const exercised: DrillExercised = {
    stages: [...seen.stages],
    transitions: [...seen.transitions],
    tracks: [...seen.tracks],
    deadlines: {
      met: [...new Set(incident.deadlines.filter((d) => d.status === 'met').map((d) => d.id))],
      breached: breachedIds(incident),
    },
  };
  const effects = [...sim.effects];
  await sim.dispose();
  return {
    name: s.drill,
    ...(s.file === undefined ? {} : { file: s.file }),
    passed: failures.length === 0,
    failures,
    stage: incident.stage,
    severity: incident.severity,
    breaches: breachedIds(incident),
    closed: incident.closed,
    notified: notifiedRoles(effects),
    steps,
    incident,
    effects,
    exercised,
  };
}

/** Whether `track` of `stage` is still pending in the incident (false once the stage is left). */
function isPending(incident: Incident, stage: string, track: string): boolean {
  return incident.stage === stage && incident.tracks.includes(track);
}

/** A valid incident id from a scenario file name: `drill-<base name>` with other characters replaced. */
function incidentIdFor(file: string | undefined): string {
  if (file === undefined) return 'drill-1';
  const base = file.replace(/^.*[\\/]/, '').replace(/\.drill\.(ya?ml|json)$|\.(ya?ml|json)$/, '');
  const id = `drill-${base.replace(/[^A-Za-z0-9._-]/g, '-')}`.slice(0, 128);
  return id;
}
