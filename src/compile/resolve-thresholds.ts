import type { PlanDefinition } from '../dsl/schema/plan.js';

/** The order operators whose operand may name a threshold. */
const ORDER_OPERATORS = new Set(['lt', 'lte', 'gt', 'gte']);

interface DeclaredThreshold {
  value?: number | undefined;
  field?: string | undefined;
}

/**
 * The plan with every named-threshold operand of a condition (`{ threshold, plus }`, DSL v2)
 * written out as what the runtime compares: the threshold's fixed value plus the offset (a
 * number), or its field plus the offset (`{ field, plus }`). Conditions stay data; the machine,
 * the transition index and the deadline table are built from the result, so the engine never sees
 * a threshold name. Returns the same object when the plan declares no thresholds. An operand that
 * names an undeclared threshold is left as it is (the checker reports it; it compares false).
 *
 * @example
 * const resolved = resolveThresholds(plan); // { gte: { threshold: 'warning-level', plus: 1 } } → { gte: 5.5 }
 */
export function resolveThresholds(definition: PlanDefinition): PlanDefinition {
  const declared = definition.thresholds ?? [];
  if (declared.length === 0) return definition;
  const byId = new Map<string, DeclaredThreshold>();
  for (const t of declared) if (!byId.has(t.id)) byId.set(t.id, t);
  return rewrite(definition, byId, 0) as PlanDefinition;
}

/** Copies `value`, replacing threshold operands under an order operator (bounded by the schema's depth). */
function rewrite(value: unknown, byId: ReadonlyMap<string, DeclaredThreshold>, depth: number): unknown {
  if (depth > 256 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, byId, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = ORDER_OPERATORS.has(key) ? operand(item, byId) : rewrite(item, byId, depth + 1);
  }
  return out;
}

function operand(item: unknown, byId: ReadonlyMap<string, DeclaredThreshold>): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item) || !('threshold' in item)) return item;
  const { threshold, plus } = item as { threshold: string; plus?: number };
  const declared = byId.get(threshold);
  if (declared === undefined) return item;
  const offset = plus ?? 0;
  if (declared.value !== undefined) return declared.value + offset;
  if (declared.field !== undefined) return offset === 0 ? { field: declared.field } : { field: declared.field, plus: offset };
  return item;
}
