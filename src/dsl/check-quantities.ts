import { closestMatch } from '../diagnostics/did-you-mean.js';
import type { ReferenceScope } from './reference-scope.js';

/**
 * DSL v2 quantities: named thresholds (exactly one of `value` / `field`, a number field) and
 * suggested levels (`from` an enum field, `to` the severity field, every `map` key a value of
 * `from`, every `map` value a level, `override` a declared field). Reports through `checker`.
 *
 * @example
 * checkQuantities(new ReferenceChecker(plan, 'en')); // pushes e.g. unknown-threshold, suggestion-value-unknown
 */
export function checkQuantities(checker: ReferenceScope): void {
  const plan = checker.plan;
  const thresholds = plan.thresholds ?? [];
  const suggestions = plan.suggestions ?? [];
  checker.duplicates(thresholds, ['thresholds'], 'threshold');
  checker.duplicates(suggestions, ['suggestions'], 'suggestion');
  thresholds.forEach((threshold, i) => {
    const path = ['thresholds', i];
    const hasValue = threshold.value !== undefined;
    const hasField = threshold.field !== undefined;
    if (hasValue === hasField) checker.push('threshold-value-or-field', { threshold: threshold.id, given: hasValue ? 'both' : 'none' }, hasValue ? [...path, 'field'] : path);
    if (threshold.field === undefined) return;
    checker.ref('unknown-field', threshold.field, checker.fieldIds, [...path, 'field']);
    const field = checker.fields.get(threshold.field);
    if (field !== undefined && field.type !== 'number') {
      checker.push('threshold-field-not-number', { threshold: threshold.id, field: field.id, fieldType: field.type }, [...path, 'field']);
    }
  });
  suggestions.forEach((suggestion, i) => {
    const path = ['suggestions', i];
    const from = checker.fields.get(suggestion.from);
    if (from === undefined) checker.ref('unknown-field', suggestion.from, checker.fieldIds, [...path, 'from']);
    else if (from.type !== 'enum') checker.push('suggestion-field-type', { rule: suggestion.id, field: from.id, fieldType: from.type, expected: 'enum' }, [...path, 'from']);
    const to = checker.fields.get(suggestion.to);
    if (to === undefined) checker.ref('unknown-field', suggestion.to, checker.fieldIds, [...path, 'to']);
    else if (to.type !== 'severity') checker.push('suggestion-field-type', { rule: suggestion.id, field: to.id, fieldType: to.type, expected: 'severity' }, [...path, 'to']);
    checker.ref('unknown-field', suggestion.override, checker.fieldIds, [...path, 'override']);
    for (const [value, level] of Object.entries(suggestion.map)) {
      if (from?.type === 'enum' && !from.values.includes(value)) {
        const known = [...from.values];
        const closest = closestMatch(value, known);
        const params = closest === undefined ? { id: value, known, field: from.id } : { id: value, known, field: from.id, suggestion: closest };
        checker.push('suggestion-value-unknown', params, [...path, 'map', value], 'key');
      }
      checker.ref('unknown-severity', level, checker.severity, [...path, 'map', value]);
    }
  });
}
