// Type tests of an engine typed by the declarations `planwright types` writes for
// plans/city-flood.plan.yaml (a second plan: no declared effects, enum and datetime fields).
import { describe, expectTypeOf, test } from 'vitest';
import { createEngine, type CompiledPlan, type Engine, type Incident } from '../../src/runtime/index.js';
import type { CityFloodPlan } from './generated/city-flood-types.js';

declare const plan: CompiledPlan;
declare const id: string;
const engine: Engine<CityFloodPlan> = createEngine<CityFloodPlan>(plan);
const officer = { id: 'zhao', roles: ['duty-officer'] } as const;

describe('engine.send with the city-flood plan’s types', () => {
  test('the issue’s send does not compile', () => {
    // @ts-expect-error TYPO is no event of the plan, nope no role, bogus no field
    void engine.send(id, { type: 'TYPO', by: { id: 'a', roles: ['nope'] }, data: { bogus: 1 } });
  });

  test('each mistake alone does not compile', () => {
    // @ts-expect-error a seed event is no event of this plan
    void engine.send(id, { type: 'REPORT', by: officer, data: { summary: 's' } });
    // @ts-expect-error a seed role is no role of this plan
    void engine.send(id, { type: 'SITUATION_REPORT', by: { id: 'a', roles: ['info-officer'] }, data: { summary: 's' } });
    // @ts-expect-error a warning colour outside the enum
    void engine.send(id, { type: 'WARNING_ISSUED', by: officer, data: { warningColour: 'purple' } });
    // @ts-expect-error a field of another event
    void engine.send(id, { type: 'STAND_DOWN', by: officer, data: { reason: 'r', riverLevel: 3 } });
    // @ts-expect-error a number field given text
    void engine.send(id, { type: 'WATER_READING', by: officer, data: { riverLevel: '3.1', warningWaterLevel: 3 } });
  });

  test('correct sends compile, with and without optional fields', () => {
    void engine.send(id, { type: 'WARNING_ISSUED', by: { id: 'm', roles: ['met-forecaster'] }, data: { warningColour: 'orange' } });
    void engine.send(id, { type: 'ACTIVATE', by: { id: 'c', roles: ['city-hq-commander'] }, data: { responseLevel: 'II' } });
    void engine.send(id, { type: 'WATER_READING', by: { id: 'h', roles: ['hydrologist'] }, data: { riverLevel: 3.1, warningWaterLevel: 3, returnPeriod: 20 } });
    void engine.send(id, { type: 'DANGER_FOUND', by: { id: 'p', roles: ['dike-patrol'] }, data: { siteId: 'k12', occurredAt: '2024-07-01T03:00:00+08:00', summary: 'seepage' } });
  });
});

describe('effects and incidents of a plan that declares no effect', () => {
  test('only notify has a handler; its payload names the plan’s deadlines and roles', () => {
    createEngine<CityFloodPlan>(plan, {
      effects: {
        notify: (effect) => {
          expectTypeOf(effect.payload.roles).toEqualTypeOf<readonly CityFloodPlan['roles'][]>();
          if (effect.payload.reason !== undefined) expectTypeOf(effect.payload.deadline).toEqualTypeOf<CityFloodPlan['deadlines']>();
        },
        // @ts-expect-error the flood plan declares no publish effect
        publish: () => {},
      },
    });
  });

  test('incidents carry the plan’s stages, severities and field types', async () => {
    const incident = await engine.open({ by: officer, title: 'Rainstorm', category: 'rainstorm', data: { warningColour: 'red' } });
    expectTypeOf(incident).toEqualTypeOf<Incident<CityFloodPlan>>();
    expectTypeOf(incident.stage).toEqualTypeOf<'watch' | 'response' | 'review' | 'closed'>();
    expectTypeOf(incident.data.warningColour).toEqualTypeOf<'blue' | 'yellow' | 'orange' | 'red' | undefined>();
    // @ts-expect-error a field value of the wrong type at open
    void engine.open({ by: officer, title: 'Rainstorm', category: 'rainstorm', data: { riverLevel: 'high' } });
  });
});
