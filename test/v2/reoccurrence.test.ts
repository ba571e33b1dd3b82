import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, verifyTimeline, type Incident, type IncidentStore } from '../../src/runtime/index.js';
import { simulate } from '../../src/testing/simulate.js';
import { levelsPlan, planOf } from './support.js';

const people = { cl: ['clerk'] };
const stages = `
stages:
  - id: live
    title: Live
    on:
      - { event: READING, by: [any-role] }
      - { event: DONE, by: [any-role] }
      - { event: START, by: [any-role], target: end }
  - { id: end, title: End, final: true }
`;

async function run(deadlines: string, header = '', start = '2026-07-01T08:00:00+08:00') {
  const sim = simulate(planOf(levelsPlan(`${stages}\ndeadlines:\n${deadlines}`, header)), { start, people });
  await sim.open({ by: 'cl', title: 't', category: 'any' });
  return sim;
}
type Sim = Awaited<ReturnType<typeof run>>;
const instances = (sim: Sim, id = 'd') => sim.incident.deadlines.filter((d) => d.id === id);

describe('from: condition — one clock per time the condition becomes true', () => {
  const over = `  - { id: d, from: condition, when: { field: value, gte: 5 }, due: 1h, metBy: [DONE] }\n`;

  it('a met instance whose condition still holds arms nothing; false then true again arms a second clock from that moment', async () => {
    const sim = await run(over);
    await sim.send('cl', 'READING', { value: 6 }); // 08:00 true: instance 1
    await sim.advance('10m');
    await sim.send('cl', 'DONE'); // met
    await sim.send('cl', 'READING', { value: 7 }); // still true: nothing new
    expect(instances(sim).map((i) => i.status)).toEqual(['met']);
    await sim.advance('10m');
    await sim.send('cl', 'READING', { value: 3 }); // 08:20 false: the occurrence ended
    expect(instances(sim)[0]?.conditionEndedAt).toBe('2026-07-01T00:20:00.000Z');
    expect(instances(sim)).toHaveLength(1);
    await sim.advance('15m');
    await sim.send('cl', 'READING', { value: 5 }); // 08:35 true again (at the bound): instance 2
    expect(instances(sim).map((i) => [i.instance, i.status, i.baseAt, i.dueAt])).toEqual([
      [1, 'met', '2026-07-01T00:00:00.000Z', '2026-07-01T01:00:00.000Z'],
      [2, 'pending', '2026-07-01T00:35:00.000Z', '2026-07-01T01:35:00.000Z'],
    ]);
  });

  it('a breached instance: no second breach while it stays true, a new clock after it ends and comes back', async () => {
    const sim = await run(over, 'timing: { dueInstant: meets }');
    await sim.send('cl', 'READING', { value: 9 });
    await sim.advance('3h');
    expect(sim.breaches).toEqual(['d']);
    expect(instances(sim)).toHaveLength(1);
    await sim.send('cl', 'READING', { value: 1 });
    await sim.send('cl', 'READING', { value: 9 });
    expect(instances(sim).map((i) => [i.status, i.baseAt])).toEqual([
      ['breached', '2026-07-01T00:00:00.000Z'],
      ['pending', '2026-07-01T03:00:00.000Z'],
    ]);
    await sim.advance('1h'); // exactly the due instant of instance 2: not yet breached (meets)
    expect(sim.breaches).toEqual(['d']);
    await sim.send('cl', 'DONE');
    expect(instances(sim).map((i) => i.status)).toEqual(['breached', 'met']);
  });

  it('property: the instances are exactly the false→true edges of the condition', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ value: fc.integer({ min: 0, max: 9 }), done: fc.boolean() }), { minLength: 1, maxLength: 12 }), async (steps) => {
        const sim = await run(over);
        let held = false;
        let edges = 0;
        for (const step of steps) {
          await sim.advance('5m');
          await sim.send('cl', 'READING', { value: step.value });
          const holds = step.value >= 5;
          if (holds && !held) edges++;
          held = holds;
          if (step.done) await sim.send('cl', 'DONE');
        }
        expect(instances(sim)).toHaveLength(edges);
        expect(instances(sim).filter((i) => i.status === 'pending').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe('recurring clock-time deadlines re-arm for the next occurrence', () => {
  const daily = `  - { id: d, recurring: true, due: { clock: '21:00' }, metBy: [DONE] }\n`;

  it('after a breach: tomorrow 21:00 (Asia/Shanghai has no DST: exactly 24 h later), then the day after', async () => {
    const sim = await run(daily, 'timing: { dueInstant: meets }');
    expect(instances(sim).map((i) => i.dueAt)).toEqual(['2026-07-01T13:00:00.000Z']);
    await sim.advance('13h'); // 21:00 exactly: the due instant still meets
    expect(sim.breaches).toEqual([]);
    await sim.advance(1); // 21:00:00.001: breached, re-armed
    expect(sim.breaches).toEqual(['d']);
    expect(instances(sim).map((i) => [i.status, i.baseAt, i.dueAt])).toEqual([
      ['breached', '2026-07-01T00:00:00.000Z', '2026-07-01T13:00:00.000Z'],
      ['pending', '2026-07-01T13:00:00.000Z', '2026-07-02T13:00:00.000Z'],
    ]);
    await sim.advance('2d');
    expect(instances(sim).map((i) => i.status)).toEqual(['breached', 'breached', 'breached', 'pending']);
    expect(instances(sim).map((i) => i.dueAt)).toEqual([
      '2026-07-01T13:00:00.000Z',
      '2026-07-02T13:00:00.000Z',
      '2026-07-03T13:00:00.000Z',
      '2026-07-04T13:00:00.000Z',
    ]);
  });

  it('with the default (due instant breaches): breached at 21:00 itself and re-armed for tomorrow, not for the instant just passed', async () => {
    const sim = await run(daily);
    await sim.advance('13h');
    expect(sim.breaches).toEqual(['d']);
    expect(instances(sim).map((i) => i.dueAt)).toEqual(['2026-07-01T13:00:00.000Z', '2026-07-02T13:00:00.000Z']);
  });

  it('met early (20:00) or at the due instant: the next one is the following day, not 21:00 the same day', async () => {
    const sim = await run(daily, 'timing: { dueInstant: meets }');
    await sim.advance('12h'); // 20:00
    await sim.send('cl', 'DONE');
    expect(instances(sim).map((i) => [i.status, i.dueAt])).toEqual([
      ['met', '2026-07-01T13:00:00.000Z'],
      ['pending', '2026-07-02T13:00:00.000Z'],
    ]);
    await sim.advance('25h'); // 2 July 21:00 exactly
    await sim.send('cl', 'DONE');
    expect(sim.breaches).toEqual([]);
    expect(instances(sim).map((i) => i.dueAt).at(-1)).toBe('2026-07-03T13:00:00.000Z');
  });

  it('a zone with DST follows the wall clock (Europe/Berlin, 28 → 29 March 2026: 23 h apart)', async () => {
    const plan = planOf(levelsPlan(`${stages}\ndeadlines:\n${daily}`).replace('timezone: Asia/Shanghai', 'timezone: Europe/Berlin'));
    const sim = simulate(plan, { start: '2026-03-28T08:00:00+01:00', people });
    await sim.open({ by: 'cl', title: 't', category: 'any' });
    await sim.advance('14h');
    expect(instances(sim).map((i) => i.dueAt)).toEqual(['2026-03-28T20:00:00.000Z', '2026-03-29T19:00:00.000Z']);
  });

  it('property: every instance of a daily deadline is due at 21:00 local, one day after the one before it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 * 60 }), { minLength: 1, maxLength: 8 }), async (gaps) => {
        const sim = await run(daily, 'timing: { dueInstant: meets }');
        for (const minutes of gaps) {
          await sim.advance(minutes * 60_000);
          await sim.send('cl', 'DONE');
        }
        const dues = instances(sim).map((i) => Date.parse(i.dueAt));
        for (const [k, due] of dues.entries()) {
          expect(new Date(due).toISOString().slice(11)).toBe('13:00:00.000Z');
          if (k > 0) expect(due - (dues[k - 1] as number)).toBe(86_400_000);
        }
        expect(instances(sim).filter((i) => i.status === 'pending')).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe('save and restore across a re-arm', () => {
  const plan = planOf(
    levelsPlan(
      `${stages}\ndeadlines:\n  - { id: d, recurring: true, due: { clock: '21:00' }, metBy: [DONE] }\n  - { id: c, from: condition, when: { field: value, gte: 5 }, due: 1h, metBy: [DONE] }\n`,
      'timing: { dueInstant: meets }',
    ),
  );
  const T0 = Date.parse('2026-07-01T08:00:00+08:00');
  const by = { id: 'cl', roles: ['clerk'] };
  const script: Array<{ minutes: number; type: string; data?: Record<string, unknown> }> = [
    { minutes: 10, type: 'READING', data: { value: 6 } },
    { minutes: 20, type: 'DONE' },
    { minutes: 30, type: 'READING', data: { value: 2 } },
    { minutes: 13 * 60 + 5, type: 'READING', data: { value: 8 } }, // after the 21:00 breach and re-arm
    { minutes: 24 * 60, type: 'DONE' },
    { minutes: 24 * 60 + 30, type: 'READING', data: { value: 1 } },
  ];

  async function play(split: number | undefined): Promise<Incident> {
    const clock = createManualClock(T0);
    const store: IncidentStore = memoryStore();
    const options = { clock, store, newId: () => 'R-1', effects: { notify: async () => {} } };
    let engine = createEngine(plan, options);
    const incident = await engine.open({ by, title: 't', category: 'any' });
    for (const [i, step] of script.entries()) {
      clock.set(T0 + step.minutes * 60_000);
      await engine.runDue();
      if (i === split) {
        await engine.dispose();
        engine = createEngine(plan, options); // a new engine reads the saved incident back
      }
      const result = await engine.send(incident.id, step.data === undefined ? { type: step.type, by } : { type: step.type, by, data: step.data });
      if (!result.ok) throw new Error(`${step.type}: ${result.error.code}`);
    }
    clock.set(T0 + 3 * 24 * 60 * 60_000); // 4 July 08:00
    await engine.runDue();
    const out = (await engine.get(incident.id)) as Incident;
    await engine.dispose();
    return out;
  }

  it('restoring at any step gives the same incident, hash for hash, as one uninterrupted run', async () => {
    const straight = await play(undefined);
    expect(verifyTimeline(straight).ok).toBe(true);
    const daily = straight.deadlines.filter((d) => d.id === 'd').map((d) => [d.status, d.dueAt]);
    // DONE at 08:20 meets the first day's instance early (next: 2 July); DONE on 2 July 08:00 meets that one.
    expect(daily).toEqual([
      ['met', '2026-07-01T13:00:00.000Z'],
      ['met', '2026-07-02T13:00:00.000Z'],
      ['breached', '2026-07-03T13:00:00.000Z'],
      ['pending', '2026-07-04T13:00:00.000Z'],
    ]);
    // c: met at 08:20; the value drops, rises again at 21:05 (a second clock), breached at 22:05.
    expect(straight.deadlines.filter((d) => d.id === 'c').map((d) => [d.status, d.baseAt])).toEqual([
      ['met', '2026-07-01T00:10:00.000Z'],
      ['breached', '2026-07-01T13:05:00.000Z'],
    ]);
    for (let split = 0; split < script.length; split++) {
      const restored = await play(split);
      expect(restored.timeline.at(-1)?.hash, `split at ${split}`).toBe(straight.timeline.at(-1)?.hash);
      expect(restored.deadlines).toEqual(straight.deadlines);
    }
  });
});
