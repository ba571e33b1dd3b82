import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, type EngineInspection, type IncidentStore } from '../../src/runtime/index.js';
import { ev, openSeed, seedPlan } from './seed-fixtures.js';

/** Two engines over one store: the one that runs deadlines holds a copy from before the arming. */
describe('firing from an incident another engine changed', () => {
  it('reads the incident again when its cached copy has nothing to fire for a listed deadline', async () => {
    const clock = createManualClock('2024-05-01T08:00:00Z');
    const store = memoryStore();
    const seen: EngineInspection[] = [];
    const firing = createEngine(seedPlan(), { store, clock, inspect: (event) => seen.push(event) });
    const arming = createEngine(seedPlan(), { store, clock });
    const incident = await openSeed(firing);
    // Events alternate between the engines; the arming engine moves the incident into monitoring,
    // which arms the recurring reading, after the firing engine last saw it.
    const steps: [typeof firing, string, Record<string, unknown>?][] = [
      [firing, 'REPORT'],
      [arming, 'ASSESS', { severity: 'I', nature: 'n', scope: 's', risk: 'r' }],
      [firing, 'APPROVE_STRATEGY'],
      [arming, 'PUBLISH_STATEMENT'],
      [firing, 'BRIEF_MEDIA'],
      [arming, 'ENGAGE_PUBLIC'],
    ];
    for (const [engine, type, data] of steps) {
      clock.advance('1m');
      expect((await engine.send(incident.id, ev(type, data))).ok, type).toBe(true);
    }
    clock.advance('2h1m');
    expect(await firing.runDue()).toBe(1);
    const stored = await store.get(incident.id);
    expect(stored?.deadlines.filter((d) => d.status === 'breached').map((d) => d.id)).toEqual(['monitor-reading']);
    expect(seen.filter((event) => event.type === 'claim-unfired')).toEqual([]);
  });

  it('reports a listed deadline that the stored incident does not have pending as claim-unfired', async () => {
    const clock = createManualClock('2024-05-01T08:00:00Z');
    const inner = memoryStore();
    const seen: EngineInspection[] = [];
    let phantom: string | undefined;
    const store: IncidentStore = {
      getSnapshot: (id) => inner.getSnapshot(id),
      get: (id) => inner.get(id),
      timeline: (id, page) => inner.timeline(id, page),
      save: (snapshot, entries, expected) => inner.save(snapshot, entries, expected),
      list: () => inner.list(),
      dueBefore: async (time) => [
        ...(await inner.dueBefore(time)),
        ...(phantom === undefined ? [] : [{ incidentId: phantom, deadlineId: 'no-such-deadline', instance: 1, dueAt: '2024-05-01T08:00:00.000Z' }]),
      ],
    };
    const engine = createEngine(seedPlan(), { store, clock, inspect: (event) => seen.push(event) });
    const incident = await openSeed(engine);
    expect((await engine.send(incident.id, ev('REPORT'))).ok).toBe(true);
    phantom = incident.id;
    expect(await engine.runDue()).toBe(0);
    const unfired = seen.filter((event) => event.type === 'claim-unfired');
    expect(unfired).toHaveLength(1);
    expect(unfired[0]).toMatchObject({
      incidentId: incident.id,
      detail: { version: 2, items: [{ deadline: 'no-such-deadline', instance: 1, dueAt: '2024-05-01T08:00:00.000Z' }] },
    });
  });
});
