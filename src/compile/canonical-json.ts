/**
 * Returns `value` with every object's keys in sorted (code unit) order, so that `JSON.stringify`
 * of it is canonical. `undefined` properties are dropped, as JSON does. Parts that are already
 * canonical are returned as they are (not copied); treat the result as read-only.
 *
 * @example
 * JSON.stringify(canonicalize({ b: 1, a: { d: 2, c: 3 } })); // '{"a":{"c":3,"d":2},"b":1}'
 */
export function canonicalize<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = item === undefined ? null : canonicalize(item);
      if (sorted !== item && copy === undefined) copy = value.slice(0, i);
      if (copy !== undefined) copy.push(sorted);
    }
    return (copy ?? value) as T;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  // Every child is sorted once; `children` (made at the first child that changes or is undefined)
  // keeps the results for the copy instead of sorting them again.
  let children: unknown[] | undefined;
  let inOrder = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0 && (keys[i - 1] as string) > key) inOrder = false;
    const item = source[key];
    const sorted = item === undefined ? undefined : canonicalize(item);
    if (children === undefined && (item === undefined || sorted !== item)) {
      children = [];
      for (let j = 0; j < i; j++) children.push(source[keys[j] as string]);
    }
    if (children !== undefined) children.push(sorted);
  }
  if (children === undefined) {
    if (inOrder) return value;
    const out: Record<string, unknown> = {};
    for (const key of keys.sort()) out[key] = source[key];
    return out as T;
  }
  const kept = children;
  const order = keys.map((_, i) => i);
  if (!inOrder) order.sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
  const out: Record<string, unknown> = {};
  for (const i of order) {
    const item = kept[i];
    if (item !== undefined) out[keys[i] as string] = item;
  }
  return out as T;
}

/**
 * Canonical JSON text of a value: object keys sorted at every level, no whitespace.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { y: 1, x: 0 }] }); // '{"a":[2,{"x":0,"y":1}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}
