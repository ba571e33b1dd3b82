/**
 * Makes a value read from a store canonical (object keys sorted) and deeply frozen in one walk:
 * objects whose keys are already in order are frozen in place, others are replaced by a sorted,
 * frozen copy. Use it only on values nobody else holds (a fresh document from a store). Where a
 * timeline entry's `prevHash` equals the previous entry's `hash`, it is pointed at that same string,
 * as in the engine's own timelines (one copy of each hash kept instead of two).
 * @internal
 *
 * @example
 * const incident = canonicalFrozen(JSON.parse(text) as Incident);
 * Object.isFrozen(incident.timeline[0]); // true
 */
export function canonicalFrozen<T>(value: T): T {
  return walk(value) as T;
}

/** `hash` of the timeline entry walked before the current one (see {@link walk}), and of the current one. */
let earlierHash: unknown;
let lastHash: unknown;

function walk(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) value[i] = null;
      else if (typeof item === 'object' && item !== null) {
        const done = walk(item);
        if (done !== item) value[i] = done;
      }
    }
    return Object.freeze(value);
  }
  const source = value as Record<string, unknown>;
  // Common case: keys already in order and no undefined value; walked and frozen in place.
  let previous: string | undefined;
  let inPlace = true;
  for (const key in source) {
    const item = source[key];
    if (item === undefined || (previous !== undefined && previous > key)) {
      inPlace = false;
      break;
    }
    previous = key;
    // A timeline entry's prevHash is the previous entry's hash: point it at that same string, as
    // the engine's own timelines do, so a parsed incident keeps one copy of each hash, not two
    // (entries are walked in order, and an entry's `hash` sorts before its `prevHash`).
    if (key === 'hash') [earlierHash, lastHash] = [lastHash, item];
    else if (key === 'prevHash' && item === earlierHash) source[key] = earlierHash;
    if (typeof item === 'object' && item !== null) {
      const done = walk(item);
      if (done !== item) source[key] = done;
    }
  }
  if (inPlace) return Object.freeze(source);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    const item = source[key];
    if (item !== undefined) out[key] = walk(item);
  }
  return Object.freeze(out);
}
