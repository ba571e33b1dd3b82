import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock, type Engine, type Incident, type SendErrorCode } from '../../src/runtime/index.js';
import { ev, eventData, must, openSeed, people, seedPlan } from './seed-fixtures.js';

const START = '2024-05-01T08:00:00.000Z';

function setup(): { engine: Engine; clock: ReturnType<typeof createManualClock> } {
  const clock = createManualClock(START);
  let n = 0;
  const engine = createEngine(seedPlan(), { clock, newId: () => `PO-${++n}`, effects: { notify: async () => {}, publish: async () => {} } });
  return { engine, clock };
}

/** Drives a new incident to `stage` along the happy path. */
async function incidentIn(engine: Engine, stage: string): Promise<Incident> {
  const path: Record<string, string[]> = {
    report: [],
    assess: ['REPORT'],
    strategy: ['REPORT', 'ASSESS'],
    respond: ['REPORT', 'ASSESS', 'APPROVE_STRATEGY'],
    monitor: ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC'],
    review: ['REPORT', 'ASSESS', 'APPROVE_STRATEGY', 'PUBLISH_STATEMENT', 'BRIEF_MEDIA', 'ENGAGE_PUBLIC', 'DECLARE_OVER'],
    closed: ['REPORT', 'ASSESS', 'DISMISS'].filter((e) => e !== 'ASSESS'),
  };
  let incident = await openSeed(engine);
  for (const type of path[stage] ?? []) incident = await must(engine, incident.id, type);
  expect(incident.stage).toBe(stage);
  return incident;
}

describe('seed plan: accepted events move the incident as seed-plan.md says', () => {
  const accepted: Array<[stage: string, type: string, by: keyof typeof people, expectStage: string, tracks?: string[]]> = [
    ['report', 'REPORT', 'infoOfficer', 'assess'],
    ['report', 'REPORT', 'itHead', 'assess'],
    ['report', 'REPORT', 'monitor', 'assess'],
    ['assess', 'ASSESS', 'itHead', 'strategy'],
    ['assess', 'DISMISS', 'deptHead', 'closed'],
    ['assess', 'DISMISS', 'deputy', 'closed'],
    ['strategy', 'APPROVE_STRATEGY', 'deptHead', 'respond', ['release', 'media', 'public']],
    ['strategy', 'APPROVE_STRATEGY', 'deputy', 'respond', ['release', 'media', 'public']],
    ['strategy', 'REGRADE', 'deputy', 'strategy'],
    ['respond', 'PUBLISH_STATEMENT', 'publicity', 'respond', ['media', 'public']],
    ['respond', 'BRIEF_MEDIA', 'counsel', 'respond', ['release', 'public']],
    ['respond', 'ENGAGE_PUBLIC', 'counsel', 'respond', ['release', 'media']],
    ['respond', 'RECORD_READING', 'monitor', 'respond', ['release', 'media', 'public']],
    ['respond', 'REGRADE', 'deptHead', 'respond', ['release', 'media', 'public']],
    ['monitor', 'RECORD_READING', 'infoOfficer', 'monitor'],
    ['monitor', 'ADJUST_STRATEGY', 'itHead', 'strategy'],
    ['monitor', 'ADJUST_STRATEGY', 'deputy', 'strategy'],
    ['monitor', 'DECLARE_OVER', 'deptHead', 'review'],
    ['monitor', 'REGRADE', 'deptHead', 'monitor'],
    ['review', 'SUBMIT_REVIEW', 'deputy', 'closed'],
    ['report', 'LOG_SUPPORT', 'admin', 'report'],
    ['respond', 'LOG_SUPPORT', 'finance', 'respond', ['release', 'media', 'public']],
    ['review', 'LOG_SUPPORT', 'admin', 'review'],
    ['report', 'NOTE', 'legalHead', 'report'],
    ['monitor', 'NOTE', 'counsel', 'monitor'],
  ];
  it.each(accepted)('in %s, %s by %s → %s', async (stage, type, by, expectStage, tracks = []) => {
    const { engine } = setup();
    const before = await incidentIn(engine, stage);
    const result = await engine.send(before.id, ev(type, undefined, people[by]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incident.stage).toBe(expectStage);
    expect(result.incident.tracks).toEqual(tracks);
    expect(result.incident.closed).toBe(expectStage === 'closed');
    // The send's entries follow the incident's timeline as it was, the event among them.
    expect(result.entries[0]?.seq).toBe(before.timeline.length);
    expect(result.incident.head).toMatchObject({ seq: result.entries.at(-1)?.seq, hash: result.entries.at(-1)?.hash });
    const entry = result.entries.find((e) => e.type === 'event');
    expect(entry).toMatchObject({ type: 'event', result: 'accepted', by: people[by], data: { event: type } });
    await engine.dispose();
  });

  it('data is merged into incident.data and ASSESS sets the severity', async () => {
    const { engine } = setup();
    const incident = await incidentIn(engine, 'strategy');
    expect(incident.severity).toBe('II');
    expect(incident.data).toMatchObject({ ...eventData['REPORT'], ...eventData['ASSESS'] });
    expect(incident.version).toBe(3);
    const regraded = await must(engine, incident.id, 'REGRADE', { severity: 'III', reason: 'calmer' });
    expect(regraded.severity).toBe('III');
    expect(regraded.data['severity']).toBe('III');
    expect(regraded.timeline.filter((e) => e.type === 'regraded').map((e) => e.data)).toEqual([
      { cause: 'event', causeSeq: expect.any(Number), event: 'REGRADE', from: 'II', to: 'III' },
    ]);
  });

  it('all three tracks done moves respond to monitor; a second ADJUST_STRATEGY loop runs the tracks again', async () => {
    const { engine } = setup();
    const inMonitor = await incidentIn(engine, 'monitor');
    expect(inMonitor.state).toBe('monitor');
    let incident = await must(engine, inMonitor.id, 'ADJUST_STRATEGY');
    incident = await must(engine, incident.id, 'APPROVE_STRATEGY');
    expect(incident.state).toEqual({ respond: { media: 'pending', public: 'pending', release: 'pending' } });
    expect(incident.tracks).toEqual(['release', 'media', 'public']);
    incident = await must(engine, incident.id, 'PUBLISH_STATEMENT');
    expect(incident.state).toEqual({ respond: { media: 'pending', public: 'pending', release: 'done' } });
    incident = await must(engine, incident.id, 'ENGAGE_PUBLIC');
    incident = await must(engine, incident.id, 'BRIEF_MEDIA');
    expect(incident.stage).toBe('monitor');
    expect(incident.tracks).toEqual([]);
  });
});

describe('seed plan: rejected events carry the right code, change nothing but are recorded', () => {
  const rejected: Array<[stage: string, type: string, by: keyof typeof people | undefined, data: Record<string, unknown> | undefined, code: SendErrorCode]> = [
    ['report', 'REPORT', 'deptHead', undefined, 'unauthorized'],
    ['report', 'REPORT', 'outsider', undefined, 'unauthorized'],
    ['assess', 'ASSESS', 'infoOfficer', undefined, 'unauthorized'],
    ['assess', 'ASSESS', 'deptHead', undefined, 'unauthorized'],
    ['assess', 'DISMISS', 'itHead', undefined, 'unauthorized'],
    ['strategy', 'APPROVE_STRATEGY', 'publicity', undefined, 'unauthorized'],
    ['strategy', 'REGRADE', 'itHead', undefined, 'unauthorized'],
    ['respond', 'PUBLISH_STATEMENT', 'deptHead', undefined, 'unauthorized'],
    ['respond', 'RECORD_READING', 'publicity', undefined, 'unauthorized'],
    ['monitor', 'DECLARE_OVER', 'itHead', undefined, 'unauthorized'],
    ['monitor', 'ADJUST_STRATEGY', 'monitor', undefined, 'unauthorized'],
    ['review', 'SUBMIT_REVIEW', 'publicity', undefined, 'unauthorized'],
    ['report', 'LOG_SUPPORT', 'deptHead', undefined, 'unauthorized'],
    ['report', 'NOTE', 'outsider', undefined, 'unauthorized'],
    ['report', 'ASSESS', undefined, undefined, 'not-in-stage'],
    ['assess', 'REPORT', undefined, undefined, 'not-in-stage'],
    ['strategy', 'PUBLISH_STATEMENT', undefined, undefined, 'not-in-stage'],
    ['report', 'REGRADE', undefined, undefined, 'not-in-stage'],
    ['assess', 'RECORD_READING', undefined, undefined, 'not-in-stage'],
    ['respond', 'DECLARE_OVER', undefined, undefined, 'not-in-stage'],
    ['review', 'ADJUST_STRATEGY', undefined, undefined, 'not-in-stage'],
    ['report', 'LAUNCH_ROCKETS', 'deptHead', undefined, 'unknown-event'],
    ['report', 'REPORT', undefined, { summary: 's', source: 'x' }, 'invalid-data'],
    ['report', 'REPORT', undefined, { summary: 42, source: 'x', publicReaction: 'y' }, 'invalid-data'],
    ['report', 'REPORT', undefined, { summary: 's', source: 'x', publicReaction: 'y', severity: 'I' }, 'invalid-data'],
    ['assess', 'ASSESS', undefined, { severity: 'V', nature: 'n', scope: 's', risk: 'r' }, 'invalid-data'],
    ['respond', 'PUBLISH_STATEMENT', undefined, { statement: 's', channel: 'fax' }, 'invalid-data'],
    ['monitor', 'RECORD_READING', undefined, { heat: -1, negativeShare: 0.2 }, 'invalid-data'],
    ['monitor', 'RECORD_READING', undefined, { heat: 5, negativeShare: 1.5 }, 'invalid-data'],
    ['monitor', 'RECORD_READING', undefined, { heat: 'hot', negativeShare: 0.2 }, 'invalid-data'],
    ['monitor', 'RECORD_READING', undefined, { heat: Number.NaN, negativeShare: 0.2 }, 'invalid-data'],
    ['review', 'SUBMIT_REVIEW', undefined, { measures: 'm', evaluation: 'e', lessons: 'x'.repeat(10_001) }, 'invalid-data'],
    ['closed', 'NOTE', undefined, undefined, 'closed'],
    ['closed', 'REPORT', undefined, undefined, 'closed'],
  ];
  it.each(rejected)('in %s, %s by %s (%j) → %s', async (stage, type, by, data, code) => {
    const { engine } = setup();
    const before = await incidentIn(engine, stage);
    const result = await engine.send(before.id, ev(type, data, by === undefined ? undefined : people[by]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    const after = await engine.get(before.id);
    expect(after?.version).toBe(before.version + 1);
    expect(after?.stage).toBe(before.stage);
    expect(after?.state).toEqual(before.state);
    expect(after?.data).toEqual(before.data);
    expect(after?.deadlines).toEqual(before.deadlines);
    const last = after?.timeline[after.timeline.length - 1];
    expect(last).toMatchObject({ type: 'rejected', result: 'rejected', data: { code, event: type } });
    expect(last?.by?.id).toBe((by === undefined ? ev(type).by : people[by]).id);
    await engine.dispose();
  });

  it('not-found for an unknown incident id, and nothing is saved', async () => {
    const { engine } = setup();
    const result = await engine.send('PO-404', ev('REPORT'));
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', details: { incidentId: 'PO-404' } } });
    expect(await engine.list()).toEqual({ incidents: [] });
  });

  it('a malformed event envelope is invalid-data', async () => {
    const { engine } = setup();
    const incident = await openSeed(engine);
    const result = await engine.send(incident.id, { type: 'REPORT', by: { id: 'x' } } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-data' } });
  });

  it('unauthorized details name the allowed roles; not-in-stage details name where it is accepted', async () => {
    const { engine } = setup();
    const incident = await openSeed(engine);
    const denied = await engine.send(incident.id, ev('REPORT', undefined, people.deptHead));
    expect(!denied.ok && denied.error.details).toMatchObject({ allowed: ['info-officer', 'it-head', 'monitor'], roles: ['department-head'] });
    const wrong = await engine.send(incident.id, ev('DECLARE_OVER'));
    expect(!wrong.ok && wrong.error.details).toMatchObject({ stage: 'report', acceptedIn: ['monitor'] });
  });

  it('open validates category, severity, data and roles', async () => {
    const { engine } = setup();
    const by = people.infoOfficer;
    await expect(engine.open({ by, title: 't', category: 'weather' })).rejects.toMatchObject({ code: 'invalid-data' });
    await expect(engine.open({ by, title: 't', category: 'media', severity: 'V' })).rejects.toMatchObject({ code: 'invalid-data' });
    await expect(engine.open({ by, title: 't', category: 'media', data: { heat: 'x' } })).rejects.toMatchObject({ code: 'invalid-data' });
    await expect(engine.open({ by: people.outsider, title: 't', category: 'media' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(engine.open({ by, title: '', category: 'media' })).rejects.toMatchObject({ code: 'invalid-data' });
    const opened = await engine.open({ by, title: 't', category: 'social', severity: 'I' });
    expect(opened).toMatchObject({ stage: 'report', severity: 'I', data: { severity: 'I' }, version: 1, openedAt: START, closed: false });
  });
});
