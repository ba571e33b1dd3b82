/**
 * Returns `value` with every object's keys in sorted (code unit) order, so that `JSON.stringify`
 * of it is canonical. `undefined` properties are dropped, as JSON does. Parts that are already
 * canonical are returned as they are (not copied); treat the result as read-only.
 *
 * @example
 * JSON.stringify(canonicalize({ b: 1, a: { d: 2, c: 3 } })); // '{"a":{"c":3,"d":2},"b":1}'
 */
export function canonicalize<T>(value: T): T {
  return sortValue(value) as T;
}

/**
 * Canonical JSON text of a value: object keys sorted at every level, no whitespace.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { y: 1, x: 0 }] }); // '{"a":[2,{"x":0,"y":1}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortValue(value));
}

function sortValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = item === undefined ? null : sortValue(item);
      if (sorted !== item && copy === undefined) copy = value.slice(0, i);
      if (copy !== undefined) copy.push(sorted);
    }
    return copy ?? value;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let same = true;
  for (let i = 0; i < keys.length && same; i++) {
    const key = keys[i] as string;
    const item = source[key];
    if (item === undefined || (i > 0 && (keys[i - 1] as string) > key) || sortValue(item) !== item) same = false;
  }
  if (same) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const item = source[key];
    if (item !== undefined) out[key] = sortValue(item);
  }
  return out;
}
