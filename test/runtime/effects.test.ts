import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, type EngineChange, type PendingEffect } from '../../src/runtime/index.js';
import { ev, must, openSeed, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

describe('effects', () => {
  it('a failing handler never rolls back the change; the failure is recorded and the outbox emptied', async () => {
    const clock = createManualClock(T0);
    const engine = createEngine(seedPlan(), {
      clock,
      newId: () => 'PO-1',
      effects: {
        notify: async () => {
          throw new Error('SMS gateway down');
        },
      },
    });
    const incident = await openSeed(engine);
    clock.advance('30m');
    expect(await engine.runDue()).toBe(2);
    const after = await engine.get(incident.id);
    expect(after?.deadlines[0]).toMatchObject({ id: 'report', status: 'breached' });
    expect(after?.outbox).toEqual([]);
    expect(after?.timeline.filter((e) => e.type === 'effect-failed').map((e) => e.data)).toEqual([
      { effect: 'PO-1:3:0', error: 'SMS gateway down', name: 'notify' },
      { effect: 'PO-1:4:0', error: 'SMS gateway down', name: 'notify' },
    ]);
  });

  it('an effect without a handler is recorded as failed with a reason', async () => {
    const clock = createManualClock(T0);
    const engine = createEngine(seedPlan(), { clock, newId: () => 'PO-1', effects: { notify: async () => {} } });
    const opened = await openSeed(engine);
    for (const type of ['REPORT', 'ASSESS', 'APPROVE_STRATEGY']) await must(engine, opened.id, type);
    const published = await must(engine, opened.id, 'PUBLISH_STATEMENT');
    expect(published.timeline.at(-1)).toMatchObject({ type: 'effect-failed', result: 'failed', data: { name: 'publish', error: 'no handler for effect "publish"' } });
  });

  it('notify payload carries roles, deadline, instance, due time and reason; effects are saved before delivery', async () => {
    const clock = createManualClock(T0);
    const store = memoryStore();
    const seen: Array<{ effect: PendingEffect; savedOutbox: string[] }> = [];
    const engine = createEngine(seedPlan(), {
      clock,
      store,
      newId: () => 'PO-1',
      effects: {
        notify: async (effect) => {
          const saved = await store.get('PO-1');
          seen.push({ effect, savedOutbox: saved?.outbox.map((e) => e.id) ?? [] });
        },
      },
    });
    await openSeed(engine);
    clock.advance('20m');
    await engine.runDue();
    expect(seen).toEqual([
      {
        effect: {
          at: '2024-05-01T08:20:00.000Z',
          id: 'PO-1:3:0',
          name: 'notify',
          payload: { deadline: 'report', dueAt: '2024-05-01T08:30:00.000Z', instance: 1, reason: 'reminder', roles: ['info-officer'] },
        },
        savedOutbox: ['PO-1:3:0'],
      },
    ]);
  });

  it('subscribers see every saved change with its new entries; unsubscribe stops them', async () => {
    const engine = createEngine(seedPlan(), { clock: createManualClock(T0), newId: () => 'PO-1' });
    const changes: EngineChange[] = [];
    const off = engine.subscribe((c) => changes.push(c));
    const opened = await openSeed(engine);
    await engine.send(opened.id, ev('REPORT'));
    off();
    await engine.send(opened.id, ev('ASSESS'));
    expect(changes.map((c) => [c.incident.version, c.entries.map((e) => e.type)])).toEqual([
      [1, ['opened', 'stage-entered', 'deadline-armed']],
      [2, ['event', 'deadline-met', 'stage-entered', 'deadline-armed']],
    ]);
  });

  it('inspect sees what the engine does', async () => {
    const seen: string[] = [];
    const engine = createEngine(seedPlan(), { clock: createManualClock(T0), newId: () => 'PO-1', inspect: (e) => seen.push(e.type) });
    const opened = await openSeed(engine);
    await engine.send(opened.id, ev('ASSESS'));
    expect(seen).toEqual(['opened', 'rejected']);
  });
});
