import type { ValueKind } from '../diagnostics/codes.js';

/**
 * The kind of a plain-data value as diagnostics name it.
 *
 * @example
 * valueKind([1]); // 'array'
 * valueKind(undefined); // 'null'
 */
export function valueKind(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}
