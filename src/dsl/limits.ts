/** Largest plan file read, in bytes (5 MB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Deepest nesting of mappings and lists accepted in a plan document. */
export const MAX_DEPTH = 64;
/** Most nodes YAML aliases may expand to in one document (guards against "billion laughs"). */
export const MAX_ALIAS_NODES = 10_000;
/** Most files one plan may include, all levels together. */
export const MAX_INCLUDED_FILES = 200;
/**
 * Most bytes read for one plan: its own file and every file it includes, all levels together,
 * each file counted once (5 MB, the single-file limit: includes split a plan, they do not enlarge it).
 */
export const MAX_PLAN_BYTES = MAX_FILE_BYTES;
/** Most diagnostics reported for one plan. */
export const MAX_DIAGNOSTICS = 500;
/** Keys that are never read from a plan: they could reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
