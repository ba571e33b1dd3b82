// Type tests of an engine without a plan's types: today's loose types, so untyped hosts compile as before.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createEngine,
  type Actor,
  type Engine,
  type EngineEvent,
  type Incident,
  type LoosePendingEffect,
  type LoosePlanTypes,
  type PlanBundle,
} from '../../src/runtime/index.js';

declare const bundle: PlanBundle;
declare const id: string;
declare const sessionRoles: string[];

describe('createEngine without a plan’s types', () => {
  test('defaults to LoosePlanTypes: any event type, roles and data', () => {
    const engine = createEngine(bundle);
    expectTypeOf(engine).toEqualTypeOf<Engine<LoosePlanTypes>>();
    expectTypeOf<EngineEvent>().toEqualTypeOf<{ type: string; by: Actor<string>; data?: Record<string, unknown> }>();
    void engine.send(id, { type: 'ANYTHING', by: { id: 'a', roles: sessionRoles }, data: { any: 1 } });
    void engine.send(id, { type: 'ANYTHING', by: { id: 'a', roles: sessionRoles } });
  });

  test('handlers given without a type argument stay loose (no inference from them)', () => {
    const engine = createEngine(bundle, {
      effects: {
        notify: (effect) => {
          expectTypeOf(effect).toEqualTypeOf<LoosePendingEffect>();
          expectTypeOf(effect.payload).toEqualTypeOf<Record<string, unknown>>();
        },
        anything: () => {},
      },
    });
    expectTypeOf(engine).toEqualTypeOf<Engine<LoosePlanTypes>>();
  });

  test('incidents keep string ids and record data', () => {
    expectTypeOf<Incident['stage']>().toEqualTypeOf<string>();
    expectTypeOf<Incident['severity']>().toEqualTypeOf<string | null>();
    expectTypeOf<Incident['data']['anything']>().toEqualTypeOf<unknown>();
  });

  test('a bundle imported as JSON (strings widened) is accepted; it is checked when the engine starts', () => {
    const imported = { format: 'planwright-bundle', formatVersion: 1, planwright: '0.1.0', planId: 'p', planVersion: '1.0.0', hash: 'h', definition: { id: 'p' } };
    expectTypeOf(imported.format).toEqualTypeOf<string>();
    expectTypeOf(createEngine(imported)).toEqualTypeOf<Engine<LoosePlanTypes>>();
  });
});
