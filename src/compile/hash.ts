import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The sha256 of a text, as lowercase hex.
 *
 * @example
 * sha256Hex('abc'); // 'ba7816bf…'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The sha256 (hex) of a value's canonical JSON: equal values hash equally whatever their key order.
 *
 * @example
 * hashCanonical({ b: 1, a: 2 }) === hashCanonical({ a: 2, b: 1 }); // true
 */
export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
