import { describe, expect, it } from 'vitest';
import { buildFieldValidators, checkData, DEFAULT_TEXT_MAX_LENGTH } from '../../src/compile/field-validators.js';
import type { Field } from '../../src/dsl/schema/field.js';

const levels = ['I', 'II', 'III', 'IV'];
const fields: Field[] = [
  { id: 't', type: 'text' },
  { id: 't5', type: 'text', maxLength: 5 },
  { id: 'n', type: 'number' },
  { id: 'share', type: 'number', min: 0, max: 1 },
  { id: 'count', type: 'number', min: 1, integer: true },
  { id: 'i', type: 'number', integer: true },
  { id: 'neg', type: 'number', max: -2.5, integer: true },
  { id: 'e', type: 'enum', values: ['weibo', 'wechat'] },
  { id: 'b', type: 'boolean' },
  { id: 'd', type: 'datetime' },
  { id: 's', type: 'severity' },
];


describe('field validators', () => {
  const validators = buildFieldValidators({ severity: levels.map((id) => ({ id, title: id })), fields } as never);
  const message = (field: string, value: unknown): string | undefined => {
    const result = validators.get(field)?.safeParse(value);
    return result === undefined || result.success ? undefined : result.issues[0]?.message;
  };

  it('check each field type with its bounds, in zod\'s words', () => {
    expect(message('t', 'x'.repeat(DEFAULT_TEXT_MAX_LENGTH))).toBeUndefined();
    expect(message('t', 'x'.repeat(DEFAULT_TEXT_MAX_LENGTH + 1))).toBe(`Too big: expected string to have <=${DEFAULT_TEXT_MAX_LENGTH} characters`);
    expect(message('t5', 'x'.repeat(6))).toBe('Too big: expected string to have <=5 characters');
    expect(message('n', NaN)).toBe('Invalid input: expected number, received NaN');
    expect(message('n', Infinity)).toBe('Invalid input: expected number, received Infinity');
    expect(message('share', -1)).toBe('Too small: expected number to be >=0');
    expect(message('count', 1.5)).toBe('Invalid input: expected int, received number');
    expect(message('count', 0)).toBe('Too small: expected number to be >=1');
    expect(message('i', Number.MAX_SAFE_INTEGER + 2)).toBe('Too big: expected int to be <=9007199254740991');
    expect(message('neg', -3)).toBeUndefined();
    expect(message('e', 'fax')).toBe('one of weibo, wechat');
    expect(message('b', 'true')).toBe('Invalid input: expected boolean, received string');
    expect(message('s', 'V')).toBe('a severity level: I, II, III, IV');
    expect(message('s', 'II')).toBeUndefined();
  });

  it('accept a date-time with Z or an offset, on a day that exists', () => {
    for (const ok of ['2024-02-29T08:00:00+08:00', '2024-05-01T08:00:00.123Z']) expect(message('d', ok), ok).toBeUndefined();
    for (const bad of ['2023-02-29T08:00:00+08:00', '2024-05-01T08:00Z', '2024-05-01T24:00:00Z', '2024-05-01 08:00:00Z', '2024-05-01T08:00:00', 5])
      expect(message('d', bad), String(bad)).toBe(typeof bad === 'number' ? 'Invalid input: expected string, received number' : 'Invalid ISO datetime');
  });

  it('give checkData its messages', () => {
    const v = buildFieldValidators({ severity: levels.map((id) => ({ id, title: id })), fields } as never);
    expect(v.get('share')?.safeParse(0.5).success).toBe(true);
    expect(v.get('share')?.safeParse(1.5).success).toBe(false);
    expect(checkData(v, { share: 1.5, e: 'fax', x: 1 }, ['count'], ['share', 'e'])).toEqual([
      { field: 'share', problem: 'invalid', message: 'field "share": Too big: expected number to be <=1' },
      { field: 'e', problem: 'invalid', message: 'field "e": one of weibo, wechat' },
      { field: 'x', problem: 'not-allowed', message: 'field "x" is not accepted here' },
      { field: 'count', problem: 'missing', message: 'field "count" is required' },
    ]);
  });
});
