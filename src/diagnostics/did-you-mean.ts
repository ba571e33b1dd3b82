import { asciiRomanNumeral } from './roman-numerals.js';

/**
 * Edit distance between two strings (insertions, deletions, substitutions and swaps of
 * neighbouring characters each cost 1).
 *
 * @example
 * editDistance('tempate', 'template'); // 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[(i - 1) * cols + j] ?? 0) + 1, (d[i * cols + j - 1] ?? 0) + 1, (d[(i - 1) * cols + j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/**
 * The candidate closest to `input` when it is close enough to be a likely typo
 * (case is ignored; at most about a third of the characters differ), else `undefined`. A Roman
 * numeral character (`Ⅱ`) is matched to its ASCII spelling (`II`) only.
 *
 * @example
 * closestMatch('tempate', ['template', 'title']); // 'template'
 * closestMatch('xyz', ['template', 'title']); // undefined
 * closestMatch('Ⅱ', ['I', 'II']); // 'II'
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > 200) return undefined;
  // `Ⅱ` (a Roman numeral character, as input methods and official documents write levels) means `II`.
  const roman = asciiRomanNumeral(input);
  if (roman !== undefined) {
    const list = [...candidates];
    return list.find((c) => c === roman) ?? list.find((c) => c.toLowerCase() === roman.toLowerCase());
  }
  const lower = input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input || Math.abs(candidate.length - input.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
