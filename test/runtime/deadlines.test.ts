import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, type Engine, type Incident, type PendingEffect } from '../../src/runtime/index.js';
import { at, deadline, ev, must, openSeed, seedPlan } from './seed-fixtures.js';

const T0 = '2024-05-01T08:00:00.000Z';

function setup() {
  const clock = createManualClock(T0);
  const notified: PendingEffect[] = [];
  let n = 0;
  const engine = createEngine(seedPlan(), {
    clock,
    newId: () => `PO-${++n}`,
    effects: { notify: async (e) => void notified.push(e), publish: async () => {} },
  });
  /** Notify effects as [deadline, reason, roles]. */
  const notes = () => notified.map((e) => [e.payload['deadline'], e.payload['reason'], e.payload['roles']]);
  return { clock, engine, notified, notes };
}

async function through(engine: Engine, id: string, types: string[], data: Record<string, Record<string, unknown>> = {}): Promise<Incident> {
  let incident: Incident | undefined;
  for (const type of types) incident = await must(engine, id, type, data[type]);
  return incident as Incident;
}

const severityIs = (level: string) => ({ ASSESS: { severity: level, nature: 'n', scope: 's', risk: 'r' } });

describe('deadline report (30m after open, reminder 10m before, breach notifies it-head and records)', () => {
  it('is armed at open and met by REPORT', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    expect(deadline(opened, 'report')).toMatchObject({ status: 'pending', armedAt: T0, dueAt: at(T0, 30), stage: 'report', instance: 1 });
    clock.advance('29m');
    expect(await engine.runDue()).toBe(1); // the reminder only
    const met = await must(engine, opened.id, 'REPORT');
    expect(deadline(met, 'report')).toMatchObject({ status: 'met', metAt: at(T0, 29), remindersSent: [600_000] });
    clock.advance('30m'); // assess (armed at 29m) is not due before 1h29m
    expect(await engine.runDue()).toBe(0);
  });

  it('reminds info-officer at 20m, breaches at 30m once: notify it-head and a record entry; a late REPORT does not un-breach', async () => {
    const { engine, clock, notes, notified } = setup();
    const opened = await openSeed(engine);
    clock.advance('20m');
    expect(await engine.runDue()).toBe(1);
    expect(notes()).toEqual([['report', 'reminder', ['info-officer']]]);
    clock.advance('10m');
    expect(await engine.runDue()).toBe(1);
    expect(await engine.runDue()).toBe(0);
    expect(notes()).toEqual([
      ['report', 'reminder', ['info-officer']],
      ['report', 'breach', ['it-head']],
    ]);
    expect(notified[1]?.at).toBe(at(T0, 30));
    const breached = (await engine.get(opened.id)) as Incident;
    expect(deadline(breached, 'report')).toMatchObject({ status: 'breached', breachedAt: at(T0, 30) });
    expect(breached.timeline.filter((e) => e.type === 'record').map((e) => e.data?.['text'])).toEqual([
      { en: 'not reported within 30 minutes', 'zh-CN': '未在30分钟内上报' },
    ]);
    clock.advance('5m');
    const late = await must(engine, opened.id, 'REPORT');
    expect(deadline(late, 'report')).toMatchObject({ status: 'breached' });
    expect(late.timeline.filter((e) => e.type === 'deadline-breached')).toHaveLength(1);
    expect(late.timeline.filter((e) => e.type === 'deadline-met' && e.data?.['deadline'] === 'report')).toHaveLength(0);
  });
});

describe('deadline assess (1h after entering assess)', () => {
  it('is armed on entering, met by ASSESS', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    clock.advance('10m');
    const inAssess = await must(engine, opened.id, 'REPORT');
    expect(deadline(inAssess, 'assess')).toMatchObject({ status: 'pending', armedAt: at(T0, 10), dueAt: at(T0, 70) });
    clock.advance('59m');
    const assessed = await must(engine, opened.id, 'ASSESS');
    expect(deadline(assessed, 'assess')).toMatchObject({ status: 'met', metAt: at(T0, 69) });
  });

  it('is met by DISMISS, and breached at entry+1h notifying department-head and deputy-head', async () => {
    const a = setup();
    const one = await openSeed(a.engine);
    await must(a.engine, one.id, 'REPORT');
    a.clock.advance('30m');
    const dismissed = await must(a.engine, one.id, 'DISMISS');
    expect(deadline(dismissed, 'assess')).toMatchObject({ status: 'met', metAt: at(T0, 30) });
    expect(dismissed).toMatchObject({ closed: true, closedAt: at(T0, 30), stage: 'closed' });

    const b = setup();
    const two = await openSeed(b.engine);
    await must(b.engine, two.id, 'REPORT');
    b.clock.advance('1h');
    expect(await b.engine.runDue()).toBe(1);
    expect(b.notes()).toEqual([['assess', 'breach', ['department-head', 'deputy-head']]]);
    expect(deadline((await b.engine.get(two.id)) as Incident, 'assess')).toMatchObject({ status: 'breached', breachedAt: at(T0, 60) });
  });
});

describe('deadline strategy (I 1h · II 1h · III 2h · IV 4h after entering strategy)', () => {
  it.each([
    ['I', 60],
    ['II', 60],
    ['III', 120],
    ['IV', 240],
  ])('severity %s → due %i minutes after entering; breach notifies department-head', async (level, minutes) => {
    const { engine, clock, notes } = setup();
    const opened = await openSeed(engine);
    clock.advance('15m');
    const inStrategy = await through(engine, opened.id, ['REPORT', 'ASSESS'], severityIs(level));
    expect(deadline(inStrategy, 'strategy')).toMatchObject({ status: 'pending', armedAt: at(T0, 15), dueAt: at(T0, 15 + minutes) });
    clock.set(at(T0, 15 + minutes - 1));
    await engine.runDue();
    expect(notes().filter((n) => n[0] === 'strategy')).toEqual([]);
    clock.advance('1m');
    await engine.runDue();
    expect(notes().filter((n) => n[0] === 'strategy')).toEqual([['strategy', 'breach', ['department-head']]]);
  });

  it('is met by APPROVE_STRATEGY and armed again (new instance) when ADJUST_STRATEGY loops back', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    let incident = await through(engine, opened.id, ['REPORT', 'ASSESS']);
    clock.advance('30m');
    incident = await must(engine, opened.id, 'APPROVE_STRATEGY');
    expect(deadline(incident, 'strategy')).toMatchObject({ instance: 1, status: 'met', metAt: at(T0, 30) });
    incident = await through(engine, opened.id, ['PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC']);
    clock.advance('1h');
    incident = await must(engine, opened.id, 'ADJUST_STRATEGY');
    expect(deadline(incident, 'strategy')).toMatchObject({ instance: 2, status: 'pending', armedAt: at(T0, 90), dueAt: at(T0, 150) });
    expect(deadline(incident, 'strategy', 1)).toMatchObject({ status: 'met' });
  });
});

describe('deadline first-statement (when severity is known: I/II 5h · III 24h · IV 48h after open)', () => {
  it.each([
    ['I', 5 * 60],
    ['II', 5 * 60],
    ['III', 24 * 60],
    ['IV', 48 * 60],
  ])('severity %s → due %i minutes after open, measured from open not from ASSESS', async (level, minutes) => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    expect(deadline(opened, 'first-statement')).toBeUndefined();
    clock.advance('40m');
    const assessed = await through(engine, opened.id, ['REPORT', 'ASSESS'], severityIs(level));
    expect(deadline(assessed, 'first-statement')).toMatchObject({
      status: 'pending',
      armedAt: at(T0, 40),
      baseAt: T0,
      dueAt: at(T0, minutes),
    });
  });

  it('is met by PUBLISH_STATEMENT, which also publishes the rendered holding statement', async () => {
    const published: PendingEffect[] = [];
    const clock = createManualClock(T0);
    const engine = createEngine(seedPlan(), { clock, newId: () => 'PO-1', effects: { notify: async () => {}, publish: async (e) => void published.push(e) } });
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY']);
    clock.advance('2h');
    const incident = await must(engine, opened.id, 'PUBLISH_STATEMENT');
    expect(deadline(incident, 'first-statement')).toMatchObject({ status: 'met', metAt: at(T0, 120) });
    expect(published).toHaveLength(1);
    expect(published[0]?.payload['template']).toBe('holding-statement');
    expect(published[0]?.payload['text']).toBe(
      // {{openedAt}} in the plan's timezone (Asia/Shanghai): T0 is 2024-05-01T08:00Z
      `关于“Hotline complaint video”的情况通报：2024-05-01 16:00起，我单位关注到相关信息，已第一时间成立工作组进行核查处置。We are investigating. 后续进展将通过weibo及时发布。`,
    );
    expect(incident.timeline.at(-1)).toMatchObject({ type: 'effect-delivered', data: { name: 'publish' } });
    expect(incident.outbox).toEqual([]);
  });

  it('breaches at open+5h (severity II) notifying department-head and publicity-head', async () => {
    const { engine, clock, notes } = setup();
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY']);
    clock.set(at(T0, 300));
    await engine.runDue();
    expect(notes().filter((n) => n[0] === 'first-statement')).toEqual([['first-statement', 'breach', ['department-head', 'publicity-head']]]);
  });

  it('is cancelled when the incident is dismissed', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine, { severity: 'III' });
    expect(deadline(opened, 'first-statement')).toMatchObject({ status: 'pending', dueAt: at(T0, 24 * 60) });
    await must(engine, opened.id, 'REPORT');
    clock.advance('10m');
    const dismissed = await must(engine, opened.id, 'DISMISS');
    expect(deadline(dismissed, 'first-statement')).toMatchObject({ status: 'cancelled', cancelledAt: at(T0, 10) });
    clock.advance('3d');
    expect(await engine.runDue()).toBe(0);
  });
});

describe('deadline press-briefing (when severity is I or II: 24h after open)', () => {
  it('is armed for II, not for III; met by BRIEF_MEDIA', async () => {
    const { engine, clock } = setup();
    const two = await through(engine, (await openSeed(engine)).id, ['REPORT', 'ASSESS'], severityIs('II'));
    expect(deadline(two, 'press-briefing')).toMatchObject({ status: 'pending', baseAt: T0, dueAt: at(T0, 24 * 60) });
    const three = await through(engine, (await openSeed(engine)).id, ['REPORT', 'ASSESS'], severityIs('III'));
    expect(deadline(three, 'press-briefing')).toBeUndefined();
    await through(engine, two.id, ['APPROVE_STRATEGY']);
    clock.advance('3h');
    const briefed = await must(engine, two.id, 'BRIEF_MEDIA');
    expect(deadline(briefed, 'press-briefing')).toMatchObject({ status: 'met', metAt: at(T0, 180) });
  });

  it('is cancelled when a regrade makes its condition false, armed again (from open) when it holds again', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS']);
    clock.advance('1h');
    const down = await must(engine, opened.id, 'REGRADE', { severity: 'III' });
    expect(deadline(down, 'press-briefing', 1)).toMatchObject({ status: 'cancelled', cancelledAt: at(T0, 60) });
    expect(down.timeline.find((e) => e.type === 'deadline-cancelled')?.data).toMatchObject({ deadline: 'press-briefing', reason: 'condition' });
    clock.advance('1h');
    const up = await must(engine, opened.id, 'REGRADE', { severity: 'I' });
    expect(deadline(up, 'press-briefing')).toMatchObject({ instance: 2, status: 'pending', armedAt: at(T0, 120), dueAt: at(T0, 24 * 60) });
  });

  it('breaches at open+24h notifying department-head and publicity-head', async () => {
    const { engine, clock, notes } = setup();
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT']);
    clock.set(at(T0, 24 * 60));
    await engine.runDue();
    expect(notes().filter((n) => n[0] === 'press-briefing')).toEqual([['press-briefing', 'breach', ['department-head', 'publicity-head']]]);
  });
});

describe('REGRADE recomputes pending severity-dependent deadlines from the same base', () => {
  it('III → I: strategy (entry+2h → entry+1h) and first-statement (open+24h → open+5h) move; fixed ones do not', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    clock.advance('20m');
    await through(engine, opened.id, ['REPORT', 'ASSESS'], severityIs('III'));
    clock.advance('30m');
    const regraded = await must(engine, opened.id, 'REGRADE', { severity: 'I' });
    expect(deadline(regraded, 'strategy')).toMatchObject({ status: 'pending', dueAt: at(T0, 80) });
    expect(deadline(regraded, 'first-statement')).toMatchObject({ status: 'pending', dueAt: at(T0, 300) });
    expect(deadline(regraded, 'press-briefing')).toMatchObject({ status: 'pending', dueAt: at(T0, 24 * 60), armedAt: at(T0, 50) });
    expect(regraded.timeline.filter((e) => e.type === 'deadline-recomputed').map((e) => e.data)).toEqual([
      { deadline: 'strategy', dueAt: at(T0, 80), instance: 1, previousDueAt: at(T0, 140), severity: 'I' },
      { deadline: 'first-statement', dueAt: at(T0, 300), instance: 1, previousDueAt: at(T0, 24 * 60), severity: 'I' },
    ]);
  });

  it('a recomputed due time already past breaches at once, with its notify effect', async () => {
    const { engine, clock, notes } = setup();
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS'], severityIs('IV'));
    clock.advance('90m');
    const regraded = await must(engine, opened.id, 'REGRADE', { severity: 'II' });
    expect(deadline(regraded, 'strategy')).toMatchObject({ status: 'breached', dueAt: at(T0, 60), breachedAt: at(T0, 90) });
    expect(notes()).toEqual([['strategy', 'breach', ['department-head']]]);
  });

  it('a pending monitor-reading is recomputed too (IV 6h → I 2h after entering monitor)', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    const inMonitor = await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC'], severityIs('IV'));
    expect(deadline(inMonitor, 'monitor-reading')).toMatchObject({ dueAt: at(T0, 360) });
    clock.advance('1h');
    const up = await must(engine, opened.id, 'REGRADE', { severity: 'I' });
    expect(deadline(up, 'monitor-reading')).toMatchObject({ status: 'pending', dueAt: at(T0, 120) });
  });
});

describe('deadline monitor-reading (recurring: I/II 2h · III/IV 6h after entering monitor or the last reading)', () => {
  async function inMonitor(level: string) {
    const s = setup();
    const opened = await openSeed(s.engine);
    s.clock.advance('1h');
    const incident = await through(s.engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC'], severityIs(level));
    return { ...s, incident };
  }

  it.each([
    ['II', 120],
    ['III', 360],
  ])('severity %s: armed on entering monitor, due %i minutes later', async (level, minutes) => {
    const { incident } = await inMonitor(level);
    expect(deadline(incident, 'monitor-reading')).toMatchObject({ instance: 1, status: 'pending', armedAt: at(T0, 60), dueAt: at(T0, 60 + minutes) });
  });

  it('a reading meets it and re-arms it from the reading; a breach re-arms it from the breached due time', async () => {
    const { engine, clock, incident, notes } = await inMonitor('II');
    clock.advance('90m');
    const read = await must(engine, incident.id, 'RECORD_READING');
    expect(deadline(read, 'monitor-reading', 1)).toMatchObject({ status: 'met', metAt: at(T0, 150) });
    expect(deadline(read, 'monitor-reading', 2)).toMatchObject({ status: 'pending', armedAt: at(T0, 150), dueAt: at(T0, 270) });
    clock.set(at(T0, 270 + 120 + 30));
    expect(await engine.runDue()).toBe(2);
    const after = (await engine.get(incident.id)) as Incident;
    expect(deadline(after, 'monitor-reading', 2)).toMatchObject({ status: 'breached', breachedAt: at(T0, 270) });
    expect(deadline(after, 'monitor-reading', 3)).toMatchObject({ status: 'breached', armedAt: at(T0, 270), dueAt: at(T0, 390), breachedAt: at(T0, 390) });
    expect(deadline(after, 'monitor-reading', 4)).toMatchObject({ status: 'pending', armedAt: at(T0, 390), dueAt: at(T0, 510) });
    expect(notes().filter((n) => n[0] === 'monitor-reading')).toEqual([
      ['monitor-reading', 'breach', ['it-head']],
      ['monitor-reading', 'breach', ['it-head']],
    ]);
  });

  it('is cancelled when ADJUST_STRATEGY leaves monitor and armed anew on coming back', async () => {
    const { engine, clock, incident } = await inMonitor('III');
    clock.advance('1h');
    const left = await must(engine, incident.id, 'ADJUST_STRATEGY');
    expect(deadline(left, 'monitor-reading', 1)).toMatchObject({ status: 'cancelled', cancelledAt: at(T0, 120) });
    const back = await through(engine, incident.id, ['APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC']);
    expect(deadline(back, 'monitor-reading')).toMatchObject({ instance: 2, status: 'pending', armedAt: at(T0, 120), dueAt: at(T0, 480) });
    expect(deadline(back, 'first-statement')).toMatchObject({ status: 'met', instance: 1 });
    expect(back.deadlines.filter((d) => d.id === 'first-statement')).toHaveLength(1);
  });

  it('RECORD_READING in respond does not arm it (armed on entering monitor)', async () => {
    const { engine } = setup();
    const opened = await openSeed(engine);
    const inRespond = await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'RECORD_READING']);
    expect(deadline(inRespond, 'monitor-reading')).toBeUndefined();
  });
});

describe('deadline review (7d after entering review)', () => {
  it('is armed on entering review, met by SUBMIT_REVIEW; every pending deadline is cancelled on close', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'ENGAGE_PUBLIC']);
    clock.advance('1h');
    const inReview = await through(engine, opened.id, ['BRIEF_MEDIA', 'DECLARE_OVER']);
    expect(deadline(inReview, 'review')).toMatchObject({ status: 'pending', armedAt: at(T0, 60), dueAt: at(T0, 60 + 7 * 24 * 60) });
    expect(deadline(inReview, 'monitor-reading')).toMatchObject({ status: 'cancelled' });
    clock.advance('6d');
    const closed = await must(engine, opened.id, 'SUBMIT_REVIEW');
    expect(deadline(closed, 'review')).toMatchObject({ status: 'met' });
    expect(closed.deadlines.filter((d) => d.status === 'pending')).toEqual([]);
  });

  it('breaches 7d after entering, notifying department-head', async () => {
    const { engine, clock, notes } = setup();
    const opened = await openSeed(engine);
    await through(engine, opened.id, ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC', 'DECLARE_OVER']);
    clock.advance('7d');
    await engine.runDue();
    expect(notes().filter((n) => n[0] === 'review')).toEqual([['review', 'breach', ['department-head']]]);
  });
});

describe('scheduling', () => {
  it('runDue fires deadlines across incidents, each at its own due time, in due order', async () => {
    const { engine, clock, notified } = setup();
    const a = await openSeed(engine);
    clock.advance('5m');
    const b = await openSeed(engine);
    clock.advance('2h');
    expect(await engine.runDue()).toBe(4);
    expect(notified.map((e) => [e.id.split(':')[0], e.payload['reason'], e.at])).toEqual([
      [a.id, 'reminder', at(T0, 20)],
      [a.id, 'breach', at(T0, 30)],
      [b.id, 'reminder', at(T0, 25)],
      [b.id, 'breach', at(T0, 35)],
    ]);
    const list = await engine.list({ overdue: true });
    expect(list.incidents.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(await engine.list({ stage: 'assess' })).toEqual({ incidents: [] });
    expect((await engine.list({ open: true })).incidents.length).toBe(2);
  });

  it('a send after the due time first records the breach it missed (at its due time)', async () => {
    const { engine, clock } = setup();
    const opened = await openSeed(engine);
    clock.advance('31m');
    const result = await engine.send(opened.id, ev('REPORT'));
    expect(result.ok).toBe(true);
    const incident = result.ok ? result.incident : undefined;
    // The send's own entries begin with what fell due before it.
    expect((result.entries ?? []).slice(0, 4).map((e) => `${e.type}@${e.at.slice(11, 16)}`)).toEqual(['reminder@08:20', 'deadline-breached@08:30', 'record@08:30', 'event@08:31']);
    const types = ((await engine.get(opened.id))?.timeline ?? []).map((e) => `${e.type}@${e.at.slice(11, 16)}`);
    expect(types.slice(3, 7)).toEqual(['reminder@08:20', 'deadline-breached@08:30', 'record@08:30', 'event@08:31']);
    expect(incident?.deadlines.find((d) => d.id === 'report')).toMatchObject({ status: 'breached' });
  });
});
