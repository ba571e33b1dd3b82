import type { PlanDefinition } from '../dsl/schema/plan.js';
import { checkCompilable } from './check-compilable.js';
import { CompileError } from './compile-error.js';
import type { AuthorizationTable, CompiledPlan } from './compiled-plan.js';
import { buildDeadlineTable } from './deadline-table.js';
import { buildFieldValidators } from './field-validators.js';
import { hashCanonical } from './hash.js';
import { renderBody } from './render-template.js';
import { resolveThresholds } from './resolve-thresholds.js';
import { stageTransitions } from './stage-graph.js';
import { localTemplateValues } from './template-values.js';
import { toMachine } from './to-machine.js';
import { indexTransitions } from './transition-index.js';

/**
 * Compiles a plan definition into what the engine runs: the XState machine, the authorization
 * table, the deadline table, field validators, the severity order and a template renderer.
 * Throws {@link CompileError} for a definition with broken references.
 *
 * @example
 * const plan = compilePlan(PlanSchema.parse(parse(readFileSync('plans/public-opinion.plan.yaml', 'utf8'))));
 * plan.authorization['assess']?.['ASSESS']; // ['it-head']
 */
export function compilePlan(definition: PlanDefinition): CompiledPlan {
  const problems = checkCompilable(definition);
  if (problems.length > 0) throw new CompileError(problems);
  // Named thresholds (DSL v2) are written out as numbers or fields in what the engine runs; the
  // definition (hashed, bundled, shown) keeps them as written.
  const runnable = resolveThresholds(definition);
  const { stages, transitions } = indexTransitions(runnable);
  const authorization: Record<string, Record<string, readonly string[]>> = {};
  const grant = (where: string, event: string, roles: readonly string[]): void => {
    const row = (authorization[where] ??= {});
    const had = row[event];
    // A transition's roles are already sorted and distinct (resolveBy), and read-only: a row with one
    // transition shares its list (a shared `in: '*'` transition's list is not copied per stage).
    row[event] = had === undefined ? roles : [...new Set([...had, ...roles])].sort();
  };
  for (const [id, stage] of stages) for (const t of stageTransitions(stage)) grant(t.track === undefined ? id : `${id}/${t.track}`, t.event, t.roles);
  const deadlines = buildDeadlineTable(runnable, stages);
  const templates = new Map(definition.templates.map((t) => [t.id, t]));
  const defaultLocale = definition.locales?.[0];
  return {
    definition,
    hash: hashCanonical(definition),
    machine: toMachine(runnable, stages),
    initialStage: definition.stages[0]?.id ?? '',
    severityOrder: definition.severity.map((s) => s.id),
    severityField: definition.fields.find((f) => f.type === 'severity')?.id,
    roles: new Set(definition.roles.map((r) => r.id)),
    authorization: authorization as AuthorizationTable,
    deadlines,
    deadlineById: new Map(deadlines.map((d) => [d.id, d])),
    maxReminderMs: deadlines.reduce((most, d) => d.reminders.reduce((m, r) => Math.max(m, r.beforeMs), most), 0),
    fields: buildFieldValidators(definition),
    stages,
    events: new Map(definition.events.map((e) => [e.id, e])),
    transitions,
    suggestions: (definition.suggestions ?? []).map((s) => ({ id: s.id, from: s.from, to: s.to, map: { ...s.map }, override: s.override })),
    renderTemplate(id, values) {
      const t = templates.get(id);
      return t === undefined ? undefined : renderBody(id, t.body, (locale) => localTemplateValues(definition, values, locale), defaultLocale);
    },
  };
}
