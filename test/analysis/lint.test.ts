import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_LIMIT_REACHED, lint, UNKNOWN_LINT_RULE } from '../../src/analysis/lint.js';
import { ALL_RULES } from '../../src/analysis/rules/index.js';
import { yaml } from './support/dedent.js';
import { loadPlanFile, testPlan } from './support/test-plan.js';

const SEED = 'plans/public-opinion.plan.yaml';
const FIXTURES = 'test/fixtures/lint';
/** Fixtures that checkPlan already refuses: the rule duplicates a validation check. */
const VALIDATION: Record<string, string[]> = {
  'undeclared-resource.plan.yaml': ['unknown-resource'],
  'severity-map-missing-level.plan.yaml': ['missing-severity-level'],
};

// Two warnings (unused-role: spare; stage-without-owner: a) and one error (unreachable-stage: island).
const messy = yaml`
  roles:
    - { id: lead, title: Lead }
    - { id: spare, title: Spare }
  teams: [{ id: crew, title: Crew, leader: lead }]
  events: [{ id: GO }]
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: island, title: I, owner: crew, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;
const summary = (ds: ReturnType<typeof lint>): string[] =>
  ds.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.severity} ${d.code}`);

describe('lint', () => {
  it('finds nothing in the seed plan', () => {
    const { plan, locator } = loadPlanFile(SEED);
    expect(lint(plan, { locator })).toEqual([]);
  });

  it('finds nothing in the clean fixture, and in each fixture exactly the rule it is named after', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.plan.yaml'));
    expect(files.length).toBe(ALL_RULES.length + 1);
    for (const file of files) {
      const { plan, locator } = loadPlanFile(`${FIXTURES}/${file}`, VALIDATION[file] ?? []);
      const codes = [...new Set(lint(plan, { locator }).map((d) => d.code))];
      expect(codes, file).toEqual(file === 'clean.plan.yaml' ? [] : [file.replace('.plan.yaml', '')]);
    }
  });

  it('reports with default severities, sorted by position, with file and range', () => {
    const { plan, locator } = testPlan(messy, { file: 'messy.plan.yaml' });
    const found = lint(plan, { locator });
    expect(summary(found)).toEqual(['3:11 warning unused-role', '7:11 warning stage-without-owner', '8:11 error unreachable-stage']);
    expect(found[2]).toMatchObject({ file: 'messy.plan.yaml', path: ['stages', 1, 'id'], range: { end: { line: 8, column: 17 } } });
  });

  it("applies the plan's lint: section, then the overrides", () => {
    const { plan, locator } = testPlan(`${messy}\nlint:\n  unused-role: error\n  unreachable-stage: off\n  stage-without-owner: error\n`);
    expect(summary(lint(plan, { locator }))).toEqual(['3:11 error unused-role', '7:11 error stage-without-owner']);
    expect(summary(lint(plan, { locator, overrides: { 'unused-role': 'off', 'unreachable-stage': 'warning' } }))).toEqual([
      '7:11 error stage-without-owner',
      '8:11 warning unreachable-stage',
    ]);
  });

  it("warns about a lint: entry that names no rule, at the entry", () => {
    const { plan, locator } = testPlan(`${messy}\nlint:\n  unused-rol: off\n`);
    const found = lint(plan, { locator }).filter((d) => d.code === UNKNOWN_LINT_RULE);
    expect(found.map((d) => [d.severity, d.path, d.range?.start.line, d.range?.start.column])).toEqual([['warning', ['lint', 'unused-rol'], 11, 3]]);
  });

  it('refuses overrides that name no rule', () => {
    const { plan, locator } = testPlan(messy);
    expect(() => lint(plan, { locator, overrides: { 'no-such-rule': 'off' } })).toThrow(RangeError);
  });

  it('stops at maxDiagnostics and says so', () => {
    const { plan, locator } = testPlan(messy);
    const found = lint(plan, { locator, maxDiagnostics: 2 });
    expect(found.map((d) => d.code)).toEqual(['unused-role', 'unreachable-stage', LINT_LIMIT_REACHED]);
    expect(found[2]).toMatchObject({ severity: 'info', params: { max: 2 } });
  });

  it('writes messages in zh-CN on request, from the same data', () => {
    const { plan, locator } = testPlan(messy);
    const [first] = lint(plan, { locator, locale: 'zh-CN' });
    expect(first?.message).toBe('角色“spare”从未被使用：没有任何小组职位、转换的 `by`、通知或提醒提到它。');
    expect(first?.params).toEqual({ messageId: 'unused', role: 'spare' });
  });

  it('runs only the rules it is given', () => {
    const { plan, locator } = testPlan(messy);
    const rules = ALL_RULES.filter((r) => r.id === 'unused-role');
    expect(lint(plan, { locator, rules }).map((d) => d.code)).toEqual(['unused-role']);
  });
});

describe('ALL_RULES', () => {
  it('have unique kebab-case ids, a description, and a doc page each', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(existsSync(`docs/rules/${rule.id}.md`), rule.id).toBe(true);
      expect(existsSync(`${FIXTURES}/${rule.id}.plan.yaml`), rule.id).toBe(true);
      expect(existsSync(`test/analysis/rules/${rule.id}.test.ts`), rule.id).toBe(true);
    }
    const index = readFileSync('docs/rules/README.md', 'utf8');
    for (const rule of ALL_RULES) expect(index).toContain(`| [${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} |`);
  });
});
