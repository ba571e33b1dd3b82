import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/analysis/lint.js';
import type { LintRule } from '../../../src/analysis/rule.js';
import { testPlan } from './test-plan.js';

/** A plan snippet the rule must accept. */
export interface ValidCase {
  readonly name: string;
  readonly plan: string;
}

const FIXTURES = 'test/fixtures/lint';

/** One finding the rule must report, by message id and 1-based position. */
export interface ExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  /** Message data the finding must carry (a subset). */
  readonly data?: Readonly<Record<string, string>>;
}

/** A plan snippet (or fixture file) the rule must reject with exactly these findings, in order. */
export interface InvalidCase {
  readonly name: string;
  /** The snippet; or give `fixture`, a plan file under test/fixtures/lint/. */
  readonly plan?: string;
  readonly fixture?: string;
  /** Codes of the errors `checkPlan` already reports for this plan (the rule is then run on the schema-only definition). */
  readonly validation?: readonly string[];
  readonly errors: readonly ExpectedError[];
}

/**
 * Table-driven tests of one lint rule, after typescript-eslint's `RuleTester`: every valid case
 * yields no finding, every invalid case exactly the listed findings (code, message id, line, column).
 *
 * @example
 * ruleTester(unusedRole, { valid: [{ name: 'used', plan: '...' }], invalid: [{ name: 'unused', plan: '...', errors: [{ messageId: 'unused', line: 3, column: 9 }] }] });
 */
export function ruleTester(rule: LintRule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    it('has messages in English and Chinese', () => {
      for (const message of Object.values(rule.messages)) {
        expect(message.en.length).toBeGreaterThan(0);
        expect(message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { plan, locator } = testPlan(c.plan);
        expect(lint(plan, { locator, rules: [rule], overrides: { [rule.id]: 'error' } })).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const file = c.fixture === undefined ? 'test.plan.yaml' : `${FIXTURES}/${c.fixture}`;
        const source = c.fixture === undefined ? (c.plan ?? '') : readFileSync(file, 'utf8');
        const { plan, locator } = testPlan(source, c.validation === undefined ? { file } : { file, validation: c.validation });
        const found = lint(plan, { locator, rules: [rule], overrides: { [rule.id]: 'error' } });
        expect(
          found.map((d) => ({ code: d.code, messageId: d.params?.['messageId'], line: d.range?.start.line, column: d.range?.start.column })),
        ).toEqual(c.errors.map((e) => ({ code: rule.id, messageId: e.messageId, line: e.line, column: e.column })));
        for (const d of found) expect(d.file).toBe(file);
        c.errors.forEach((e, i) => {
          if (e.data !== undefined) expect(found[i]?.params).toMatchObject(e.data);
          expect(found[i]?.message).not.toMatch(/\{\{/);
        });
      });
    }
  });
}
