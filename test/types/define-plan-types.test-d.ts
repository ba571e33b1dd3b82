// Type tests of the definePlan path: PlanTypesOf<typeof plan> is the interface `planwright types`
// writes for the same plan, and types an engine as the declaration file does.
import { describe, expectTypeOf, test } from 'vitest';
import type { PlanTypesOf } from '../../src/dsl/plan-types-of.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { createEngine, type LoosePlanTypes } from '../../src/runtime/index.js';
import { definePlan } from '../../src/dsl/define-plan.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { pumpStationPlan } from './fixtures/pump-station.plan.js';
import type { PumpStationPlan } from './generated/pump-station-types.js';

type Inferred = PlanTypesOf<typeof pumpStationPlan>;
declare const id: string;

describe('PlanTypesOf', () => {
  test('infers the same types planwright types writes for the plan', () => {
    expectTypeOf<Inferred>().toEqualTypeOf<PumpStationPlan>();
    expectTypeOf<Inferred['events']['GRADE']>().toEqualTypeOf<{ grade: 'major' | 'minor'; depth: number; note?: string; since?: string }>();
    expectTypeOf<Inferred['events']['EVACUATE']>().toEqualTypeOf<{ note?: string }>();
    expectTypeOf<Inferred['events']['CHECK']>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<Inferred['effects']>().toEqualTypeOf<'sound-siren'>();
  });

  test('types an engine: typos fail, correct sends and handlers compile', () => {
    const engine = createEngine<Inferred>(compilePlan(loadPlan(pumpStationPlan)), {
      effects: {
        'sound-siren': (effect) => {
          expectTypeOf(effect.name).toEqualTypeOf<'sound-siren'>();
          expectTypeOf(effect.payload.template).toEqualTypeOf<'site-notice' | undefined>();
        },
      },
    });
    void engine.send(id, { type: 'CHECK', by: { id: 'o', roles: ['operator'] } });
    void engine.send(id, { type: 'PUMPS', by: { id: 'o', roles: ['operator'] }, data: { pumps: 'some' } });
    // @ts-expect-error TYPO is no event, nope no role, bogus no field
    void engine.send(id, { type: 'TYPO', by: { id: 'a', roles: ['nope'] }, data: { bogus: 1 } });
    // @ts-expect-error CHECK carries no data
    void engine.send(id, { type: 'CHECK', by: { id: 'o', roles: ['operator'] }, data: { note: 'n' } });
    // @ts-expect-error GRADE requires depth
    void engine.send(id, { type: 'GRADE', by: { id: 'o', roles: ['operator'] }, data: { grade: 'major' } });
  });

  test('a plan with includes is typed loosely (its ids live in other files)', () => {
    const withIncludes = definePlan({
      planwright: 1,
      id: 'split',
      version: '1.0.0',
      title: 'Split',
      include: ['roles.plan.yaml'],
      severity: [{ id: 'high', title: 'High' }],
      categories: [{ id: 'any', title: 'Any' }],
      roles: [{ id: 'officer', title: 'Officer' }],
      events: [{ id: 'CLOSE' }],
      stages: [{ id: 'done', title: 'Done', final: true }],
    });
    expectTypeOf<PlanTypesOf<typeof withIncludes>>().toEqualTypeOf<LoosePlanTypes>();
  });
});
