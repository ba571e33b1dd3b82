import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { checkData } from '../compile/field-validators.js';
import * as z from 'zod/mini';
import { checkSchema, describeIssues, type Issue } from '../validate/check-schema.js';
import { EngineError, sendError, type SendError } from './send-error.js';
import { snapshotInput } from './snapshot-input.js';

/** A string of `min`..`max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

const Person = z.object({
  id: text(1, 256),
  roles: z.array(text(1, 64)).check(z.maxLength(100)),
});

/** The person acting (possibly for a principal, `onBehalfOf`), as the engine accepts it. */
export const ActorInput = z.object({
  id: text(1, 256),
  roles: z.array(text(1, 64)).check(z.maxLength(100)),
  onBehalfOf: z.optional(Person),
});

/** An event given to `engine.send` (the engine stamps the time). */
export const EventInput = z.object({
  type: text(1, 64),
  by: ActorInput,
  data: z.optional(z.unknown()),
});

/** Event data: a plain record of field values. */
export const EventData = z.record(z.string(), z.unknown());

/** What `engine.open` accepts. */
export const OpenInput = z.object({
  by: ActorInput,
  title: text(1, 1000),
  category: text(1, 64),
  data: z.optional(EventData),
  severity: z.optional(text(1, 64)),
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
  const parsed = checkSchema(OpenInput, snapshot.value);
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
  const parsed = checkSchema(EventInput, snapshot.value);
  if (!parsed.success) {
    return { ok: false, error: sendError('invalid-data', `invalid event: ${describeIssues(parsed.issues, 3)}`, { issues: issuesOf(parsed.issues) }) };
  }
  return { ok: true, event: parsed.data as { type: string; by: { id: string; roles: string[] }; data: unknown } };
}

function issuesOf(issues: Issue[]): Array<{ path: string; message: string }> {
  return issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
