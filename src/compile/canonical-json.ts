/**
 * Returns a deep copy of `value` with every object's keys in sorted (code unit) order, so that
 * `JSON.stringify` of the copy is canonical. `undefined` properties are dropped, as JSON does.
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
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortValue(item)));
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const item = source[key];
      if (item !== undefined) out[key] = sortValue(item);
    }
    return out;
  }
  return value;
}
