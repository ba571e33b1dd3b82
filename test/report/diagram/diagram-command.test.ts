import { describe, expect, it } from 'vitest';
import { diagramCommand } from '../../../src/cli/commands/diagram.js';
import { run } from '../../../src/cli/run.js';
import { checkPlan } from '../../../src/dsl/check-plan.js';
import { planStateDiagram } from '../../../src/report/diagram/state-diagram.js';
import { parseFlowchart, parseStateDiagram } from './mermaid-parser.js';

async function diagramCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['diagram', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false }, [diagramCommand]);
  return { code, stdout, stderr };
}

const SEED = 'plans/public-opinion.plan.yaml';

describe('planwright diagram', () => {
  it('prints the state view by default, in the plan locale, and Mermaid parses it', async () => {
    const { code, stdout } = await diagramCli(SEED);
    expect(code).toBe(0);
    const plan = checkPlan({ file: SEED }).plan;
    expect(plan).toBeDefined();
    if (plan !== undefined) expect(stdout).toBe(planStateDiagram(plan));
    const parsed = await parseStateDiagram(stdout);
    expect(parsed.nodes.find((n) => n.id === 's_report')?.label).toBe('事件识别与报告');
    expect(stdout).toContain('s_report --> s_assess : 上报 · 由 信息收集与分析小组组长、信息收集与分析小组组员');
  });

  it('--ids writes ids after titles, in zh-CN and en', async () => {
    const zh = await diagramCli(SEED, '--ids');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('state "事件识别与报告 (report)" as s_report');
    expect(zh.stdout).toContain('s_report --> s_assess : 上报 (REPORT) · 由 信息收集与分析小组组长 (analysis.leader)、信息收集与分析小组组员 (analysis.members)');
    const en = await diagramCli(SEED, '--ids', '--locale', 'en');
    expect(en.stdout).toContain('s_report --> s_assess : report (REPORT) · by information collection and analysis group leader (analysis.leader), information collection and analysis group members (analysis.members)');
    expect(en.stdout).toContain('Deadline written review (review): 7 d after entering · met by submit the review (SUBMIT_REVIEW)');
  });

  it('--help says the default locale is the plan\'s first one', async () => {
    const { code, stdout } = await diagramCli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--locale <en\|zh-CN> +language of the labels \(default: the plan's first locale/);
    expect(stdout).not.toMatch(/language of the messages \(default en\)/);
    expect(stdout).toMatch(/--ids +write ids after titles/);
  });

  it('prints the swimlane view with --view swimlane --format mermaid --locale en', async () => {
    const { code, stdout } = await diagramCli(SEED, '--view', 'swimlane', '--format', 'mermaid', '--locale', 'en');
    expect(code).toBe(0);
    const parsed = await parseFlowchart(stdout);
    expect(parsed.subgraphs.map((s) => s.id)).toEqual(['t_analysis', 't_command', 't_communication']);
    expect(parsed.vertices.get('s_report')).toBe('identify and report');
  });

  it('--json prints one document with the diagram', async () => {
    const { code, stdout } = await diagramCli(SEED, '--json', '--view', 'state');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { ok: boolean; format: string; view: string; diagram: string; diagnostics: unknown[] };
    expect(doc).toMatchObject({ ok: true, format: 'mermaid', view: 'state', diagnostics: [] });
    expect(doc.diagram.startsWith('stateDiagram-v2\n')).toBe(true);
  });

  it('exits 1 with the diagnostics when the plan has errors', async () => {
    const { code, stdout, stderr } = await diagramCli('test/fixtures/lint/undeclared-resource.plan.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^test\/fixtures\/lint\/undeclared-resource\.plan\.yaml:27:17: error unknown-resource /);
    const json = await diagramCli('test/fixtures/lint/undeclared-resource.plan.yaml', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, diagram: null, diagnostics: [{ code: 'unknown-resource', line: 27, column: 17 }] });
  });

  it.each([
    [['--view', 'gantt', SEED], /unknown view "gantt"/],
    [['--format', 'plantuml', SEED], /unknown format "plantuml"/],
    [[], /exactly one plan file/],
    [[SEED, SEED], /exactly one plan file/],
  ])('exits 2 on bad arguments: %j', async (args, message) => {
    const { code, stderr } = await diagramCli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 when the plan file does not exist', async () => {
    expect((await diagramCli('plans/missing.plan.yaml')).code).toBe(2);
  });
});
