function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Deeper than any field value: left as it is, for the data checks to refuse (and record) as before.
  if (depth > 63) return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => copy(value[i], depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  // Dates, maps, class instances …: kept as they are, for the validators to judge (and refuse).
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out = Object.create(prototype as object | null) as object;
  // Each property read once. A "__proto__" key is defined (an assignment would set the copy's
  // prototype) so that it stays a plain key; every other key is assigned, which is several times
  // faster than defining it.
  for (const key of Object.keys(value)) {
    const item = copy((value as Record<string, unknown>)[key], depth + 1);
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else (out as Record<string, unknown>)[key] = item;
  }
  return out;
}

/**
 * A copy of input given to the engine (`open`, `send`) made by reading every property exactly
 * once: plain objects and arrays are copied, other values kept. Validation and storage then see
 * the same values even when the caller passed getters that answer differently on each read, or a
 * Proxy (64 levels deep; below that values are kept as they are, for the data checks); a Proxy or
 * getter that throws gives the message to report as `invalid-data` instead of escaping as the
 * caller's own exception.
 * @internal
 *
 * @example
 * snapshotInput({ type: 'REPORT', by: { id: 'u1', roles: ['r'] } }); // { value: { … } (a copy) }
 */
export function snapshotInput(value: unknown): { value: unknown; error?: undefined } | { error: string } {
  try {
    return { value: copy(value, 0) };
  } catch (error) {
    return { error: `reading it threw: ${String(error instanceof Error ? error.message : error).slice(0, 200)}` };
  }
}
