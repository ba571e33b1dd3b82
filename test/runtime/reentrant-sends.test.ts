import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { createEngine, createManualClock, memoryStore, type PendingEffect } from '../../src/runtime/index.js';
import { CorruptIncidentError } from '../../src/runtime/stores/incident-document.js';
import { KeyedQueue } from '../../src/runtime/keyed-queue.js';
import { loadSeedDefinition } from '../compile/seed.js';
import { fixtureSnapshot, makeIncident } from '../stores/fixtures.js';
import { ev, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

/** The seed plan with a notify effect on entering the first stage, so that open() has an effect to deliver. */
function planNotifyingOnOpen() {
  const definition = loadSeedDefinition();
  const first = definition.stages[0];
  if (first === undefined) throw new Error('seed plan has no stage');
  return compilePlan({ ...definition, stages: [{ ...first, enter: [{ notify: ['info-officer'] }] }, ...definition.stages.slice(1)] } as typeof definition);
}

function summary(timeline: readonly { seq: number; type: string; data?: Record<string, unknown> }[]): string[] {
  return timeline.map((e) => `${e.seq} ${e.type}${e.type === 'event' ? ` ${String(e.data?.['event'])}` : ''}`);
}

describe('sends made while open() is still delivering', () => {
  it('a send from a listener queues behind open\'s delivery: each effect delivered once, in order', async () => {
    const calls: string[] = [];
    const store = memoryStore();
    const engine = createEngine(planNotifyingOnOpen(), {
      clock: createManualClock(T0),
      store,
      newId: () => 'PO-1',
      effects: { notify: async (effect: PendingEffect) => void calls.push(effect.id) },
    });
    const sent: Promise<unknown>[] = [];
    engine.subscribe(({ incident }) => {
      if (sent.length === 0) sent.push(engine.send(incident.id, ev('REPORT')));
    });
    await engine.open({ by: ev('REPORT').by, title: 'Rumour', category: 'media' });
    await Promise.all(sent);
    await engine.dispose();
    expect(calls).toEqual(['PO-1:1:0']);
    const doc = await store.get('PO-1');
    expect(summary(doc?.timeline ?? []).slice(0, 5)).toEqual(['0 opened', '1 stage-entered', '2 deadline-armed', '3 effect-delivered', '4 event REPORT']);
  });

  it('a send from an effect handler during open() runs after that delivery, not beside it', async () => {
    const calls: string[] = [];
    const store = memoryStore();
    let sent: Promise<unknown> | undefined;
    const engine = createEngine(planNotifyingOnOpen(), {
      clock: createManualClock(T0),
      store,
      newId: () => 'PO-1',
      effects: {
        notify: async (effect: PendingEffect) => {
          calls.push(effect.id);
          sent ??= engine.send('PO-1', ev('REPORT'));
        },
      },
    });
    await engine.open({ by: ev('REPORT').by, title: 'Rumour', category: 'media' });
    await sent;
    await engine.dispose();
    expect(calls).toEqual(['PO-1:1:0']);
    expect(summary((await store.get('PO-1'))?.timeline ?? []).slice(3, 5)).toEqual(['3 effect-delivered', '4 event REPORT']);
  });
});

describe('KeyedQueue', () => {
  it('a job queued on a key while another job on it is starting waits for that job', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    let release!: () => void;
    const first = queue.run('k', async () => {
      order.push('job1 start');
      void queue.run('k', async () => void order.push('job2 start'));
      await new Promise<void>((resolve) => (release = resolve));
      order.push('job1 end');
    });
    await Promise.resolve();
    await Promise.resolve();
    order.push('before release');
    release();
    await first;
    await queue.idle();
    expect(order).toEqual(['job1 start', 'before release', 'job1 end', 'job2 start']);
  });
});

describe('documents a host saves into memoryStore', () => {
  it('are still checked when an engine reads them (CorruptIncidentError, not a TypeError later)', async () => {
    const store = memoryStore();
    const incident = makeIncident('PO-1');
    const bad = { ...fixtureSnapshot(incident), deadlines: {}, data: [1] } as unknown as Parameters<typeof store.save>[0];
    await store.save(bad, incident.timeline, 0);
    const engine = createEngine(seedPlan(), { clock: createManualClock(T0), store });
    // send refuses it with a code (runtime v2: a corrupt incident is that incident's problem only)
    const sent = await engine.send('PO-1', ev('REPORT'));
    expect(sent.ok ? 'accepted' : [sent.error.code, sent.error.message]).toEqual(['corrupt', expect.stringMatching(/data: .*expected record/)]);
    await expect(engine.get('PO-1')).rejects.toBeInstanceOf(CorruptIncidentError);
    await expect(engine.get('PO-1')).rejects.toThrow(/data: .*expected record/);
    // list leaves it out (reported as corrupt) instead of failing
    expect(await engine.list()).toEqual({ incidents: [] });
    await engine.dispose();
  });
});
