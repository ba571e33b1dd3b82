import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { PlanSchema } from '../../src/dsl/schema/plan.js';
import { schemaIssuesToDiagnostics } from '../../src/dsl/schema-issues.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const minimal = readFileSync(join(root, 'test/fixtures/valid/minimal.plan.yaml'), 'utf8');

/** The 1-based line and column of `part` inside the only occurrence of `context` in `text`. */
function positionOf(text: string, context: string, part: string): { line: number; column: number } {
  const at = text.indexOf(context);
  expect(at, `${context} not found`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(context, at + 1), `${context} found twice`).toBe(-1);
  const offset = at + context.indexOf(part);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Schema errors inside unions, records and discriminated unions: the checker keeps the most
 * relevant branch and says what to write instead.
 */
const CASES: ReadonlyArray<readonly [name: string, from: string, to: string, code: string, context: string, part: string, message: string]> = [
  ['localized text of the wrong type', 'title: Triage', 'title: [Triage]', 'wrong-type', 'title: [Triage]', '[', 'expected text or a mapping (key: value), found a list'],
  ['empty localized text', 'title: Triage', "title: ''", 'invalid-value', "title: ''", "'", 'the text is empty'],
  ['a locale key that is not a locale', 'en: Minimal plan', 'english: Minimal plan', 'invalid-value', 'english: Minimal', 'english', '"zh-CN"'],
  ['shared transition in: not a list or "*"', "in: '*'", 'in: all', 'wrong-type', 'in: all', 'all', 'expected a list or "*", found text'],
  ['due as a bare number', 'due: 30m', 'due: 30', 'bad-duration', 'due: 30\n', '30', '"30" is not a duration'],
  ['an empty action', '      - { notify: [chief] }', '      - {}', 'missing-key', '- {}', '{', '"notify", "regrade", "record", "effect"'],
  ['an action whose key matches no option', '      - { notify: [chief] }', '      - { tell: [chief] }', 'unknown-key', '{ tell:', 'tell', 'Allowed here: "notify", "template", "message", "when", "regrade", "record", "effect", "to"'],
  ['an action with a misspelt optional key', '      - { notify: [chief] }', '      - { notify: [chief], tempate: notice }', 'unknown-key', 'tempate', 'tempate', 'Did you mean "template"?'],
  ['a nested condition with a misspelt key', 'when: { field: channel, eq: web }', 'when: { all: [{ feld: channel, eq: web }] }', 'unknown-key', 'feld', 'feld', 'Did you mean "field"?'],
  ['a condition value that is a mapping', 'when: { field: channel, eq: web }', 'when: { field: channel, eq: { x: 1 } }', 'wrong-type', 'eq: { x', '{ x', 'expected text, a number or true or false, found a mapping'],
  ['lt with text', 'when: { field: channel, eq: web }', 'when: { field: count, lt: few }', 'wrong-type', 'lt: few', 'few', 'expected a number or a mapping (key: value), found text'],
  ['a field without type', '{ id: note, type: text }', '{ id: note }', 'missing-key', '{ id: note }', '{', 'the key "type" is missing; add it (one of: "text", "number", "enum", "boolean", "datetime", "severity")'],
  ['a number field with a text bound', '{ id: count, type: number, min: 0 }', '{ id: count, type: number, min: none }', 'wrong-type', 'min: none', 'none', 'expected a number, found text'],
  ['a max length that is not a whole number', '{ id: note, type: text }', '{ id: note, type: text, maxLength: 2.5 }', 'wrong-type', 'maxLength: 2.5', '2.5', 'a whole number'],
  ['a regrade to a level that is not an id', '      - { notify: [chief] }', "      - { regrade: 'level 2' }", 'invalid-value', "regrade: 'level 2'", "'", 'write an id'],
  ['the DSL version', 'planwright: 1', 'planwright: 2', 'invalid-value', 'planwright: 2', '2', 'Write one of: "1"'],
  ['a resource kind that is misspelt', '{ id: phone, title: Phone }', '{ id: phone, title: Phone, kind: tools }', 'invalid-value', 'kind: tools', 'tools', 'Did you mean "tool"?'],
  ['a title that is missing and misspelt at once', '  - id: act\n    title: Act', '  - id: act\n    Title: Act', 'unknown-key', 'Title: Act', 'Title', 'Did you mean "title"?'],
];

describe('schema errors in unions, records and discriminated unions', () => {
  it.each(CASES)('%s → %s', (_, from, to, code, context, part, message) => {
    expect(minimal).toContain(from);
    const text = minimal.replace(from, to);
    const result = checkPlan({ text, file: 'p.yaml' });
    expect(result.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(result.diagnostics[0]?.range?.start).toEqual(positionOf(text, context, part));
    expect(result.diagnostics[0]?.message).toContain(message);
  });

  it('maps issues of any data against the plan schema, without positions', () => {
    const data = { planwright: 1, id: 'x', version: '1.0.0', title: 'X', severity: [], categories: [{ id: 'c', title: 'C', exampels: [] }] };
    const parsed = PlanSchema.safeParse(data);
    expect(parsed.success).toBe(false);
    const diagnostics = schemaIssuesToDiagnostics(parsed.error?.issues ?? [], PlanSchema, data);
    expect(diagnostics.map((d) => [d.code, d.path, d.target])).toEqual([
      ['invalid-value', ['severity'], undefined],
      ['unknown-key', ['categories', 0, 'exampels'], 'key'],
      ['missing-key', ['roles'], undefined],
      ['missing-key', ['events'], undefined],
      ['missing-key', ['stages'], undefined],
    ]);
    expect(diagnostics[1]?.message).toBe('unknown key "exampels". Did you mean "examples"?');
  });
});
