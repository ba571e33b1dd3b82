/** Deepest nesting copied (event data deeper than this is refused; field values are shallow). */
const MAX_SNAPSHOT_DEPTH = 64;

class SnapshotError extends Error {}

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_SNAPSHOT_DEPTH) throw new SnapshotError(`nested more than ${MAX_SNAPSHOT_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    const length = value.length;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(copy(value[i], depth + 1));
    return out;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  // Dates, maps, class instances …: kept as they are, for the validators to judge (and refuse).
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out = Object.create(prototype as object | null) as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(value)) {
    if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    // Each property is read once; defineProperty so that a "__proto__" key stays a plain key.
    Object.defineProperty(out, key, { value: copy((value as Record<PropertyKey, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A copy of input given to the engine (`open`, `send`) made by reading every property exactly
 * once: plain objects and arrays are copied, other values kept. Validation and storage then see
 * the same values even when the caller passed getters that answer differently on each read, or a
 * Proxy; a Proxy (or getter) that throws, or nesting deeper than 64 levels, is an `error` to
 * report as `invalid-data` instead of escaping as the caller's own exception.
 * @internal
 *
 * @example
 * snapshotInput({ type: 'REPORT', by: { id: 'u1', roles: ['r'] } }); // { ok: true, value: { … } (a copy) }
 */
export function snapshotInput(value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: copy(value, 0) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: error instanceof SnapshotError ? detail : `reading it threw: ${detail.slice(0, 200)}` };
  }
}
