import { type CompiledPlan, compilePlan, type Locale, type PlanDefinition, refusalText } from '../index.js';
import { checkScenario, type CoverageReport, drillCoverage, type DrillResult, runDrill } from '../testing/index.js';
import type { StudioDiagnostic } from './analyze-plan.js';

/** A deadline instance pending at a step, with the time left until it is due. */
export interface PendingAtStep {
  deadline: string;
  instance: number;
  dueAt: string;
  /** Milliseconds from the step's time to the due time (negative when overdue and not yet fired). */
  leftMs: number;
}

/** The state of a drill's incident at one step: what the timeline slider shows. */
export interface DrillStepView {
  index: number;
  at: string;
  /** Time since the drill's start (ms). */
  offsetMs: number;
  by?: string;
  send?: string;
  accepted?: boolean;
  /** The engine's refusal of the step's event: its code, and what it means in the run's locale. */
  refusal?: { code: string; message: string };
  /** Stage after the step. */
  stage: string;
  severity: string | null;
  pending: PendingAtStep[];
  /** Deadlines breached since the previous step (ids). */
  breaches: string[];
  /** All deadlines breached so far. */
  breachedSoFar: string[];
  /** Roles notified since the previous step, with why (`reminder`, `breach`, …). */
  notifications: Array<{ roles: string[]; reason: string; deadline?: string }>;
  /** Expectations the step failed. */
  failures: string[];
}

/** One drill as the page lists it after a run. */
export interface DrillRunView {
  file: string;
  name: string;
  passed: boolean;
  /** Input problems (scenario not valid for the plan): the drill did not run. */
  diagnostics: StudioDiagnostic[];
  failures: Array<{ step: number | null; message: string; line?: number }>;
  stage: string;
  breaches: string[];
  steps: DrillStepView[];
}

/** The result of running drills. */
export interface DrillRunSummary {
  passed: number;
  failed: number;
  drills: DrillRunView[];
  coverage?: CoverageReport;
}

const ms = (iso: string): number => Date.parse(iso);

/** Step-by-step state of a finished drill, from its incident's timeline and deadlines; refusals in `locale`. */
export function drillSteps(result: DrillResult, locale: Locale = 'en'): DrillStepView[] {
  const incident = result.incident;
  if (incident === undefined) return [];
  const start = ms(incident.openedAt);
  const views: DrillStepView[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const step of result.steps) {
    const at = ms(step.at);
    const upTo = incident.timeline.filter((entry) => ms(entry.at) <= at);
    const stageEntry = [...upTo].reverse().find((entry) => entry.type === 'stage-entered');
    const regraded = [...upTo].reverse().find((entry) => entry.type === 'regraded' || (entry.type === 'event' && typeof (entry.data?.['data'] as Record<string, unknown> | undefined)?.['severity'] === 'string'));
    const breachedEntries = upTo.filter((entry) => entry.type === 'deadline-breached');
    const fresh = breachedEntries.filter((entry) => ms(entry.at) > previous);
    const pending = incident.deadlines
      .filter((d) => ms(d.armedAt) <= at)
      .filter((d) => ![d.metAt, d.breachedAt, d.cancelledAt].some((t) => t !== undefined && ms(t) <= at))
      .map((d) => ({ deadline: d.id, instance: d.instance, dueAt: d.dueAt, leftMs: ms(d.dueAt) - at }));
    const notifications = result.effects
      .filter((effect) => effect.name === 'notify' && ms(effect.at) > previous && ms(effect.at) <= at)
      .map((effect) => {
        const payload = effect.payload as { roles?: unknown; reason?: unknown; deadline?: unknown };
        const out: { roles: string[]; reason: string; deadline?: string } = {
          roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
          reason: typeof payload.reason === 'string' ? payload.reason : 'notify',
        };
        if (typeof payload.deadline === 'string') out.deadline = payload.deadline;
        return out;
      });
    const severityValue = regraded?.type === 'regraded' ? regraded.data?.['to'] : (regraded?.data?.['data'] as Record<string, unknown> | undefined)?.['severity'];
    const view: DrillStepView = {
      index: step.index,
      at: step.at,
      offsetMs: at - start,
      stage: typeof stageEntry?.data?.['stage'] === 'string' ? (stageEntry.data['stage'] as string) : '',
      severity: typeof severityValue === 'string' ? severityValue : null,
      pending,
      breaches: fresh.map((entry) => String(entry.data?.['deadline'] ?? '')),
      breachedSoFar: [...new Set(breachedEntries.map((entry) => String(entry.data?.['deadline'] ?? '')))],
      notifications,
      failures: [...step.failures],
    };
    if (step.by !== undefined) view.by = step.by;
    if (step.send !== undefined) view.send = step.send;
    if (step.accepted !== undefined) view.accepted = step.accepted;
    if (step.error !== undefined) view.refusal = { code: step.error.code, message: refusalText(step.error, locale) };
    views.push(view);
    previous = at;
  }
  return views;
}

/**
 * Runs drill texts against a plan definition (the page's current plan, saved or not) with the
 * testing library — the same runner as `planwright drill` — and returns pass/fail, failures with
 * their lines, coverage and the step-by-step view of each drill.
 */
export async function runDrills(definition: PlanDefinition, drills: ReadonlyArray<{ file: string; text: string }>, locale: Locale): Promise<DrillRunSummary> {
  let plan: CompiledPlan;
  try {
    plan = compilePlan(definition);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { passed: 0, failed: drills.length, drills: drills.map((d) => ({ file: d.file, name: d.file, passed: false, diagnostics: [{ code: 'compile-error', severity: 'error', message, path: [], file: d.file }], failures: [], stage: '', breaches: [], steps: [] })) };
  }
  const views: DrillRunView[] = [];
  const results: DrillResult[] = [];
  for (const drill of drills) {
    const check = checkScenario(drill.text, { file: drill.file, plan: definition, locale });
    if (!check.ok || check.scenario === undefined) {
      views.push({
        file: drill.file,
        name: drill.file,
        passed: false,
        diagnostics: check.diagnostics.map((d) => {
          const out: StudioDiagnostic = { code: d.code, severity: d.severity, message: d.message, path: [...d.path], file: drill.file };
          if (d.range !== undefined) out.range = d.range;
          return out;
        }),
        failures: [],
        stage: '',
        breaches: [],
        steps: [],
      });
      continue;
    }
    const result = await runDrill(plan, check.scenario, { locale });
    results.push(result);
    views.push({
      file: drill.file,
      name: result.name,
      passed: result.passed,
      diagnostics: [],
      failures: result.failures.map((f) => {
        const line = check.locator?.locate(f.step === null ? ['expect'] : ['steps', f.step]).range?.start.line;
        return line === undefined ? { step: f.step, message: f.message } : { step: f.step, message: f.message, line };
      }),
      stage: result.stage,
      breaches: [...result.breaches],
      steps: drillSteps(result, locale),
    });
  }
  const summary: DrillRunSummary = { passed: views.filter((v) => v.passed).length, failed: views.filter((v) => !v.passed).length, drills: views };
  if (results.length > 0) summary.coverage = drillCoverage(plan, results.map((r) => r.exercised));
  return summary;
}
