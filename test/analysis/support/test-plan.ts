import { readFileSync } from 'node:fs';
import { parse, parseDocument } from 'yaml';
import type { Diagnostic, SourceLocator } from '../../../src/diagnostics/diagnostic.js';
import { checkPlan } from '../../../src/dsl/check-plan.js';
import { PlanSchema, type PlanDefinition } from '../../../src/dsl/schema/plan.js';

/** Top-level sections a test snippet may leave out; they are appended after its last line. */
const FILLERS: ReadonlyArray<readonly [string, string]> = [
  ['planwright', 'planwright: 1'],
  ['id', 'id: test-plan'],
  ['version', 'version: 1.0.0'],
  ['title', 'title: Test plan'],
  ['severity', 'severity:\n  - { id: high, title: High }\n  - { id: low, title: Low }'],
  ['categories', 'categories:\n  - { id: any, title: Any }'],
];

/**
 * Completes a plan snippet with the header sections it leaves out. They are appended at the end,
 * so every line of the snippet keeps its number.
 *
 * @example
 * completePlan('roles: []\n'); // 'roles: []\nplanwright: 1\nid: test-plan\n...'
 */
export function completePlan(text: string): string {
  const doc = parseDocument(text);
  const present = new Set<string>();
  const contents = doc.contents;
  if (contents !== null && typeof contents === 'object' && 'items' in contents) {
    for (const item of (contents as { items: Array<{ key?: unknown }> }).items) {
      const key = item.key as { value?: unknown } | undefined;
      if (typeof key?.value === 'string') present.add(key.value);
    }
  }
  const missing = FILLERS.filter(([key]) => !present.has(key)).map(([, yaml]) => yaml);
  if (missing.length === 0) return text;
  return `${text.endsWith('\n') ? text : `${text}\n`}${missing.join('\n')}\n`;
}

/** A checked test plan and the DSL's locator into its text. */
export interface TestPlan {
  readonly plan: PlanDefinition;
  readonly locator: SourceLocator;
  readonly text: string;
  /** The errors `checkPlan` reported (empty unless the case expects validation errors). */
  readonly validation: readonly Diagnostic[];
}

/** Options of {@link testPlan}. */
export interface TestPlanOptions {
  /** File name for diagnostics (default `test.plan.yaml`). */
  readonly file?: string;
  /**
   * Codes of the errors `checkPlan` is expected to report. Then the definition is taken from the
   * zod schema alone, so that lint rules can be tested on what validation already refuses.
   */
  readonly validation?: readonly string[];
}

/**
 * Checks a (completed) plan snippet with `checkPlan` and gives the definition and its locator.
 * Throws when the snippet has validation errors other than those `options.validation` expects, so
 * a broken test case fails loudly.
 *
 * @example
 * const { plan, locator } = testPlan('roles: [...]\nevents: [...]\nstages: [...]\n');
 */
export function testPlan(snippet: string, options: TestPlanOptions = {}): TestPlan {
  const text = completePlan(snippet);
  const file = options.file ?? 'test.plan.yaml';
  const checked = checkPlan({ text, file });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  const codes = errors.map((d) => d.code);
  const expected = options.validation ?? [];
  if (codes.join() !== expected.join()) {
    const found = errors.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.code} ${d.message}`);
    throw new Error(`expected validation errors [${expected.join(', ')}], got:\n${found.join('\n')}`);
  }
  const plan = checked.ok && checked.plan !== undefined ? checked.plan : PlanSchema.parse(parse(text));
  return { plan, locator: checked.source, text, validation: errors };
}

/**
 * Loads a plan file (e.g. a fixture) as {@link testPlan} does.
 *
 * @example
 * loadPlanFile('plans/public-opinion.plan.yaml').plan.id; // 'public-opinion'
 */
export function loadPlanFile(path: string, validation?: readonly string[]): TestPlan {
  return testPlan(readFileSync(path, 'utf8'), validation === undefined ? { file: path } : { file: path, validation });
}
