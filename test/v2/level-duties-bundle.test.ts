import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PlanDefinitionSchema as PlanDefinitionValidator } from '../../src/plan-format/definition-schema.js';
import { PlanSchema } from '../../src/dsl/schema/plan.js';
import { checkAllEdits, checkEdits, expectSame } from '../validate/oracle.js';
import { levelDutiesPlan } from './level-duties-support.js';

const flood = parse(readFileSync('plans/city-flood.plan.yaml', 'utf8')) as Record<string, unknown>;
const fixture = parse(levelDutiesPlan) as Record<string, unknown>;

describe('the bundle definition schema (zod/mini) agrees with PlanSchema on level-dependent duties', () => {
  it('on the city flood plan (levels, ownerByLevel, owner.leader, when on actions, branch do) and random edits of it', () => {
    expect(expectSame(PlanDefinitionValidator, PlanSchema, flood)).toBe(true);
    checkEdits(PlanDefinitionValidator, PlanSchema, flood, 400);
  });

  it('on every path of the level-duties fixture with every odd value', () => {
    expect(expectSame(PlanDefinitionValidator, PlanSchema, fixture)).toBe(true);
    const { compared } = checkAllEdits(PlanDefinitionValidator, PlanSchema, fixture);
    expect(compared).toBeGreaterThan(100);
  });
});
