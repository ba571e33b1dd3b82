import type { Transition } from '../dsl/schema/transition.js';

/** A transition's `by`: the v1 list, or (DSL v2) a map from severity level to a list. */
export type ByValue = Transition['by'];

/**
 * Every entry a `by` names, at any level (a per-level map's lists joined, duplicates kept once),
 * for checks that ask who could ever fire a transition.
 *
 * @example
 * byEntries(['command.leader']); // ['command.leader']
 * byEntries({ I: ['hq.leader'], II: ['hq.leader', 'hq.deputy'] }); // ['hq.leader', 'hq.deputy']
 */
export function byEntries(by: ByValue): string[] {
  return Array.isArray(by) ? [...by] : [...new Set(Object.values(by).flat())];
}

/**
 * `by` as one line of text: the list joined, or `level: list` per level.
 *
 * @example
 * byText({ I: ['hq.leader'], II: ['city.leader'] }); // 'I: hq.leader; II: city.leader'
 */
export function byText(by: ByValue): string {
  if (Array.isArray(by)) return by.join(', ');
  return Object.entries(by)
    .map(([level, entries]) => `${level}: ${entries.join(', ')}`)
    .join('; ');
}
