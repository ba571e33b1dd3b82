/**
 * Deep freezing of incident documents, and a record of the incidents the engine itself built
 * (from validated input, frozen all the way down), so that a store handed one can keep it by
 * reference without walking it, and an engine reading one back need not check it again.
 */

/** Incidents the engine built: valid and deep-frozen (frozen objects never thaw, so membership never goes stale). */
const engineIncidents = new WeakSet<object>();

/**
 * Freezes a plain JSON value and everything in it (stops at parts already frozen, which must
 * then be deep-frozen themselves: the engine freezes bottom-up).
 * @internal
 *
 * @example
 * deepFreeze({ a: [1, { b: 2 }] }); // the object, the array and the inner object are frozen
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Deep-freezes the items of `list` not frozen yet, then the list itself. With `appendOnly`, the
 * walk stops at the first frozen item from the end (older items came from a frozen document).
 * @internal
 *
 * @example
 * freezeNew(workingTimeline, true); // freezes only the entries appended since the last commit
 */
export function freezeNew(list: readonly unknown[], appendOnly: boolean): void {
  if (Object.isFrozen(list)) return;
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i];
    if (item === null || typeof item !== 'object') continue;
    if (Object.isFrozen(item)) {
      if (appendOnly) break;
      continue;
    }
    deepFreeze(item);
  }
  Object.freeze(list);
}

/**
 * Records that the engine built `incident` from validated input and froze every part of it;
 * returns it. Only the engine's own change code calls this (never a store: a store's copy of a
 * host's document has not been validated).
 * @internal
 *
 * @example
 * return markEngineIncident(Object.freeze(next));
 */
export function markEngineIncident<T extends object>(incident: T): T {
  engineIncidents.add(incident);
  return incident;
}

/**
 * Whether the engine built `value` ({@link markEngineIncident}): valid and deep-frozen (O(1), no walk).
 * @internal
 *
 * @example
 * isEngineIncident(engineIncident); // true
 */
export function isEngineIncident(value: object): boolean {
  return engineIncidents.has(value);
}

/**
 * Whether `value` is known to be deep-frozen (an engine incident), or is found to be so by a
 * walk (a frozen parent may hold unfrozen children, so a shallow check is not enough).
 * @internal
 *
 * @example
 * isDeepFrozen(engineIncident); // true, without walking it
 */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (engineIncidents.has(value)) return true;
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isDeepFrozen(value[i])) return false;
    return true;
  }
  for (const key in value) if (!isDeepFrozen((value as Record<string, unknown>)[key])) return false;
  return true;
}
