import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildFieldValidators, checkData, DEFAULT_TEXT_MAX_LENGTH, fieldValidator, isIsoDateTimeWithOffset } from '../../src/compile/field-validators.js';
import type { Field } from '../../src/dsl/schema/field.js';
import { expectSame, jsonValue, ODD_VALUES } from '../validate/oracle.js';

// How field-validators.ts built its checks with zod before the runtime dropped zod: the oracle.
function zodFieldValidator(field: Field, levels: readonly string[]): z.ZodType {
  switch (field.type) {
    case 'text':
      return z.string().max(field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH);
    case 'number': {
      let n = z.number().finite();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      if (field.integer === true) n = n.int();
      return n;
    }
    case 'enum':
      return z.string().refine((v) => field.values.includes(v), `one of ${field.values.join(', ')}`);
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'severity':
      return z.string().refine((v) => levels.includes(v), `a severity level: ${levels.join(', ')}`);
  }
}

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

const values: unknown[] = [
  ...ODD_VALUES,
  -3,
  -2.5,
  0.5,
  1,
  2,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 60),
  'weibo',
  'II',
  'V',
  'x'.repeat(6),
  'x'.repeat(DEFAULT_TEXT_MAX_LENGTH),
  'x'.repeat(DEFAULT_TEXT_MAX_LENGTH + 1),
  '2024-02-29T08:00:00+08:00',
  '2023-02-29T08:00:00+08:00',
  '2024-05-01T08:00:00.123Z',
  '2024-05-01T08:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01 08:00:00Z',
  '2024-05-01T08:00:00',
  '2024-05-01T08:00:00+0800',
];

describe('field validators (no zod) against the zod checks they replace', () => {
  it('accept the date-times zod’s pattern accepts: every day of a 400-year cycle, odd times and offsets, random texts', () => {
    const zodPattern = z.iso.datetime({ offset: true })._zod.def.pattern as RegExp;
    const same = (text: string): void => {
      expect(isIsoDateTimeWithOffset(text), text).toBe(zodPattern.test(text));
    };
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    for (let year = 1600; year < 2000; year++) for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) same(`${year}-${pad(month)}-${pad(day)}T23:59:59.5+08:00`);
    for (const year of [0, 1, 4, 99, 100, 400, 1900, 2000, 2024, 2100, 9999]) for (const day of [28, 29, 30, 31]) same(`${pad(year, 4)}-02-${day}T08:00:00Z`);
    for (const time of ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '9:00:00', '09:00', '09:00:00.', '09:00:00.1234567'])
      for (const zone of ['Z', 'z', '+00:00', '-23:59', '+24:00', '+08:60', '+0800', '+08', '']) same(`2024-05-01T${time}${zone}`);
    for (const text of ['', 'x', '2024-05-01', '2024-05-01t08:00:00Z', ' 2024-05-01T08:00:00Z', '2024-05-01T08:00:00Z\n', '+002024-05-01T08:00:00Z', '２０２４-05-01T08:00:00Z'])
      same(text);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)), same),
      { numRuns: 5000 },
    );
  });

  it('agree on every field type with odd and boundary values (acceptance, issues, messages)', () => {
    for (const field of fields) for (const v of values) expectSame(fieldValidator(field, levels), zodFieldValidator(field, levels), v, `${field.id} ${String(v)}`);
  });

  it('agree on random values, numbers and date-times', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(jsonValue, fc.double(), fc.integer(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (field, v) => {
        expectSame(fieldValidator(field, levels), zodFieldValidator(field, levels), v);
      }),
      { numRuns: 1000 },
    );
  });

  it('keep a zod-like safeParse and the messages checkData reports', () => {
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
