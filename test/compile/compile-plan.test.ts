import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CompileError, compilePlan, evaluateCondition, resolveBy } from '../../src/compile/index.js';
import type { Condition } from '../../src/dsl/schema/condition.js';
import type { PlanDefinition } from '../../src/dsl/schema/plan.js';
import { hashCanonical, sha256Hex } from '../../src/compile/hash.js';
import { loadSeedDefinition } from './seed.js';
import { xstateMachine } from '../../src/compile/to-machine.js';

const definition = loadSeedDefinition();
const plan = compilePlan(definition);
const H = 3_600_000;

describe('compilePlan on the seed plan', () => {
  it('resolves positions, team ids and any-role to roles', () => {
    expect(resolveBy(definition, ['command.leader', 'command.deputy'])).toEqual(['department-head', 'deputy-head']);
    expect(resolveBy(definition, ['analysis'])).toEqual(['info-officer', 'it-head', 'monitor']);
    expect(resolveBy(definition, ['communication.members'])).toEqual(['counselor', 'customer-service', 'legal-counsel', 'social-worker']);
    expect(resolveBy(definition, ['any-role'])).toHaveLength(15);
    expect(resolveBy(definition, ['journalist', 'nobody.leader'])).toEqual([]);
  });

  it('builds the authorization table per stage and track', () => {
    expect(plan.authorization['report']?.['REPORT']).toEqual(['info-officer', 'it-head', 'monitor']);
    expect(plan.authorization['assess']?.['ASSESS']).toEqual(['it-head']);
    expect(plan.authorization['assess']?.['DISMISS']).toEqual(['department-head', 'deputy-head']);
    expect(plan.authorization['monitor']?.['ADJUST_STRATEGY']).toEqual(['department-head', 'deputy-head', 'it-head']);
    expect(plan.authorization['respond/release']?.['PUBLISH_STATEMENT']).toEqual([
      'counselor',
      'customer-service',
      'legal-counsel',
      'publicity-head',
      'social-worker',
    ]);
    expect(plan.authorization['respond']?.['REGRADE']).toEqual(['department-head', 'deputy-head']);
    expect(plan.authorization['report']?.['REGRADE']).toBeUndefined();
    expect(plan.authorization['closed']).toBeUndefined();
    expect(Object.keys(plan.authorization).filter((k) => plan.authorization[k]?.['LOG_SUPPORT'])).toEqual([
      'report',
      'assess',
      'strategy',
      'respond',
      'monitor',
      'review',
    ]);
  });

  it('normalizes deadlines: ms durations, per-severity maps, within sets by reachability', () => {
    const byId = new Map(plan.deadlines.map((d) => [d.id, d]));
    expect(byId.get('report')?.due).toEqual({ kind: 'fixed', ms: 0.5 * H });
    expect(byId.get('report')?.reminders).toEqual([{ beforeMs: 600_000, notify: ['info-officer'] }]);
    expect(byId.get('strategy')?.due).toEqual({ kind: 'severity', ms: { I: H, II: H, III: 2 * H, IV: 4 * H } });
    expect(byId.get('review')?.due).toEqual({ kind: 'fixed', ms: 7 * 24 * H });
    expect([...(byId.get('first-statement')?.within ?? [])].sort()).toEqual(['assess', 'monitor', 'report', 'respond', 'strategy']);
    expect([...(byId.get('report')?.within ?? [])]).toEqual(['report']);
    expect([...(byId.get('monitor-reading')?.within ?? [])]).toEqual(['monitor']);
    expect(byId.get('monitor-reading')?.recurring).toBe(true);
    expect(plan.maxReminderMs).toBe(600_000);
  });

  it('orders severity most severe first and finds the severity field', () => {
    expect(plan.severityOrder).toEqual(['I', 'II', 'III', 'IV']);
    expect(plan.severityField).toBe('severity');
  });

  it('builds validators from field types', () => {
    expect(plan.fields.get('negativeShare')?.safeParse(0.5).success).toBe(true);
    expect(plan.fields.get('negativeShare')?.safeParse(1.5).success).toBe(false);
    expect(plan.fields.get('channel')?.safeParse('weibo').success).toBe(true);
    expect(plan.fields.get('channel')?.safeParse('fax').success).toBe(false);
    expect(plan.fields.get('severity')?.safeParse('V').success).toBe(false);
    expect(plan.fields.get('summary')?.safeParse('x'.repeat(10_001)).success).toBe(false);
  });

  it('renders templates in every locale, the default locale as text', () => {
    const rendered = plan.renderTemplate('holding-statement', { title: 'T', openedAt: 'O', statement: 'S', channel: 'C' });
    expect(rendered?.text).toBe('关于“T”的情况通报：O起，我单位关注到相关信息，已第一时间成立工作组进行核查处置。S 后续进展将通过C及时发布。');
    expect(rendered?.texts?.['en']).toBe('About “T”: since O we have been aware of the reports and set up a working group at once to verify and handle them. S Further news will follow on C.');
    expect(plan.renderTemplate('nope', {})).toBeUndefined();
  });

  it('the machine: stages are states, tracks parallel regions whose completion goes to done, closed is final', () => {
    const by = (...roles: string[]) => ({ id: 'u', roles });
    let [s] = initialTransition(xstateMachine(plan.machine), { data: {}, severity: null });
    expect(s.value).toBe('report');
    const step = (type: string, roles: string[], data: Record<string, unknown> = {}) => {
      [s] = transition(xstateMachine(plan.machine), s, { type, by: by(...roles), data });
      return s.value;
    };
    expect(step('REPORT', ['department-head'])).toBe('report'); // guard: not authorized
    expect(step('REPORT', ['monitor'])).toBe('assess');
    expect(step('ASSESS', ['it-head'])).toBe('strategy');
    expect(step('APPROVE_STRATEGY', ['deputy-head'])).toEqual({ respond: { release: 'pending', media: 'pending', public: 'pending' } });
    expect(step('BRIEF_MEDIA', ['counselor'])).toEqual({ respond: { release: 'pending', media: 'done', public: 'pending' } });
    expect(step('RECORD_READING', ['monitor'])).toEqual({ respond: { release: 'pending', media: 'done', public: 'pending' } });
    step('PUBLISH_STATEMENT', ['publicity-head']);
    expect(step('ENGAGE_PUBLIC', ['publicity-head'])).toBe('monitor');
    expect(step('DECLARE_OVER', ['department-head'])).toBe('review');
    expect(step('SUBMIT_REVIEW', ['department-head'])).toBe('closed');
    expect(s.status).toBe('done');
  });
});

describe('conditions', () => {
  const values = { heat: 10, channel: 'weibo', flag: false };
  it.each<[Condition, string | null, boolean]>([
    [{ field: 'heat', gt: 5 }, null, true],
    [{ field: 'heat', gte: 10, lt: 11 }, null, true],
    [{ field: 'heat', lte: 9 }, null, false],
    [{ field: 'channel', eq: 'weibo' }, null, true],
    [{ field: 'channel', ne: 'weibo' }, null, false],
    [{ field: 'channel', in: ['app', 'weibo'] }, null, true],
    [{ field: 'flag', eq: false }, null, true],
    [{ field: 'missing', ne: 'x' }, null, false],
    [{ field: 'missing', exists: false }, null, true],
    [{ field: 'heat', exists: true }, null, true],
    [{ field: 'channel', gt: 1 }, null, false],
    [{ field: 'severity', in: ['I', 'II'] }, 'II', true],
    [{ field: 'severity', in: ['I', 'II'] }, null, false],
    [{ all: [{ field: 'heat', gt: 5 }, { not: { field: 'channel', eq: 'app' } }] }, null, true],
    [{ any: [{ field: 'heat', gt: 50 }, { field: 'missing', exists: true }] }, null, false],
  ])('%j (severity %s) → %s', (condition, severity, expected) => {
    expect(evaluateCondition(condition, values, severity)).toBe(expected);
  });
});

describe('compile errors', () => {
  const broken = (edit: (d: PlanDefinition) => PlanDefinition): string[] => {
    try {
      compilePlan(edit(structuredClone(definition)));
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      return (error as CompileError).problems.map((p) => p.code);
    }
  };
  it.each<[string, (d: PlanDefinition) => PlanDefinition]>([
    ['unknown-stage', (d) => ({ ...d, stages: d.stages.map((s) => (s.id === 'report' ? { ...s, on: [{ event: 'REPORT', by: ['it-head'], target: 'nowhere' }] } : s)) })],
    ['unknown-event', (d) => ({ ...d, deadlines: d.deadlines.map((x) => ({ ...x, metBy: ['NOPE'] })) })],
    ['missing-severity-due', (d) => ({ ...d, deadlines: d.deadlines.map((x) => (x.id === 'strategy' ? { ...x, due: { I: '1h' } } : x)) })],
    ['unknown-placeholder', (d) => ({ ...d, templates: [{ id: 't', title: 't', body: '{{nope}}' }] })],
    ['track-target', (d) => ({ ...d, stages: d.stages.map((s) => (s.tracks ? { ...s, tracks: s.tracks.map((t) => ({ ...t, on: t.on.map((x) => ({ ...x, target: 'monitor' })) })) } : s)) })],
  ])('reports %s before XState sees the plan', (code, edit) => {
    expect(broken(edit)).toContain(code);
  });
});

describe('hashing', () => {
  it('sha256Hex matches the FIPS 180-2 test vector; hashCanonical ignores key order', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashCanonical({ b: 1, a: { d: 2, c: 3 } })).toBe(hashCanonical({ a: { c: 3, d: 2 }, b: 1 }));
    expect(hashCanonical({ a: 1 })).not.toBe(hashCanonical({ a: 2 }));
  });
});
