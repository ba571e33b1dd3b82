import type { DiagnosticParams } from '../diagnostics/codes.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import { CONDITION_OPERATORS, type Condition, type FieldCondition } from './schema/condition.js';
import type { Field } from './schema/field.js';
import type { Threshold } from './schema/threshold.js';

type Path = Array<string | number>;

/** A finding of {@link checkCondition}, turned into a diagnostic by the caller. */
export type ConditionFinding =
  | { code: 'unknown-field'; path: Path; params: DiagnosticParams['unknown-field'] }
  | { code: 'unknown-threshold'; path: Path; params: DiagnosticParams['unknown-threshold'] }
  | { code: 'condition-operator'; path: Path; params: DiagnosticParams['condition-operator'] }
  | { code: 'condition-type-mismatch'; path: Path; params: DiagnosticParams['condition-type-mismatch'] };

/** What a condition is checked against: the plan's fields and severity level ids. */
export interface ConditionScope {
  fields: ReadonlyMap<string, Field>;
  severityLevels: readonly string[];
  /** The plan's named thresholds (DSL v2); none when absent. */
  thresholds?: ReadonlyMap<string, Threshold>;
}

type Expected = DiagnosticParams['condition-type-mismatch']['expected'];

/** Append `items` to `out` one by one (a spread into push would overflow the stack on long lists). */
function appendTo<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
/** The values `severity.change` takes. */
const CHANGE_VALUES = ['up', 'down', 'same'];

function typeOfField(field: Field | undefined, name: string): Field['type'] | undefined {
  if (field !== undefined) return field.type;
  if (name === 'severity.change') return 'enum';
  return name === 'severity' || name === 'severity.previous' ? 'severity' : undefined;
}

function checkValue(
  name: string,
  fieldType: Field['type'],
  field: Field | undefined,
  operator: string,
  value: unknown,
  path: Path,
  scope: ConditionScope,
  out: ConditionFinding[],
): void {
  let expected: Expected | undefined;
  let allowed: readonly string[] | undefined;
  switch (fieldType) {
    case 'text':
    case 'datetime':
      if (typeof value !== 'string') expected = 'string';
      break;
    case 'number':
      if (typeof value !== 'number') expected = 'number';
      break;
    case 'boolean':
      if (typeof value !== 'boolean') expected = 'boolean';
      break;
    case 'enum':
      allowed = field?.type === 'enum' ? field.values : name === 'severity.change' ? CHANGE_VALUES : [];
      if (typeof value !== 'string' || !allowed.includes(value)) expected = 'one-of';
      break;
    case 'severity':
      allowed = scope.severityLevels;
      if (typeof value !== 'string' || !allowed.includes(value)) expected = 'one-of';
      break;
  }
  if (expected === undefined) return;
  const params: DiagnosticParams['condition-type-mismatch'] = {
    field: name,
    fieldType,
    operator,
    value: JSON.stringify(value) ?? String(value),
    expected,
  };
  if (allowed !== undefined && expected === 'one-of') {
    params.allowed = allowed;
    const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
    if (suggestion !== undefined) params.suggestion = suggestion;
  }
  out.push({ code: 'condition-type-mismatch', path, params });
}

function checkFieldCondition(condition: FieldCondition, path: Path, scope: ConditionScope, out: ConditionFinding[]): void {
  const operators = CONDITION_OPERATORS.filter((op) => condition[op] !== undefined);
  if (operators.length !== 1) {
    out.push({ code: 'condition-operator', path, params: { field: condition.field, operators } });
  }
  const field = scope.fields.get(condition.field);
  const fieldType = typeOfField(field, condition.field);
  if (fieldType === undefined) {
    const known = [...scope.fields.keys()];
    const suggestion = closestMatch(condition.field, known);
    out.push({
      code: 'unknown-field',
      path: [...path, 'field'],
      params: suggestion === undefined ? { id: condition.field, known } : { id: condition.field, known, suggestion },
    });
    return;
  }
  for (const operator of operators) {
    const value = condition[operator];
    const at = [...path, operator];
    if (operator === 'exists') continue;
    if (operator === 'lt' || operator === 'lte' || operator === 'gt' || operator === 'gte') {
      if (typeof value === 'object' && !Array.isArray(value) && 'threshold' in value) {
        // A named threshold as the operand: it must be declared.
        const thresholds = scope.thresholds ?? new Map<string, Threshold>();
        if (!thresholds.has(value.threshold)) {
          const known = [...thresholds.keys()];
          const suggestion = closestMatch(value.threshold, known);
          out.push({ code: 'unknown-threshold', path: [...at, 'threshold'], params: suggestion === undefined ? { id: value.threshold, known } : { id: value.threshold, known, suggestion } });
        }
      } else if (typeof value === 'object' && !Array.isArray(value)) {
        // Another field as the operand: it must be a declared number field.
        const other = scope.fields.get(value.field);
        if (other === undefined) {
          const known = [...scope.fields.keys()];
          const suggestion = closestMatch(value.field, known);
          out.push({ code: 'unknown-field', path: [...at, 'field'], params: suggestion === undefined ? { id: value.field, known } : { id: value.field, known, suggestion } });
        } else if (other.type !== 'number') {
          out.push({
            code: 'condition-type-mismatch',
            path: [...at, 'field'],
            params: { field: value.field, fieldType: other.type, operator, value: JSON.stringify(value), expected: 'none' },
          });
        }
      }
      if (fieldType !== 'number') {
        out.push({
          code: 'condition-type-mismatch',
          path: at,
          params: { field: condition.field, fieldType, operator, value: JSON.stringify(value) ?? '', expected: 'none' },
        });
      }
      continue;
    }
    if (operator === 'in' && Array.isArray(value)) {
      value.forEach((item, index) => checkValue(condition.field, fieldType, field, operator, item, [...at, index], scope, out));
      continue;
    }
    checkValue(condition.field, fieldType, field, operator, value, at, scope, out);
  }
}

/**
 * Check a `when` condition against the plan: every field is declared (or is `severity`), each
 * comparison has exactly one operator, and each value fits its field's type (enum values and
 * severity levels are declared ones, numbers for `lt`/`gt`, booleans for boolean fields).
 *
 * @example
 * checkCondition({ field: 'channel', eq: 'blog' }, ['deadlines', 0, 'when'], scope);
 * // [{ code: 'condition-type-mismatch', path: [..., 'eq'], params: { expected: 'one-of', allowed: ['website', …] } }]
 */
export function checkCondition(condition: Condition, path: Path, scope: ConditionScope, depth = 0): ConditionFinding[] {
  const out: ConditionFinding[] = [];
  if (depth > 64) return out;
  if ('all' in condition) condition.all.forEach((c, i) => appendTo(out, checkCondition(c, [...path, 'all', i], scope, depth + 1)));
  else if ('any' in condition) condition.any.forEach((c, i) => appendTo(out, checkCondition(c, [...path, 'any', i], scope, depth + 1)));
  else if ('not' in condition) appendTo(out, checkCondition(condition.not, [...path, 'not'], scope, depth + 1));
  else checkFieldCondition(condition, path, scope, out);
  return out;
}
