import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { PlanDefinition } from '../../src/dsl/schema/plan.js';
import { createEngine, createManualClock, memoryStore } from '../../src/runtime/index.js';
import { loadSeedDefinition } from '../compile/seed.js';
import { ev, must, openSeed, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

/** Version 1.1.0 of the seed plan: stage `assess` renamed `evaluate`. */
function renamed(withMigration: boolean): PlanDefinition {
  const base = loadSeedDefinition();
  const rename = (s: string) => (s === 'assess' ? 'evaluate' : s);
  return {
    ...base,
    version: '1.1.0',
    stages: base.stages.map((s) => ({ ...s, id: rename(s.id), on: s.on.map((t) => (t.target ? { ...t, target: rename(t.target) } : t)) })),
    deadlines: base.deadlines.map((d) => (d.stage ? { ...d, stage: rename(d.stage) } : d)),
    migrations: withMigration ? [{ from: '1.0.0', stages: { assess: 'evaluate' } }] : [],
  };
}

describe('plan hash checks and migrations', () => {
  it('refuses an incident saved under another plan version, naming both versions', async () => {
    const clock = createManualClock(T0);
    const store = memoryStore();
    const old = createEngine(seedPlan(), { clock, store, newId: () => 'PO-1' });
    const incident = await openSeed(old);
    await must(old, incident.id, 'REPORT');
    const next = createEngine(compilePlan(renamed(false)), { clock, store });
    const result = await next.send(incident.id, ev('ASSESS'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('plan-mismatch');
    expect(result.error.message).toContain('public-opinion 1.0.0');
    expect(result.error.message).toContain('public-opinion 1.1.0');
    expect((await store.get(incident.id))?.version).toBe(2);
  });

  it('applies a declared migration: stage map, migrated entry, new plan hash, then the event', async () => {
    const clock = createManualClock(T0);
    const store = memoryStore();
    const old = createEngine(seedPlan(), { clock, store, newId: () => 'PO-1' });
    const incident = await openSeed(old);
    await must(old, incident.id, 'REPORT');
    const plan = compilePlan(renamed(true));
    const next = createEngine(plan, { clock, store });
    const result = await next.send(incident.id, ev('ASSESS'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incident).toMatchObject({ planVersion: '1.1.0', planHash: plan.hash, stage: 'strategy', version: 3 });
    const migrated = result.entries.find((e) => e.type === 'migrated');
    expect(migrated?.data).toMatchObject({ fromStage: 'assess', fromVersion: '1.0.0', toStage: 'evaluate', toVersion: '1.1.0' });
    expect(result.incident.deadlines.find((d) => d.id === 'assess')).toMatchObject({ status: 'met' });
  });
});
