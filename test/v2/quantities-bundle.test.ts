// The bundle's zod-free definition check restates the DSL v2 thresholds and suggestions
// (src/bundle/definition-validator.ts): same acceptance, output and issues as PlanSchema on the
// city-flood plan and on every edit of those sections with odd values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PlanDefinitionSchema as PlanDefinitionValidator } from '../../src/plan-format/definition-schema.js';
import { PlanSchema } from '../../src/dsl/schema/plan.js';
import { checkAllEdits, expectSame } from '../validate/oracle.js';

const flood = parse(readFileSync('plans/city-flood.plan.yaml', 'utf8')) as Record<string, unknown>;

describe('definition validator (no zod) on thresholds and suggestions', () => {
  it('accepts the city-flood plan with zod’s output', () => {
    expect(expectSame(PlanDefinitionValidator, PlanSchema, flood)).toBe(true);
  });
  it('agrees on every path of the thresholds, suggestions, a threshold operand and a unit, with odd values', () => {
    const part = {
      planwright: 1,
      id: 'p',
      version: '1.0.0',
      title: 'P',
      severity: [{ id: 'I', title: 'I' }],
      categories: [{ id: 'c', title: 'C' }],
      roles: [{ id: 'r', title: 'R' }],
      fields: [{ id: 'v', type: 'number', unit: 'm' }],
      events: [{ id: 'E' }],
      stages: [{ id: 's', title: 'S', on: [{ event: 'E', by: ['r'], when: { field: 'v', gte: { threshold: 't', plus: 1 } } }] }],
      thresholds: flood['thresholds'],
      suggestions: flood['suggestions'],
    };
    const { compared } = checkAllEdits(PlanDefinitionValidator, PlanSchema, part);
    expect(compared).toBeGreaterThan(100);
  });
});
