/**
 * A small validator kit for what the runtime entry checks (bundles, engine input, event data,
 * stored incidents) without zod, which would be most of the runtime's size.
 *
 * The validators follow zod 4's semantics for the subset planwright uses, so that a runtime check
 * and its zod counterpart accept the same values, produce the same output (defaults applied) and
 * name the same paths with the same messages: strict and loose objects, optional / default /
 * nullable, unions (zod's rule: if exactly one option failed without aborting, its issues are
 * reported), discriminated unions, arrays, records, literals, enums, and string / number checks.
 * The zod schemas stay the source of truth: property tests compare each runtime check with its
 * zod schema (test/validate, test/bundle, test/runtime, test/compile).
 *
 * Nothing here evaluates code: validators are plain closures built by this module.
 * @internal
 */

/** Where an issue is: keys and indexes from the validated value's root. */
export type Path = Array<string | number>;

/** One problem found by a validator. */
export interface Issue {
  path: Path;
  message: string;
}

/** An issue while validating; `a` (abort) marks a failure of the value's type (zod's non-`continue` issues). */
interface RawIssue extends Issue {
  a?: boolean;
}

/**
 * A validator: checks `value`, pushes issues (paths relative to `value`; the enclosing object or
 * array prefixes its key when the validator returns, so a valid value costs no path arrays),
 * returns the output value (defaults applied). `k` says how an object treats the key when it is absent: 1 optional, 2 defaulted
 * (the validator, given `undefined`, returns the default); otherwise the key is required, even for {@link unknown}.
 */
export interface Validator<T = unknown> {
  (value: unknown, issues: RawIssue[]): T;
  k?: 1 | 2;
  /** A quick test, where the validator has one: true only when it would find no issue (no output or issues built). */
  t?: (value: unknown) => boolean;
}

/**
 * A check run after a validator's type test passed: returns a message, or nothing when it holds.
 * A message starting with "Invalid input" aborts (no later check runs; zod's `.int()`). Length
 * checks (`length_`) also run after a failed type test, on any value with a length, as in zod.
 */
export type Check = ((value: never) => string | undefined) & { length_?: boolean; max_?: number };

/** The outcome of {@link run}. */
export type Result<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/**
 * Validates `value`; returns the output or the issues (paths relative to `value`).
 *
 * @example
 * run(str(min(1)), ''); // { success: false, issues: [{ path: [], message: 'Too small: …' }] }
 */
export function run<T>(validator: Validator<T>, value: unknown): Result<T> {
  const issues: RawIssue[] = [];
  const data = validator(value, issues);
  return issues.length === 0 ? { success: true, data } : { success: false, issues: issues.map(({ path, message }) => ({ path, message })) };
}

/**
 * Whether `validator` would accept `value`, asked without building outputs or issues (the valid
 * case as fast as a hand-written check); false also where a validator has no quick test.
 *
 * @example
 * accepts(array(str()), ['a']); // true
 */
export const accepts = (validator: Validator, value: unknown): boolean => validator.t !== undefined && validator.t(value);

function passes(checks: Check[], value: unknown): boolean {
  for (const check of checks) if (check(value as never) !== undefined) return false;
  return true;
}

function aborted(issues: RawIssue[], from = 0): boolean {
  for (let i = from; i < issues.length; i++) if (issues[i]?.a === true) return true;
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's `isPlainObject` (what `z.record` accepts). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor = v.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

/** zod's name of a received value in "expected …, received …". */
function received(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && 'constructor' in v && v.constructor) {
    return (v.constructor as { name: string }).name;
  }
  return typeof v;
}

const quote = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

/** Validates `value`, found at `key` of its container: the issues found get `key` in front of their paths. */
function inside<T>(validator: Validator<T>, value: unknown, issues: RawIssue[], key: string | number): T {
  const from = issues.length;
  const out = validator(value, issues);
  for (let i = from; i < issues.length; i++) (issues[i] as RawIssue).path.unshift(key);
  return out;
}

/** Adds an issue at `path`, aborting unless `a` is false. */
function fail(issues: RawIssue[], message: string, path: Path = [], a = true): void {
  issues.push({ path, message, a });
}

function typeIssue(issues: RawIssue[], expected: string, value: unknown): void {
  fail(issues, `Invalid input: expected ${expected}, received ${received(value)}`);
}

/** Runs `checks` on `value` in order until one aborts (see {@link Check}). */
function runChecks(checks: Check[], value: unknown, issues: RawIssue[], typeOk: boolean): void {
  for (const check of checks) {
    // zod runs length checks on anything with a length, even after the type test failed
    if (!typeOk && !(check.length_ === true && value != null && (value as { length?: unknown }).length !== undefined)) continue;
    const message = check(value as never);
    if (message !== undefined) {
      const a = message.startsWith('Invalid input');
      fail(issues, message, [], a);
      if (a) break;
    }
  }
}

/** A validator of one type (`test`), then its checks in order. */
function typed<T>(expected: string, test: (v: unknown) => boolean, checks: Check[]): Validator<T> {
  return Object.assign(
    (value: unknown, issues: RawIssue[]) => {
      const ok = test(value);
      if (!ok) typeIssue(issues, expected, value);
      runChecks(checks, value, issues, ok);
      return value as T;
    },
    { t: checks.length === 0 ? test : (value: unknown) => test(value) && passes(checks, value) },
  );
}

// ---- checks ---------------------------------------------------------------------------------

const origin = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown');
const sized = (v: unknown, bound: string): string =>
  origin(v) === 'unknown' ? `expected unknown to be ${bound}` : `expected ${origin(v)} to have ${bound} ${origin(v) === 'array' ? 'items' : 'characters'}`;

/** At least `n` characters (string) or items (array). */
export const min = (n: number): Check =>
  Object.assign((v: { length: number }) => (v.length < n ? `Too small: ${sized(v, `>=${n}`)}` : undefined), { length_: true });

/** At most `n` characters (string) or items (array). */
export const max = (n: number): Check =>
  Object.assign((v: { length: number }) => (v.length > n ? `Too big: ${sized(v, `<=${n}`)}` : undefined), { length_: true, max_: n });

/** Matches `re`; `message` as zod's `.regex(re, message)`. */
export const regex =
  (re: RegExp, message = `Invalid string: must match pattern ${String(re)}`): Check =>
  (v: string) => {
    re.lastIndex = 0;
    return re.test(v) ? undefined : message;
  };

/** Holds `test`; `message` as zod's `.refine(test, message)`. */
export const refine =
  <T>(test: (v: T) => boolean, message: string): Check =>
  (v: T) =>
    test(v) ? undefined : message;

/** A number ≥ `n`. */
export const gte =
  (n: number): Check =>
  (v: number) =>
    v < n ? `Too small: expected number to be >=${n}` : undefined;

/** A number ≤ `n`. */
export const lte =
  (n: number): Check =>
  (v: number) =>
    v > n ? `Too big: expected number to be <=${n}` : undefined;

/** A number > 0 (zod's `.positive()`). */
export const positive: Check = (v: number) => (v <= 0 ? 'Too small: expected number to be >0' : undefined);

/** A safe integer (zod's `.int()`): a fraction aborts, an unsafe integer does not. */
export const int: Check = (v: number) =>
  !Number.isInteger(v)
    ? 'Invalid input: expected int, received number'
    : v > Number.MAX_SAFE_INTEGER
      ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`
      : v < Number.MIN_SAFE_INTEGER
        ? `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`
        : undefined;

// ---- validators -----------------------------------------------------------------------------

const isString = (v: unknown): boolean => typeof v === 'string';

/** A string, then `checks`. */
export const str = (...checks: Check[]): Validator<string> => typed('string', isString, checks);

/** A finite number, then `checks`. */
export const num = (...checks: Check[]): Validator<number> => typed('number', (v) => typeof v === 'number' && Number.isFinite(v), checks);

/** `true` or `false`. */
export const bool: Validator<boolean> = typed('boolean', (v) => typeof v === 'boolean', []);

/** Any value; as an object key it must be present. */
export const unknown: Validator = Object.assign((value: unknown) => value, { t: () => true });

/** Exactly `value`. */
export const literal = <T extends string | number | boolean>(value: T): Validator<T> => oneOf([value]);

/** One of `values` (zod's `enum`). */
export function oneOf<T extends string | number | boolean>(values: readonly T[]): Validator<T> {
  const message =
    values.length === 1 ? `Invalid input: expected ${quote(values[0])}` : `Invalid option: expected one of ${values.map(quote).join('|')}`;
  return Object.assign(
    (value: unknown, issues: RawIssue[]) => {
      if (!values.includes(value as T)) fail(issues, message);
      return value as T;
    },
    { t: (value: unknown) => values.includes(value as T) },
  );
}

/** `alone` or `inner`. */
const or = <T, A>(inner: Validator<T>, alone: A): Validator<T | A> =>
  Object.assign((value: unknown, issues: RawIssue[]) => (value === alone ? alone : inner(value, issues)), {
    t: (value: unknown) => value === alone || accepts(inner, value),
  });

/** `undefined` or `inner`; an optional object key. */
export const optional = <T>(inner: Validator<T>): Validator<T | undefined> => Object.assign(or(inner, undefined), { k: 1 as const });

/** `inner`, with `make()` in place of `undefined` (a defaulted object key). */
export const withDefault = <T>(inner: Validator<T>, make: () => T): Validator<T> =>
  Object.assign((value: unknown, issues: RawIssue[]) => (value === undefined ? make() : inner(value, issues)), { k: 2 as const });

/** `null` or `inner`. */
export const nullable = <T>(inner: Validator<T>): Validator<T | null> => or(inner, null);

/** An array of `item`, then `checks` (e.g. `min(1)`). */
export function array<T>(item: Validator<T>, ...checks: Check[]): Validator<T[]> {
  const t = (value: unknown): boolean => {
    if (!Array.isArray(value) || !passes(checks, value)) return false;
    for (let i = 0; i < value.length; i++) if (!accepts(item, value[i])) return false;
    return true;
  };
  const validator: Validator<T[]> = (value, issues) => {
    if (!Array.isArray(value)) {
      typeIssue(issues, 'array', value);
      runChecks(checks, value, issues, false);
      return value as T[];
    }
    // zod reports an array longer than a max(n) alone, without looking at its items
    for (const check of checks)
      if (check.max_ !== undefined && value.length > check.max_) {
        fail(issues, check(value as never) as string);
        return value as T[];
      }
    const start = issues.length;
    const out = new Array<T>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = inside(item, value[i], issues, i);
    runChecks(checks, value, issues, !aborted(issues, start));
    return out;
  };
  return Object.assign(validator, { t });
}

/** Object keys → validators. */
export type Shape = Record<string, Validator>;

function anyObject(shape: Shape, unknownKeys: 'strip' | 'strict' | 'loose'): Validator<Record<string, unknown>> {
  const keys = Object.keys(shape);
  // an absent key passes only when optional or defaulted; a strict object's quick test is left out (none needs it)
  const validators = keys.map((key) => shape[key] as Validator);
  const t = (value: unknown): boolean => {
    if (unknownKeys === 'strict' || !isObject(value)) return false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const validator = validators[i] as Validator;
      const item = value[key];
      if (item === undefined && !(key in value) ? validator.k === undefined : key !== '__proto__' && !accepts(validator, item)) return false;
    }
    return true;
  };
  const validator: Validator<Record<string, unknown>> = (value, issues) => {
    if (!isObject(value)) {
      typeIssue(issues, 'object', value);
      return value as Record<string, unknown>;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key === '__proto__') continue;
      const validator = shape[key] as Validator;
      const present = key in value;
      if (!present && validator.k === 1) continue;
      const count = issues.length;
      const result = inside(validator, value[key], issues, key);
      if (present || validator.k === 2) out[key] = result;
      else if (issues.length === count) fail(issues, 'Invalid input: expected nonoptional, received undefined', [key]);
    }
    const unrecognized: string[] = [];
    if (unknownKeys !== 'strip')
      for (const key in value) {
        if (Object.hasOwn(shape, key)) continue;
        if (unknownKeys === 'strict') unrecognized.push(key);
        else if (key !== '__proto__') out[key] = value[key];
      }
    if (unrecognized.length > 0) {
      fail(issues, `Unrecognized key${unrecognized.length > 1 ? 's' : ''}: ${unrecognized.map(quote).join(', ')}`, [], false);
    }
    return out;
  };
  return Object.assign(validator, { t });
}

/** An object with the keys of `shape`; other keys are left out of the output (zod's `object`). */
export const object = <T = Record<string, unknown>>(shape: Shape): Validator<T> => anyObject(shape, 'strip') as Validator<T>;

/** An object with exactly the keys of `shape` (zod's `strictObject`). */
export const strictObject = <T = Record<string, unknown>>(shape: Shape): Validator<T> => anyObject(shape, 'strict') as Validator<T>;

/** An object with the keys of `shape`, other keys kept as they are (zod's `looseObject`). */
export const looseObject = <T = Record<string, unknown>>(shape: Shape): Validator<T> => anyObject(shape, 'loose') as Validator<T>;

/** A plain object whose keys pass `key` and values pass `item` (zod's `record`). */
export function record<T>(key: Validator<string>, item: Validator<T>): Validator<Record<string, T>> {
  // a quick test only for a record of anything under any string key (a plain object without symbol
  // keys); records with checked keys or values are left to the full check
  const t = key.t === isString && item === unknown ? (value: unknown) => isPlainObject(value) && Object.getOwnPropertySymbols(value).length === 0 : undefined;
  const validator: Validator<Record<string, T>> = (value, issues) => {
    if (!isPlainObject(value)) {
      typeIssue(issues, 'record', value);
      return value as Record<string, T>;
    }
    const out: Record<string, T> = {};
    for (const k of Reflect.ownKeys(value)) {
      if (k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, k)) continue;
      const count = issues.length;
      if (typeof k === 'string') key(k, issues);
      if (typeof k !== 'string' || issues.length > count) {
        issues.length = count;
        fail(issues, 'Invalid key in record', [k as string]);
        continue;
      }
      out[k] = inside(item, value[k], issues, k);
    }
    return out;
  };
  return Object.assign(validator, { t });
}

/** The first of `options` that accepts the value, with zod's rule for which failures to report. */
export function union<T>(options: Array<Validator<T>>): Validator<T> {
  return Object.assign(
    (value: unknown, issues: RawIssue[]) => {
      const tried: Array<{ out: T; issues: RawIssue[] }> = [];
      for (const option of options) {
        const own: RawIssue[] = [];
        const out = option(value, own);
        if (own.length === 0) return out;
        tried.push({ out, issues: own });
      }
      const kept = tried.filter((t) => !aborted(t.issues));
      if (kept.length === 1) {
        for (const issue of (kept[0] as { issues: RawIssue[] }).issues) issues.push(issue);
        return (kept[0] as { out: T }).out;
      }
      fail(issues, 'Invalid input');
      return value as T;
    },
    options.some((o) => o.k === 1) ? { k: 1 as const } : {},
  );
}

/** Objects told apart by the value of `key` (zod's `discriminatedUnion`). */
export function discriminatedUnion<T>(key: string, options: Record<string, Validator<T>>): Validator<T> {
  const message = `Invalid discriminator value. Expected ${Object.keys(options)
    .map((o) => `'${o}'`)
    .join(' | ')}`;
  return (value, issues) => {
    if (!isObject(value)) {
      typeIssue(issues, 'object', value);
      return value as T;
    }
    const tag = value[key];
    const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined;
    if (option !== undefined) return option(value, issues);
    fail(issues, message, [key]);
    return value as T;
  };
}

/**
 * A zod-like surface (`safeParse`) over a validator, for callers that held a zod schema before.
 *
 * @example
 * safeParser(str()).safeParse(1).success; // false
 */
export function safeParser<T>(validator: Validator<T>): { safeParse(value: unknown): Result<T> & { error?: { issues: Issue[] } } } {
  return {
    safeParse(value) {
      const result = run(validator, value);
      return result.success ? result : { ...result, error: { issues: result.issues } };
    },
  };
}

/** `path: message` lines of the first `count` issues, `(root)` for the value itself. */
export function describeIssues(issues: readonly Issue[], count: number, under: Path = []): string {
  return issues
    .slice(0, count)
    .map((i) => `${[...under, ...i.path].join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
