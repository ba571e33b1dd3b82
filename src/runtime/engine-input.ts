import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { checkData } from '../compile/field-validators.js';
import { array, describeIssues, max, min, object, optional, record, run, str, unknown, type Issue, type Validator } from '../validate/validate.js';
import { EngineError, sendError, type SendError } from './send-error.js';
import { snapshotInput } from './snapshot-input.js';

// Checked without zod (the runtime entry does not carry it); test/runtime/engine-input.test.ts
// compares each with the zod schema it replaces (kept there as the oracle).

interface Actor {
  id: string;
  roles: string[];
  onBehalfOf?: { id: string; roles: string[] };
}

const Person = object<{ id: string; roles: string[] }>({
  id: str(min(1), max(256)),
  roles: array(str(min(1), max(64)), max(100)),
});

/** The person acting (possibly for a principal, `onBehalfOf`), as the engine accepts it. */
export const ActorInput = object<Actor>({
  id: str(min(1), max(256)),
  roles: array(str(min(1), max(64)), max(100)),
  onBehalfOf: optional(Person),
});

/** An event given to `engine.send` (the engine stamps the time). */
export const EventInput = object<{ type: string; by: Actor; data?: unknown }>({
  type: str(min(1), max(64)),
  by: ActorInput,
  data: optional(unknown),
});

/** Event data: a plain record of field values. */
export const EventData: Validator<Record<string, unknown>> = record(str(), unknown);

/** What `engine.open` accepts. */
export const OpenInput = object<{ by: Actor; title: string; category: string; data?: Record<string, unknown>; severity?: string }>({
  by: ActorInput,
  title: str(min(1), max(1000)),
  category: str(min(1), max(64)),
  data: optional(EventData),
  severity: optional(str(min(1), max(64))),
});


/**
 * Validates the input of `engine.open` against the plan (roles, category, severity, field
 * values); throws {@link EngineError} with code `unauthorized` or `invalid-data`.
 * @internal
 *
 * @example
 * parseOpenInput({ by, title: 'Rumour', category: 'media' }, plan);
 */
export function parseOpenInput(
  input: unknown,
  plan: CompiledPlan,
): { by: { id: string; roles: string[] }; title: string; category: string; data: Record<string, unknown>; severity: string | null } {
  // Validate (and keep) one reading of the input, never the live object.
  const snapshot = snapshotInput(input);
  if (snapshot.error !== undefined) throw new EngineError('invalid-data', `invalid open input: ${snapshot.error}`, { issues: [{ path: '', message: snapshot.error }] });
  const parsed = run(OpenInput, snapshot.value);
  if (!parsed.success) {
    throw new EngineError('invalid-data', `invalid open input: ${describeIssues(parsed.issues, 3)}`, { issues: issuesOf(parsed.issues) });
  }
  const { by, title, category } = parsed.data;
  if (!by.roles.some((r) => plan.roles.has(r))) {
    throw new EngineError('unauthorized', `${by.id} holds no role of plan ${plan.definition.id}`, { roles: by.roles });
  }
  if (!plan.definition.categories.some((c) => c.id === category)) {
    throw new EngineError('invalid-data', `unknown category "${category}"`, {
      categories: plan.definition.categories.map((c) => c.id),
      category,
    });
  }
  const severity = parsed.data.severity ?? null;
  if (severity !== null && !plan.severityOrder.includes(severity)) {
    throw new EngineError('invalid-data', `unknown severity level "${severity}"`, { levels: [...plan.severityOrder], severity });
  }
  const data = parsed.data.data ?? {};
  const issues = checkData(plan.fields, data, [], [...plan.fields.keys()]);
  const field = plan.severityField;
  if (severity !== null && field !== undefined && data[field] !== undefined && data[field] !== severity) {
    issues.push({ field, problem: 'invalid', message: `field "${field}" disagrees with severity "${severity}"` });
  }
  if (issues.length > 0) {
    throw new EngineError('invalid-data', issues.map((i) => i.message).join('; '), { issues });
  }
  // `by` is the check's output: a fresh object with a fresh roles array, nothing else
  return { by, title, category, data: canonicalize(data), severity };
}

/**
 * Validates the envelope of an event given to `engine.send` (type, actor, data present as given).
 * @internal
 *
 * @example
 * parseEventInput({ type: 'REPORT', by: { id: 'u1', roles: ['info-officer'] } }); // { ok: true, event }
 */
export function parseEventInput(
  event: unknown,
): { ok: true; event: { type: string; by: { id: string; roles: string[] }; data: unknown } } | { ok: false; error: SendError } {
  // Validate (and keep) one reading of the event, never the live object.
  const snapshot = snapshotInput(event);
  if (snapshot.error !== undefined) return { ok: false, error: sendError('invalid-data', `invalid event: ${snapshot.error}`, { issues: [{ path: '', message: snapshot.error }] }) };
  const parsed = run(EventInput, snapshot.value);
  if (!parsed.success) {
    return { ok: false, error: sendError('invalid-data', `invalid event: ${describeIssues(parsed.issues, 3)}`, { issues: issuesOf(parsed.issues) }) };
  }
  return { ok: true, event: parsed.data as { type: string; by: { id: string; roles: string[] }; data: unknown } };
}

function issuesOf(issues: Issue[]): Array<{ path: string; message: string }> {
  return issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
