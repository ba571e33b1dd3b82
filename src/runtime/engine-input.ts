import * as z from 'zod';
import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { checkData } from '../compile/field-validators.js';
import { EngineError, sendError, type SendError } from './send-error.js';

/** The person acting, as the engine accepts it. */
export const ActorInput = z.object({
  id: z.string().min(1).max(256),
  roles: z.array(z.string().min(1).max(64)).max(100),
});

/** An event given to `engine.send` (the engine stamps the time). */
export const EventInput = z.object({
  type: z.string().min(1).max(64),
  by: ActorInput,
  data: z.unknown().optional(),
});

/** Event data: a plain record of field values. */
export const EventData = z.record(z.string(), z.unknown());

/** What `engine.open` accepts. */
export const OpenInput = z.object({
  by: ActorInput,
  title: z.string().min(1).max(1000),
  category: z.string().min(1).max(64),
  data: EventData.optional(),
  severity: z.string().min(1).max(64).optional(),
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
  const parsed = OpenInput.safeParse(input);
  if (!parsed.success) {
    throw new EngineError('invalid-data', `invalid open input: ${describe(parsed.error)}`, { issues: issuesOf(parsed.error) });
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
  return { by: { id: by.id, roles: [...by.roles] }, title, category, data: canonicalize(data), severity };
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
  const parsed = EventInput.safeParse(event);
  if (!parsed.success) {
    return { ok: false, error: sendError('invalid-data', `invalid event: ${describe(parsed.error)}`, { issues: issuesOf(parsed.error) }) };
  }
  const { type, by, data } = parsed.data;
  return { ok: true, event: { type, by: { id: by.id, roles: [...by.roles] }, data } };
}

function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function describe(error: z.ZodError): string {
  return issuesOf(error)
    .slice(0, 3)
    .map((i) => `${i.path || '(root)'}: ${i.message}`)
    .join('; ');
}
