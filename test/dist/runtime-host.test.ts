// A host app's view: only `planwright/runtime` and the shipped bundle, from the built package.
import { describe, expect, test } from 'vitest';
import bundle from 'planwright/plans/public-opinion.json' with { type: 'json' };
import { createEngine, createManualClock, loadBundle, memoryStore, verifyTimeline } from 'planwright/runtime';

const people = {
  wang: { id: 'wang', roles: ['info-officer'] },
  li: { id: 'li', roles: ['it-head'] },
  zhang: { id: 'zhang', roles: ['department-head'] },
  chen: { id: 'chen', roles: ['publicity-head'] },
  liu: { id: 'liu', roles: ['customer-service'] },
};

describe('planwright/runtime with the shipped seed bundle', () => {
  test('the bundle loads and names the seed plan', () => {
    const plan = loadBundle(bundle);
    expect(plan.definition.id).toBe('public-opinion');
    expect(plan.definition.stages.map((s) => s.id)).toEqual([
      'report', 'assess', 'strategy', 'respond', 'monitor', 'review', 'closed',
    ]);
  });

  test('an incident runs from report to closed, on time, with a verifiable timeline', async () => {
    const clock = createManualClock('2026-03-02T01:00:00Z');
    const notified: string[] = [];
    const engine = createEngine(bundle, {
      clock,
      store: memoryStore(),
      effects: { notify: async (e) => void notified.push(...((e.payload.roles as string[]) ?? [])) },
    });
    const opened = await engine.open({ by: people.wang, title: '网传某服务大厅拒绝办理业务', category: 'media' });
    expect(opened.stage).toBe('report');
    const id = opened.id;
    const step = async (by: keyof typeof people, type: string, data: Record<string, unknown>, minutes = 5) => {
      clock.advance(minutes * 60_000);
      await engine.runDue();
      const r = await engine.send(id, { type, by: people[by], data });
      if (!r.ok) throw new Error(`${type}: ${r.error.code} ${r.error.message}`);
      return r.incident;
    };
    await step('wang', 'REPORT', { summary: 's', source: 'weibo', publicReaction: 'angry' });
    expect((await step('li', 'ASSESS', { severity: 'III', nature: 'n', scope: 'city', risk: 'low' })).stage).toBe('strategy');
    expect((await step('zhang', 'APPROVE_STRATEGY', { releasePlan: 'a', mediaPlan: 'b', publicPlan: 'c' })).tracks).toEqual([
      'release', 'media', 'public',
    ]);
    await step('chen', 'PUBLISH_STATEMENT', { statement: '已核查', channel: 'weibo' });
    await step('liu', 'BRIEF_MEDIA', { briefing: 'b' });
    expect((await step('liu', 'ENGAGE_PUBLIC', { reply: 'r' })).stage).toBe('monitor');
    await step('wang', 'RECORD_READING', { heat: 120, negativeShare: 0.4 }, 60);
    expect((await step('zhang', 'DECLARE_OVER', { reason: 'calm' })).stage).toBe('review');
    await step('zhang', 'SUBMIT_REVIEW', { measures: 'm', evaluation: 'e', lessons: 'l' }, 60 * 24);
    // A send's result is the snapshot; the whole incident (timeline included) is read with get.
    const closed = (await engine.get(id))!;
    expect(closed.closed).toBe(true);
    expect(closed.stage).toBe('closed');
    expect(closed.deadlines.filter((d) => d.status === 'breached')).toEqual([]);
    expect(closed.deadlines.map((d) => `${d.id}:${d.status}`).sort()).toEqual([
      'assess:met', 'first-statement:met', 'monitor-reading:cancelled', 'monitor-reading:met', 'report:met', 'review:met', 'strategy:met',
    ]);
    expect(verifyTimeline(closed)).toEqual({ ok: true });
    expect(notified).toEqual([]);
    await engine.dispose();
  });

  test('a rejection is typed and changes nothing but the timeline', async () => {
    const engine = createEngine(bundle, { clock: createManualClock('2026-03-02T01:00:00Z') });
    const opened = await engine.open({ by: people.wang, title: 't', category: 'event' });
    // The department head may approve a strategy, just not while the incident is being reported.
    const early = await engine.send(opened.id, { type: 'APPROVE_STRATEGY', by: people.zhang, data: {} });
    expect(early.ok ? 'accepted' : early.error.code).toBe('not-in-stage');
    // Customer service may approve in no stage at all: unauthorized, whatever the stage.
    const never = await engine.send(opened.id, { type: 'APPROVE_STRATEGY', by: people.liu, data: {} });
    expect(never.ok ? 'accepted' : never.error.code).toBe('unauthorized');
    const after = await engine.get(opened.id);
    expect(after?.stage).toBe('report');
    expect(after?.timeline.at(-1)?.type).toBe('rejected');
    await engine.dispose();
  });
});
