import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { FORBIDDEN_KEYS, MAX_DEPTH } from './limits.js';

/**
 * Copy a plan given as a JavaScript value into plain data the checker can trust: mappings become
 * prototype-free objects, `__proto__`/`constructor`/`prototype` keys are dropped with a
 * `forbidden-key` diagnostic, and nesting deeper than the limit (or a cycle) gives `too-deep`.
 * Returns `value: undefined` when the value was refused.
 *
 * @example
 * sanitizeValue(JSON.parse('{"__proto__": {"x": 1}, "id": "p"}')).diagnostics[0].code; // 'forbidden-key'
 */
export function sanitizeValue(input: unknown, locale: Locale = 'en'): { value: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let refused = false;
  const copy = (value: unknown, path: Array<string | number>, depth: number): unknown => {
    if (refused) return undefined;
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_DEPTH) {
      diagnostics.push(createDiagnostic('too-deep', { limit: MAX_DEPTH }, path, { locale }));
      refused = true;
      return undefined;
    }
    if (Array.isArray(value)) return value.map((item, index) => copy(item, [...path, index], depth + 1));
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        diagnostics.push(createDiagnostic('forbidden-key', { key }, [...path, key], { locale, target: 'key' }));
        continue;
      }
      out[key] = copy((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
    return out;
  };
  const value = copy(input, [], 0);
  return { value: refused ? undefined : value, diagnostics };
}
