import { describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../src/runtime/stores/store.js';
import { simulationStore } from '../../src/testing/simulation-store.js';
import { simulate } from '../../src/testing/simulate.js';
import { seedPlanDefinition } from './seed-plan.js';

describe('simulationStore', () => {
  it('keeps the engine’s frozen incidents by reference, with optimistic concurrency and due queries', async () => {
    const sim = simulate(seedPlanDefinition(), { start: '2026-03-02T09:00:00+08:00', people: { wang: ['info-officer'] } });
    const incident = await sim.open({ by: 'wang', title: 't', category: 'media' });
    expect(Object.isFrozen(incident)).toBe(true);
    const store = simulationStore();
    await store.save(incident, 0);
    expect(await store.get(incident.id)).toBe(incident);
    await expect(store.save(incident, 0)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.dueBefore('2026-03-02T01:29:59Z')).toEqual([]);
    expect(await store.dueBefore('2026-03-02T01:30:00Z')).toEqual([
      { incidentId: 'sim-1', deadlineId: 'report', instance: 1, dueAt: '2026-03-02T01:30:00.000Z' },
    ]);
    expect((await store.list()).map((i) => i.id)).toEqual(['sim-1']);
  });

  it('copies an incident that is not frozen', async () => {
    const sim = simulate(seedPlanDefinition(), { start: '2026-03-02T09:00:00+08:00', people: { wang: ['info-officer'] } });
    const thawed = structuredClone(await sim.open({ by: 'wang', title: 't', category: 'media' }));
    const store = simulationStore();
    await store.save(thawed, 0);
    thawed.title = 'changed';
    expect((await store.get(thawed.id))?.title).toBe('t');
  });
});
