import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

type OneShotHash = (algorithm: string, data: string, encoding: 'hex') => string;
/** `crypto.hash` (Node ≥ 20.12): one call, no Hash object; about 2–3× faster for short texts. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/**
 * The sha256 of a text (UTF-8), as lowercase hex.
 *
 * @example
 * sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  if (oneShot !== undefined) return oneShot('sha256', text, 'hex');
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
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
