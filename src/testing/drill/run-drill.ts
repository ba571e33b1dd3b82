import type { Locale } from '../../diagnostics/locale.js';
import { DRILL_MESSAGES } from '../../messages/drill-messages.js';
import { messagesIn } from '../../messages/message-table.js';
import { refusalText } from '../../messages/refusal-messages.js';
import type { Incident } from '../../runtime/incident.js';
import { compiledPlanOf, type TestingPlan } from '../compiled-plan-of.js';
import { checkScenarioValue, isValidatedFor } from '../scenario/check-scenario.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { DrillScenario } from '../scenario/scenario-schema.js';
import { stepTime } from '../scenario/step-time.js';
import { breachedIds, notifiedRoles, simulate } from '../simulate.js';
import { checkExpectation } from './check-expectation.js';
import { drillClock } from './drill-clock.js';
import type { ExplainedStep } from './explain-deadline.js';
import { refusalReason } from './refusal-reason.js';
import type { DrillExercised, DrillFailure, DrillResult, DrillStepOutcome } from '../../drill-results/drill-result.js';

/** Options of {@link runDrill}. */
export interface RunDrillOptions {
  /** Incident id used in the simulation (default derived from the file name, else `drill-1`). */
  incidentId?: string;
  /** Language of the failure messages and their explanations (default en). */
  locale?: Locale;
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
  const locale = options.locale ?? 'en';
  const t = messagesIn(DRILL_MESSAGES, locale);
  const clock = drillClock(s.start, compiled.definition.timezone);
  const failures: DrillFailure[] = [];
  const steps: DrillStepOutcome[] = [];
  const ran: ExplainedStep[] = [];
  const check = (expect: NonNullable<DrillScenario['expect']>) =>
    checkExpectation(expect, observed(), { locale, explain: { plan: compiled, steps: ran, clock } });
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
    const message = error instanceof Error ? error.message : String(error);
    const reason = typeof code === 'string' ? `${code}: ${refusalText({ code, message }, locale)}` : message;
    failures.push({ step: null, message: t.openFailed({ reason }) });
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
    const details: string[][] = [];
    const explained: ExplainedStep = { index, at: sim.now };
    ran.push(explained);
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
      explained.send = step.send;
      explained.accepted = result.ok;
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
          outcome.failures.push(t.expectedRejectedGotAccepted({ event: step.send, code: expected === true ? t.anyCode() : expected }));
          details.push([]);
        }
      } else {
        outcome.error = { code: result.error.code, message: result.error.message };
        const refused = { event: step.send, code: result.error.code, message: refusalText(result.error, locale) };
        const why = refusalReason(
          { code: result.error.code, event: step.send, by: step.by, roles: s.people[step.by] ?? [], stage: before.stage },
          locale,
        );
        if (expected === undefined || expected === false) {
          outcome.failures.push(t.expectedAcceptedGotRejected(refused));
          details.push([why]);
        } else if (expected !== true && expected !== result.error.code) {
          outcome.failures.push(t.expectedOtherRejection({ ...refused, expected }));
          details.push([why]);
        }
      }
    }
    observe(sim.incident);
    if (step.expect !== undefined) {
      for (const failure of check(step.expect)) {
        outcome.failures.push(failure.message);
        details.push(failure.details);
      }
    }
    outcome.failures.forEach((message, at) => failures.push(withDetails({ step: index, message }, details[at] ?? [])));
    steps.push(outcome);
  }
  if (s.expect !== undefined) {
    for (const failure of check(s.expect)) failures.push(withDetails({ step: null, message: failure.message }, failure.details));
  }

  const incident = sim.incident;
  // DSL v2: a level-gated track added by a rise, or set aside by a fall, while its stage was active.
  for (const e of incident.timeline) {
    if (e.type === 'track-added' || e.type === 'track-withdrawn') seen.tracks.add(`${String(e.data?.['stage'])}/${String(e.data?.['track'])}:${e.type === 'track-added' ? 'added' : 'set-aside'}`);
  }
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

/** A failure with its explanation lines, when there are any. */
function withDetails(failure: DrillFailure, details: readonly string[]): DrillFailure {
  return details.length === 0 ? failure : { ...failure, details: [...details] };
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
