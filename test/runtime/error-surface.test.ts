import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, EngineError, memoryStore, type EngineInspection, type IncidentStore } from '../../src/runtime/index.js';
import { ev, openSeed, seedPlan } from './seed-fixtures.js';

describe('the engine error surface (issue #19 §3)', () => {
  it('answers a malformed incident id as not found, from any store', async () => {
    const engine = createEngine(seedPlan());
    for (const id of ['../etc/passwd', '', 'a/b', 'x'.repeat(200)]) {
      const result = await engine.send(id, ev('REPORT'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('not-found');
      expect(await engine.get(id)).toBeUndefined();
    }
  });

  it('refuses an effect handler the plan does not ask for, naming the closest one', () => {
    const plan = seedPlan();
    const declared = (plan.definition.effects ?? []).map((effect) => effect.id);
    expect(declared).toContain('publish');
    let thrown: unknown;
    try {
      createEngine(plan, { effects: { notify: () => undefined, pubish: () => undefined } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineError);
    expect((thrown as EngineError).code).toBe('unknown-effect-handler');
    expect((thrown as EngineError).details).toMatchObject({ name: 'pubish', suggestion: 'publish' });
    expect(() => createEngine(plan, { effects: { notify: () => undefined, publish: () => undefined } })).not.toThrow();
  });

  it('reports an effect with no handler through inspect, with the reason', async () => {
    const seen: EngineInspection[] = [];
    const clock = createManualClock('2024-05-01T08:00:00Z');
    const engine = createEngine(seedPlan(), { clock, inspect: (event) => seen.push(event) });
    const incident = await openSeed(engine);
    clock.advance('31m');
    expect(await engine.runDue()).toBeGreaterThanOrEqual(1); // the report deadline's breach notifies
    const effects = seen.filter((event) => event.type === 'effect').filter((event) => event.incidentId === incident.id);
    expect(effects.length).toBeGreaterThan(0);
    expect(effects[0]?.detail).toMatchObject({ name: 'notify', ok: false, error: 'no handler for effect "notify"' });
  });
});

describe('engine.ready() for health checks (issue #19 §4)', () => {
  it('resolves once started with a store that answers, rejects with the store\'s reason, and after dispose', async () => {
    const healthy = createEngine(seedPlan(), { store: memoryStore() });
    await expect(healthy.ready()).resolves.toBeUndefined();
    await healthy.dispose();
    await expect(healthy.ready()).rejects.toMatchObject({ code: 'disposed' });

    const inner = memoryStore();
    const down: IncidentStore = { ...inner, ping: () => Promise.reject(new Error('database is down')) };
    const sick = createEngine(seedPlan(), { store: down });
    await expect(sick.ready()).rejects.toThrow('database is down');
    await sick.dispose();
  });
});
