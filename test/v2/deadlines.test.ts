import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextWallClock } from '../../src/compile/wall-clock.js';
import { simulate } from '../../src/testing/simulate.js';
import { levelsPlan, planOf } from './support.js';

const people = { bo: ['boss'], ch: ['chief'], cl: ['clerk'] };
const start = '2026-07-01T08:00:00+08:00';
const stages = `
stages:
  - id: live
    title: Live
    on:
      - { event: START, by: [any-role] }
      - { event: CHANGE, by: [any-role] }
      - { event: FOUND, by: [any-role] }
      - { event: REPORTED, by: [any-role] }
      - { event: READING, by: [any-role] }
      - { event: DONE, by: [any-role], target: end }
  - { id: end, title: End, final: true }
`;

async function run(deadlines: string, header = '') {
  const sim = simulate(planOf(levelsPlan(`${stages}\ndeadlines:\n${deadlines}`, header)), { start, people });
  await sim.open({ by: 'cl', title: 't', category: 'any' });
  return sim;
}
const instances = (sim: Awaited<ReturnType<typeof run>>, id: string) => sim.incident.deadlines.filter((d) => d.id === id);

describe('the due instant', () => {
  const d = `  - { id: d, due: 30m, metBy: [DONE] }\n`;
  it('dueInstant: meets — an event at exactly the due instant meets the deadline', async () => {
    const sim = await run(d, 'timing: { dueInstant: meets }');
    await sim.advance('30m');
    expect(sim.breaches).toEqual([]);
    expect((await sim.send('cl', 'DONE')).ok).toBe(true);
    expect(instances(sim, 'd')[0]?.status).toBe('met');
  });
  it('dueInstant: meets — the breach fires 1 ms after the due instant', async () => {
    const sim = await run(d, 'timing: { dueInstant: meets }');
    await sim.advance(30 * 60_000);
    expect(sim.breaches).toEqual([]);
    await sim.advance(1);
    expect(sim.breaches).toEqual(['d']);
    expect(instances(sim, 'd')[0]?.breachedAt).toBe('2026-07-01T00:30:00.001Z');
  });
  it('default (breaches) — unchanged: at exactly the due instant the deadline is already breached', async () => {
    const sim = await run(d);
    await sim.advance('30m');
    expect(sim.breaches).toEqual(['d']);
    await sim.send('cl', 'DONE');
    expect(instances(sim, 'd')[0]?.status).toBe('breached');
  });
  it('due: immediately uses timing.immediately', async () => {
    const sim = await run(`  - { id: d, due: immediately, metBy: [DONE] }\n`, 'timing: { immediately: 15m }');
    expect(instances(sim, 'd')[0]?.dueAt).toBe('2026-07-01T00:15:00.000Z');
  });
});

describe('where a deadline starts', () => {
  it('from an occurrence time in the event data, one clock per site, each met only by its own report', async () => {
    const sim = await run(`  - { id: d, from: event, event: FOUND, at: when, each: true, match: site, due: 30m, metBy: [REPORTED] }\n`, 'timing: { dueInstant: meets }');
    await sim.advance('20m'); // 08:20
    await sim.send('cl', 'FOUND', { site: 'x', when: '2026-07-01T08:00:00+08:00' });
    await sim.send('cl', 'FOUND', { site: 'y', when: '2026-07-01T08:15:00+08:00' });
    expect(instances(sim, 'd').map((i) => [i.key, i.dueAt])).toEqual([
      ['x', '2026-07-01T00:30:00.000Z'],
      ['y', '2026-07-01T00:45:00.000Z'],
    ]);
    await sim.advance('5m');
    await sim.send('cl', 'REPORTED', { site: 'y' });
    expect(instances(sim, 'd').map((i) => i.status)).toEqual(['pending', 'met']);
    await sim.advance('5m'); // 08:30, exactly x's due instant
    await sim.send('cl', 'REPORTED', { site: 'x' });
    expect(sim.breaches).toEqual([]);
  });

  it('an occurrence already 30 minutes old breaches right after the event that brings it (not before it)', async () => {
    const sim = await run(`  - { id: d, from: event, event: FOUND, at: when, due: 30m, metBy: [REPORTED] }\n`);
    await sim.advance('40m');
    const found = await sim.send('cl', 'FOUND', { site: 'x', when: '2026-07-01T08:00:00+08:00' });
    expect(found.ok).toBe(true);
    expect(sim.breaches).toEqual(['d']);
  });

  it('from when a condition became true, not from open', async () => {
    const sim = await run(`  - { id: d, from: condition, when: { field: value, gte: { field: limit, plus: 1 } }, due: 1h, metBy: [DONE] }\n`);
    await sim.advance('2h');
    await sim.send('cl', 'READING', { value: 4, limit: 4 });
    expect(instances(sim, 'd')).toEqual([]);
    await sim.advance('10m');
    await sim.send('cl', 'READING', { value: 5 }); // 5 >= 4 + 1
    expect(instances(sim, 'd')[0]?.dueAt).toBe('2026-07-01T03:10:00.000Z');
    await sim.send('cl', 'READING', { value: 4.5 }); // stops holding: cancelled
    expect(instances(sim, 'd')[0]?.status).toBe('cancelled');
    await sim.advance('5m');
    await sim.send('cl', 'READING', { value: 6 }); // holds again: a new clock
    expect(instances(sim, 'd').map((i) => i.status)).toEqual(['cancelled', 'pending']);
    expect(instances(sim, 'd')[1]?.baseAt).toBe('2026-07-01T02:15:00.000Z');
  });

  it('a clock time: 21:00 in the plan timezone, today before it, tomorrow after it', async () => {
    const today = await run(`  - { id: d, due: { clock: '21:00' }, metBy: [DONE] }\n`);
    expect(instances(today, 'd')[0]?.dueAt).toBe('2026-07-01T13:00:00.000Z');
    const late = simulate(planOf(levelsPlan(`${stages}\ndeadlines:\n  - { id: d, due: { clock: '21:00' }, metBy: [DONE] }\n`)), { start: '2026-07-01T21:30:00+08:00', people });
    await late.open({ by: 'cl', title: 't', category: 'any' });
    expect(late.incident.deadlines[0]?.dueAt).toBe('2026-07-02T13:00:00.000Z');
  });

  it('rebase: regrade measures again from the regrade with the new level', async () => {
    const sim = await run(`  - { id: d, due: { A: 15m, B: 2h }, rebase: regrade, metBy: [DONE] }\n`);
    await sim.send('cl', 'START', { level: 'B' });
    expect(instances(sim, 'd')[0]?.dueAt).toBe('2026-07-01T02:00:00.000Z');
    await sim.advance('1h');
    await sim.send('cl', 'CHANGE', { level: 'A' });
    expect(instances(sim, 'd')[0]?.dueAt).toBe('2026-07-01T01:15:00.000Z');
    expect(instances(sim, 'd')[0]?.baseAt).toBe('2026-07-01T01:00:00.000Z');
  });

  it('a band cadence: re-based when the value changes band, not breached by the report that changed it', async () => {
    const sim = await run(
      `  - { id: d, recurring: true, due: { band: value, bands: [{ below: 10, due: 12h }, { below: 20, due: 6h }, { due: 3h }] }, metBy: [READING] }\n`,
    );
    expect(instances(sim, 'd')).toEqual([]); // no value yet: not armed
    await sim.send('cl', 'READING', { value: 5 }); // armed from open, 12h
    expect(instances(sim, 'd')[0]?.dueAt).toBe('2026-07-01T12:00:00.000Z');
    await sim.advance('2h');
    await sim.send('cl', 'READING', { value: 15 }); // meets, re-armed from now at 6h
    expect(instances(sim, 'd').map((i) => [i.status, i.dueAt])).toEqual([
      ['met', '2026-07-01T12:00:00.000Z'],
      ['pending', '2026-07-01T08:00:00.000Z'],
    ]);
    expect(sim.breaches).toEqual([]);
  });

  it('a band cadence: a value moved into another band by an event that does not meet it re-bases the pending instance from then', async () => {
    const sim = await run(`  - { id: d, due: { band: value, bands: [{ below: 10, due: 12h }, { due: 3h }] }, metBy: [DONE] }\n`);
    await sim.send('cl', 'READING', { value: 5 });
    await sim.advance('1h');
    await sim.send('cl', 'READING', { value: 30 });
    expect(instances(sim, 'd').map((i) => [i.status, i.baseAt, i.dueAt])).toEqual([['pending', '2026-07-01T01:00:00.000Z', '2026-07-01T04:00:00.000Z']]);
    expect(sim.incident.timeline.filter((e) => e.type === 'deadline-recomputed').map((e) => e.data?.['reason'])).toEqual(['band']);
  });
});

describe('wall clock', () => {
  it('is the first instant at or after the base with that local time (property, several zones)', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 0, max: 1439 }), fc.constantFrom(...zones), (base, minutes, zone) => {
        const due = nextWallClock(base, minutes, zone);
        expect(due).toBeGreaterThanOrEqual(base);
        expect(due - base).toBeLessThanOrEqual(26 * 3_600_000);
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
        const [h, m] = local.split(':').map(Number);
        // A local time skipped by a daylight-saving jump has no instant; otherwise it is exact.
        if ((h ?? 0) * 60 + (m ?? 0) !== minutes) expect(zone === 'Europe/Berlin' || zone === 'America/New_York').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
