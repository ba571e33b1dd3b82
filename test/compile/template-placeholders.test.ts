import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { formatZonedTime } from '../../src/compile/template-values.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import type { PlanDefinition } from '../../src/dsl/schema/plan.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';

const PIPE = loadPlan({ file: 'test/fixtures/timing/pipe-burst.plan.yaml' });
const SEED = loadPlan({ file: 'plans/public-opinion.plan.yaml' });

describe('{{severityTitle}}: the level title in the template’s language', () => {
  it('renders each locale of the body with that locale’s title, and {{openedAt}} in the plan’s timezone (Europe/Berlin)', () => {
    const rendered = compilePlan(PIPE).renderTemplate('residents-notice', {
      severity: 'red',
      openedAt: '2026-03-02T08:00:00.000Z',
      street: 'Hauptstrasse',
    });
    expect(rendered?.texts).toEqual({
      en: 'Red alert (red): the main under Hauptstrasse burst at 2026-03-02 09:00.',
      'zh-CN': '红色预警（red）：Hauptstrasse地下供水主管于2026-03-02 09:00爆裂。',
    });
    expect(rendered?.text).toBe('Red alert (red): the main under Hauptstrasse burst at 2026-03-02 09:00.');
  });

  it('is empty while the severity is unknown, and follows a summer-time offset', () => {
    const rendered = compilePlan(PIPE).renderTemplate('residents-notice', { severity: '', openedAt: '2026-07-01T08:00:00.000Z', street: 'X' });
    expect(rendered?.texts?.['en']).toBe(' (): the main under X burst at 2026-07-01 10:00.');
  });

  it('seed plan: a template using {{severityTitle}} says 特别重大 / extraordinary for level I, times in Asia/Shanghai', () => {
    const withNotice: PlanDefinition = {
      ...SEED,
      templates: [...SEED.templates, { id: 'level-notice', title: 'level notice', body: { 'zh-CN': '{{severityTitle}}（{{severity}}级）{{openedAt}}', en: '{{severityTitle}} (level {{severity}}) {{openedAt}}' } }],
    };
    const rendered = compilePlan(withNotice).renderTemplate('level-notice', { severity: 'I', openedAt: '2026-03-02T01:00:00.000Z' });
    expect(rendered?.texts).toEqual({ 'zh-CN': '特别重大（I级）2026-03-02 09:00', en: 'extraordinary (level I) 2026-03-02 09:00' });
    expect(rendered?.text).toBe('特别重大（I级）2026-03-02 09:00');
  });

  it('a plan without a timezone keeps {{openedAt}} as the ISO time (UTC), as before', () => {
    const { timezone: _dropped, ...noZone } = PIPE;
    const rendered = compilePlan(noZone).renderTemplate('residents-notice', { severity: 'amber', openedAt: '2026-03-02T08:00:00.000Z', street: 'X' });
    expect(rendered?.texts?.['en']).toBe('Amber alert (amber): the main under X burst at 2026-03-02T08:00:00.000Z.');
  });

  it('reaches the notify effect an engine emits: a drill’s captured effect carries both texts', async () => {
    const result = await runDrill(PIPE, loadScenario('test/fixtures/timing/pipe-at-due-time.drill.yaml', { plan: PIPE }));
    const notice = result.effects.find((e) => e.payload['template'] === 'residents-notice');
    expect(notice?.payload['texts']).toEqual({
      en: 'Amber alert (amber): the main under Hauptstrasse burst at 2026-03-02 09:00.',
      'zh-CN': '橙色预警（amber）：Hauptstrasse地下供水主管于2026-03-02 09:00爆裂。',
    });
  });
});

describe('the plan’s timezone', () => {
  it('formats times with Intl in the zone', () => {
    expect(formatZonedTime('2026-03-02T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-03-03 00:30');
    expect(formatZonedTime('not a time', 'Asia/Shanghai')).toBeUndefined();
    expect(formatZonedTime('2026-03-02T16:30:00.000Z', 'Mars/Olympus')).toBeUndefined();
  });

  it('an unknown IANA zone is a plan error at its line and column, in en and zh-CN', () => {
    const text = 'planwright: 1\nid: p\nversion: 1.0.0\ntitle: P\ntimezone: Asia/Shangai\nseverity: [{ id: a, title: A }]\ncategories: [{ id: c, title: C }]\nroles: [{ id: r, title: R }]\nevents: [{ id: GO }]\nstages:\n  - { id: s, title: S, on: [{ event: GO, by: [r], target: e }] }\n  - { id: e, title: E, final: true }\n';
    const en = checkPlan({ text, file: 'tz.plan.yaml' });
    expect(en.ok).toBe(false);
    expect(en.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column, d.message])).toEqual([
      ['unknown-timezone', 5, 11, '"Asia/Shangai" is not a time zone; write an IANA time zone such as "Asia/Shanghai" or "Europe/Berlin" (times in notices and clock-time deadlines are read in it).'],
    ]);
    const zh = checkPlan({ text, file: 'tz.plan.yaml' }, { locale: 'zh-CN' });
    expect(zh.diagnostics[0]?.message).toBe('"Asia/Shangai" 不是时区；请写成 "Asia/Shanghai" 或 "Europe/Berlin" 这样的 IANA 时区名（通知中的时间和按钟点计算的时限都按它计算）。');
  });
});
