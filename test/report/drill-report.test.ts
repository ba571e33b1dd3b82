import { describe, expect, it } from 'vitest';
import { coverageText } from '../../src/report/drill/coverage-text.js';
import { drillIndex } from '../../src/report/drill/drill-index.js';
import { drillReport } from '../../src/report/drill/drill-report.js';
import { drillSummaryText } from '../../src/report/drill/drill-summary-text.js';
import { drillCoverage } from '../../src/testing/coverage.js';
import { runDrill } from '../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';
import { runSeedDrill } from '../testing/seed-drills.js';
import { seedPlanDefinition } from '../testing/seed-plan.js';

const plan = seedPlanDefinition();
const wrong = () => runDrill(plan, loadScenario('test/fixtures/drills/wrong-expectations.drill.yaml', { plan }));

describe('drill reports', () => {
  it('lists failures, steps with their outcome, deadlines and notifications in Markdown', async () => {
    const { markdown } = drillReport(await wrong(), plan, { locale: 'en' });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Drill report: 故意写错的预期（反例）');
    expect(lines).toContain('- result: FAIL');
    expect(lines).toContain('- step 0: stage: expected strategy, got assess');
    expect(lines).toContain('- final: closed: expected true, got false');
    expect(lines.find((l) => l.startsWith('| 1 |'))).toMatch(/\| liu \| APPROVE_STRATEGY \| rejected \(unauthorized: the sender holds none of the roles allowed to send this event here\) \| APPROVE_STRATEGY: expected accepted/);
    expect(lines.find((l) => l.startsWith('| 2 |'))).toContain('| clock only | — | breaches: expected [], got [assess] |');
    expect(lines.find((l) => l.startsWith('| assess |'))).toMatch(/\| 1 \| \+10m \(2026-03-02 09:10\) \| \+1h10m \(2026-03-02 10:10\) \| breached \|/);
    expect(lines.find((l) => l.includes('| breach | assess |'))).toContain('department-head, deputy-head');
  });

  it('in zh-CN, each refused step says its code and what the code means in Chinese', async () => {
    const { markdown } = drillReport(await runSeedDrill('rejected-attempts.drill.yaml'), plan, { locale: 'zh-CN' });
    const rows = markdown.split('\n').filter((l) => l.includes('| 拒绝 ('));
    expect(rows).toHaveLength(14);
    expect(rows[0]).toContain('| liu | REPORT | 拒绝 (unauthorized: 发送人不担任可在此处发送这个事件的任何角色) |');
    expect(rows[1]).toContain('| 拒绝 (invalid-data: 数据不符合这个事件的字段要求) |');
    expect(rows.at(-1)).toContain('| 拒绝 (closed: 事件已关闭，不再接受操作) |');
    expect(markdown).not.toMatch(/the sender|does not fit|is closed/);
  });

  it('writes a passing drill in the plan locale with both charts in HTML', async () => {
    const { markdown, html } = drillReport(await runSeedDrill('missed-reading.drill.yaml'), plan);
    expect(markdown).toContain('- 结果: 通过');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" data-chart="timeline"');
    expect(html).toContain('data-chart="readings"');
    expect(html.match(/data-status="breached"/g)).toHaveLength(1);
  });

  it('prints the terminal summary: aligned columns, failures with positions, totals', async () => {
    const results = [await runSeedDrill('dismissal.drill.yaml'), await wrong()];
    const text = drillSummaryText(results, { locate: (file, step) => `${file}:${step === null ? 31 : 14}:1` });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^drill {21}result {2}final stage {2}breaches$/);
    expect(lines[2]).toMatch(/^研判不构成舆情事件，结束 {2}pass {4}closed {7}—$/);
    expect(lines[3]).toMatch(/^故意写错的预期（反例） {4}FAIL {4}strategy {5}assess$/);
    expect(lines).toContain('  test/fixtures/drills/wrong-expectations.drill.yaml:14:1: step 0: stage: expected strategy, got assess');
    expect(lines.at(-2)).toBe('2 drills: 1 passed, 1 failed');
    expect(drillSummaryText(results, { color: true })).toContain('\u001b[31mFAIL');
  });

  it('prints coverage and an index with links and coverage', async () => {
    const result = await runSeedDrill('dismissal.drill.yaml');
    const coverage = drillCoverage(plan, [result.exercised]);
    const text = coverageText(coverage);
    expect(text.split('\n').slice(0, 6)).toEqual([
      'coverage',
      '  stages                 3/7   42.9%',
      '  transitions           4/27   14.8%',
      '  tracks                 0/3      0%',
      '  deadline outcomes     2/14   14.3%',
      '  total                 9/51   17.6%',
    ]);
    const index = drillIndex([result], plan, { coverage, links: [{ report: 'dismissal.html', afterAction: 'dismissal.after-action.html' }], evaluation: 'evaluation.html' });
    expect(index.markdown).toContain('[研判不构成舆情事件，结束](dismissal.md)');
    expect(index.markdown).toContain('| 并行分支 | 0/3 | 0% | respond/release, respond/media, respond/public |');
    expect(index.markdown).toContain('预案: public-opinion 1.0.0 · 演练：1 个 · ');
    expect(index.html).toContain('<a href="dismissal.after-action.html">');
  });
});
