/** Registered (global) symbol: the same in every copy of planwright loaded in a process. */
const BRAND = Symbol.for('planwright.error');

/**
 * Base of every error planwright throws. Each has a stable `name` (its class name) and `code`.
 *
 * `instanceof` works across the ESM and CommonJS builds, and across two copies of the package in
 * one process: the check looks for a registered symbol and the error's `name`, not the prototype
 * (the builds each have their own classes, so a prototype check would fail between them).
 *
 * @example
 * ```ts
 * try {
 *   await store.get('../x');
 * } catch (error) {
 *   if (error instanceof InvalidIncidentIdError) console.log(error.code); // 'invalid-incident-id'
 *   if (isPlanwrightError(error)) console.log(error.name, error.code);
 * }
 * ```
 */
export abstract class PlanwrightError extends Error {
  /** A stable, machine-readable reason (kebab-case). */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!isPlanwrightError(value)) return false;
    // `this` is the class on the right of `instanceof`: the base accepts every planwright error,
    // a subclass the errors of its name (its own or another build's copy).
    return this.name === 'PlanwrightError' || value.name === this.name;
  }
}

/**
 * Whether `value` is an error planwright threw, from any of its builds; with `name`, of that kind.
 *
 * @example
 * ```ts
 * if (isPlanwrightError(error, 'VersionConflictError')) retry();
 * ```
 */
export function isPlanwrightError(value: unknown, name?: string): value is PlanwrightError {
  if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return name === undefined || (value as { name?: unknown }).name === name;
}
