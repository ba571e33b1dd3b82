import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { drillReport } from '../../src/report/drill/drill-report.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';

const plan = loadPlan({ file: 'plans/city-flood.plan.yaml' });

describe('the drill report shows the suggested levels (city-flood, suggested-level drill)', async () => {
  const result = await runDrill(plan, loadScenario('examples/drills/city-flood/suggested-level.drill.yaml'));

  it('the drill passes: the override without a reason is refused invalid-data, with one it is accepted', () => {
    expect(result.passed).toBe(true);
    expect(result.steps.map((s) => (s.send === undefined ? '-' : s.accepted ? 'ok' : s.error?.code))).toEqual(['ok', 'invalid-data', 'ok', 'ok', 'ok', 'ok', '-', '-', 'ok']);
  });

  it('zh-CN: one row per recorded suggestion — warnings with their suggested level, the activation with the chosen level and the reason', () => {
    const { markdown, html } = drillReport(result, plan, { locale: 'zh-CN' });
    const section = markdown.slice(markdown.indexOf('## 建议等级'));
    const rows = section.split('\n').filter((line) => line.startsWith('| +'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('| +5m (2026-07-15 14:05) | WARNING_ISSUED | ma | warningColour = red | I | — | — |');
    expect(rows[1]).toBe('| +13m (2026-07-15 14:13) | ACTIVATE | gao | warningColour = red | I | II | 另选等级，理由: 红色预警仅覆盖城区北部，河道水位未超警戒 |');
    expect(rows[2]).toBe('| +1h (2026-07-15 15:00) | WARNING_ISSUED | ma | warningColour = orange | II | — | — |');
    expect(rows[3]).toBe('| +3h (2026-07-15 17:00) | WARNING_ISSUED | ma | warningColour = red | I | — | — |');
    expect(html).toContain('<h2>建议等级</h2>');
  });

  it('en: the same table with English labels; a drill without suggestions has no such section', async () => {
    const { markdown } = drillReport(result, plan, { locale: 'en' });
    expect(markdown).toContain('## Suggested levels');
    expect(markdown).toContain('another level; reason: 红色预警仅覆盖城区北部');
    const seed = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
    const files = ['examples/drills/public-opinion/level-i-breaches.drill.yaml'];
    for (const file of files) {
      const other = await runDrill(seed, loadScenario(file));
      expect(drillReport(other, seed, { locale: 'en' }).markdown).not.toContain('Suggested levels');
    }
  });
});
