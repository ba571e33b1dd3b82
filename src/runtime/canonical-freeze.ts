/**
 * Makes a value read from a store canonical (object keys sorted) and deeply frozen in one walk:
 * objects whose keys are already in order are frozen in place, others are replaced by a sorted,
 * frozen copy. Use it only on values nobody else holds (a fresh document from a store).
 * @internal
 *
 * @example
 * const incident = canonicalFrozen(JSON.parse(text) as Incident);
 * Object.isFrozen(incident.timeline[0]); // true
 */
export function canonicalFrozen<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      value[i] = item === undefined ? null : walk(item);
    }
    return Object.freeze(value);
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) if ((keys[i - 1] as string) > (keys[i] as string)) sorted = false;
  if (sorted) {
    for (const key of keys) {
      const item = source[key];
      if (item === undefined) {
        sorted = false;
        break;
      }
      source[key] = walk(item);
    }
    if (sorted) return Object.freeze(source);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const item = source[key];
    if (item !== undefined) out[key] = walk(item);
  }
  return Object.freeze(out);
}
