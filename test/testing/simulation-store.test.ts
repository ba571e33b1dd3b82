import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { VersionConflictError } from '../../src/runtime/stores/store.js';
import { compiledPlanOf } from '../../src/testing/compiled-plan-of.js';
import { simulationStore } from '../../src/testing/simulation-store.js';
import { seedPlanDefinition } from './seed-plan.js';

describe('simulationStore', () => {
  it('keeps the engine’s frozen snapshots by reference, with optimistic concurrency and due queries', async () => {
    const store = simulationStore();
    const engine = createEngine(compiledPlanOf(seedPlanDefinition()), { clock: createManualClock('2026-03-02T09:00:00+08:00'), store, newId: () => 'sim-1' });
    const wang = { id: 'wang', roles: ['info-officer'] };
    const opened = await engine.open({ by: wang, title: 't', category: 'media' });
    const sent = await engine.send(opened.id, { type: 'NOTE', by: { id: 'xu', roles: ['legal-head'] }, data: { note: 'n' } });
    if (!sent.ok) throw new Error(sent.error.message);
    const stored = await store.getSnapshot('sim-1');
    expect(stored?.snapshot).toBe(sent.incident);
    expect(Object.isFrozen(stored?.snapshot)).toBe(true);
    expect(stored?.headEntry).toBe(sent.entries.at(-1));
    await expect(store.save(sent.incident, [], 0)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.dueBefore('2026-03-02T01:29:59Z')).toEqual([]);
    expect(await store.dueBefore('2026-03-02T01:30:00Z')).toEqual([
      { incidentId: 'sim-1', deadlineId: 'report', instance: 1, dueAt: '2026-03-02T01:30:00.000Z' },
    ]);
    expect((await store.list()).map((i) => i.id)).toEqual(['sim-1']);
    await engine.dispose();
  });

  it('copies a snapshot that is not frozen', async () => {
    const store = simulationStore();
    const engine = createEngine(compiledPlanOf(seedPlanDefinition()), { clock: createManualClock('2026-03-02T09:00:00+08:00'), store: simulationStore(), newId: () => 'sim-2' });
    const opened = await engine.open({ by: { id: 'wang', roles: ['info-officer'] }, title: 't', category: 'media' });
    await engine.dispose();
    const { timeline, ...state } = structuredClone(opened);
    const last = timeline.at(-1)!;
    const thawed = { ...state, head: { at: last.at, hash: last.hash, seq: last.seq }, timelineIndex: opened.timelineIndex! };
    await store.save(thawed, timeline, 0);
    thawed.title = 'changed';
    expect((await store.get('sim-2'))?.title).toBe('t');
  });
});
