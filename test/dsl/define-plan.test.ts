import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { definePlan, type ByEntryOf, type StageIdOf } from '../../src/dsl/define-plan.js';

const base = {
  planwright: 1,
  id: 'typed',
  version: '1.0.0',
  title: 'Typed plan',
  severity: [{ id: 'high', title: 'High' }],
  categories: [{ id: 'any', title: 'Any' }],
} as const satisfies Record<string, unknown>;

describe('definePlan', () => {
  it('returns the plan unchanged, with literal ids', () => {
    const plan = definePlan({
      ...base,
      roles: [{ id: 'officer', title: 'Officer' }, { id: 'chief', title: 'Chief' }],
      teams: [{ id: 'crew', title: 'Crew', leader: 'chief', members: ['officer'] }],
      fields: [{ id: 'note', type: 'text' }],
      events: [{ id: 'ACT', requires: ['note'] }, { id: 'CLOSE' }],
      stages: [
        { id: 'open', title: 'Open', owner: 'crew', on: [{ event: 'ACT', by: ['crew.leader', 'officer', 'crew', 'any-role'] }] },
        { id: 'done', title: 'Done', final: true },
      ],
      transitions: [{ event: 'CLOSE', in: ['open'], by: ['chief'], target: 'done' }],
      deadlines: [{ id: 'act', from: 'enter', stage: 'open', due: '1h', metBy: ['ACT'] }],
    });
    expectTypeOf(plan.stages[0].id).toEqualTypeOf<'open'>();
    expectTypeOf<StageIdOf<typeof plan>>().toEqualTypeOf<'open' | 'done'>();
    expectTypeOf<'crew.deputy'>().toExtend<ByEntryOf<typeof plan>>();
    expect(plan.stages[0].id).toBe('open');
    const result = checkPlan(plan);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.teams[0]?.duties).toEqual([]);
  });

  it('flags undeclared ids at compile time (and checkPlan at run time)', () => {
    const plan = definePlan({
      ...base,
      roles: [{ id: 'officer', title: 'Officer' }],
      events: [{ id: 'CLOSE' }],
      // @ts-expect-error "oficer" is not a role and "dne" is not a stage
      stages: [
        { id: 'open', title: 'Open', on: [{ event: 'CLOSE', by: ['oficer'], target: 'dne' }] },
        { id: 'done', title: 'Done', final: true },
      ],
    });
    expect(checkPlan(plan).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['unknown-role', ['stages', 0, 'on', 0, 'by', 0]],
      ['unknown-stage', ['stages', 0, 'on', 0, 'target']],
    ]);
  });

  it('checks events against declared fields and deadlines against declared events', () => {
    const plan = definePlan({
      ...base,
      roles: [{ id: 'officer', title: 'Officer' }],
      fields: [{ id: 'note', type: 'text' }],
      // @ts-expect-error "notes" is not a field
      events: [{ id: 'CLOSE', requires: ['notes'] }],
      stages: [{ id: 'open', title: 'Open', final: true }],
      // @ts-expect-error "CLOSED" is not an event
      deadlines: [{ id: 'close', due: '1h', metBy: ['CLOSED'] }],
    });
    expect(checkPlan(plan).diagnostics.map((d) => d.code)).toEqual(['unknown-field', 'unknown-event']);
  });

  it('leaves references unchecked by types when the plan includes other files', () => {
    const plan = definePlan({
      ...base,
      include: ['parts/people.yaml'],
      roles: [{ id: 'officer', title: 'Officer' }],
      events: [{ id: 'CLOSE' }],
      stages: [{ id: 'open', title: 'Open', on: [{ event: 'CLOSE', by: ['chief'] }], final: true }],
    });
    expect(plan.include).toEqual(['parts/people.yaml']);
  });
});
