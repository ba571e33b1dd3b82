import { readFileSync } from 'node:fs';
import { parse, parseDocument } from 'yaml';
import type { SourceLocator } from '../../../src/diagnostics/diagnostic.js';
import { PlanSchema, type PlanDefinition } from '../../../src/dsl/schema/plan.js';
import { yamlLocator } from './yaml-source.js';

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

/** A validated test plan and a locator into its text. */
export interface TestPlan {
  readonly plan: PlanDefinition;
  readonly locator: SourceLocator;
  readonly text: string;
}

/**
 * Validates a (completed) plan snippet with the zod schema and gives a locator into its text.
 * Throws when the snippet is not a valid plan, so a broken test case fails loudly.
 *
 * @example
 * const { plan, locator } = testPlan('roles: [...]\nevents: [...]\nstages: [...]\n');
 */
export function testPlan(snippet: string, file = 'test.plan.yaml'): TestPlan {
  const text = completePlan(snippet);
  const plan = PlanSchema.parse(parse(text));
  return { plan, locator: yamlLocator(text, file), text };
}

/**
 * Loads a plan file (e.g. a fixture) with the schema and a locator.
 *
 * @example
 * loadPlanFile('plans/public-opinion.plan.yaml').plan.id; // 'public-opinion'
 */
export function loadPlanFile(path: string): TestPlan {
  const text = readFileSync(path, 'utf8');
  return { plan: PlanSchema.parse(parse(text)), locator: yamlLocator(text, path), text };
}
