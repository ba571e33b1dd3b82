import type { CompiledPlan } from '../../compile/compiled-plan.js';
import type { Field } from '../../dsl/schema/field.js';

/**
 * A value a plan field accepts, for generated paths: text `<field>`, a number within the bounds,
 * the first enum value, `true`, the given time, or the given severity level.
 *
 * @example
 * ```ts
 * sampleValue({ id: 'share', type: 'number', min: 0, max: 1 }, { severity: 'I', now: 0 }); // 0
 * ```
 */
export function sampleValue(field: Field, context: { severity: string; now: number }): unknown {
  switch (field.type) {
    case 'text':
      return field.id;
    case 'number':
      return field.min ?? (field.max !== undefined ? Math.min(0, field.max) : 0);
    case 'enum':
      return field.values[0];
    case 'boolean':
      return true;
    case 'datetime':
      return new Date(context.now).toISOString();
    case 'severity':
      return context.severity;
  }
}

/**
 * Sample data for sending `event` in `stage` (with its track, if any): every field the event and
 * the transition require, and nothing else.
 *
 * @example
 * ```ts
 * sampleData(plan, 'assess', 'ASSESS', undefined, { severity: 'I', now }); // { severity: 'I', nature: 'nature', … }
 * ```
 */
export function sampleData(
  plan: CompiledPlan,
  stage: string,
  event: string,
  track: string | undefined,
  context: { severity: string; now: number },
): Record<string, unknown> {
  const declaration = plan.events.get(event);
  const s = plan.stages.get(stage);
  const transitions = (track === undefined ? s?.on.get(event) : s?.tracks.get(track)?.get(event)) ?? [];
  const fields = new Set([...(declaration?.requires ?? []), ...(transitions[0]?.requires ?? [])]);
  const out: Record<string, unknown> = {};
  for (const id of fields) {
    const field = plan.definition.fields.find((f) => f.id === id);
    if (field !== undefined) out[id] = sampleValue(field, context);
  }
  return out;
}
