// docs/dsl-reference.md is generated from the zod schema (scripts/write-dsl-reference.ts); this test
// fails when the committed file is out of date, or when a key of the schema has no description.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PlanSchema } from '../../src/dsl/schema/plan.js';
import { renderDslReference } from '../../scripts/dsl-reference.js';

const committed = readFileSync(new URL('../../docs/dsl-reference.md', import.meta.url), 'utf8');
const generated = renderDslReference();

/** Rows of every key table: [section, key, type, required, default, description]. */
function keyRows(markdown: string): string[][] {
  const rows: string[][] = [];
  let heading = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    const match = /^\| `([^`]+)` \|(.*)\|$/.exec(line);
    if (match === null) continue;
    const cells = (match[2] as string).split(/(?<!\\)\|/).map((c) => c.trim());
    rows.push([heading, match[1] as string, ...cells]);
  }
  return rows;
}

describe('docs/dsl-reference.md', () => {
  test('is up to date with the schema (regenerate: npx tsx scripts/write-dsl-reference.ts)', () => {
    expect(committed).toBe(generated);
  });

  test('lists every top-level key of the plan, with required keys marked', () => {
    const plan = keyRows(generated).filter((r) => r[0] === 'Plan');
    expect(plan.map((r) => r[1])).toEqual(Object.keys(PlanSchema.shape));
    const required = plan.filter((r) => r[3] === '**yes**').map((r) => r[1]);
    expect(required).toEqual(['planwright', 'id', 'version', 'title', 'severity', 'categories', 'roles', 'events', 'stages']);
  });

  test('describes every key of every type', () => {
    const rows = keyRows(generated);
    expect(rows.length).toBeGreaterThan(100);
    const undescribed = rows.filter((r) => r[5] === '').map((r) => `${r[0]}.${r[1]}`);
    expect(undescribed).toEqual([]);
  });

  test('shows defaults and types as the schema has them', () => {
    const rows = keyRows(generated);
    const row = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key);
    expect(row('Deadline', 'from')?.slice(2, 5)).toEqual(['`open`, `enter`, `event`, `condition`', 'no', '`"open"`']);
    expect(row('Deadline', 'due')?.[2]).toBe('[Due](#due)');
    expect(row('Plan', 'stages')?.[2]).toBe('list (at least 1) of [Stage](#stage)');
    expect(row('NumberField', 'min')?.[2]).toBe('number');
    expect(row('TextField', 'maxLength')?.[2]).toBe('number (integer, > 0)');
    expect(row('SharedTransition', 'in')?.[2]).toBe('list (at least 1) of [id](#id), or `*`');
  });

  test('links resolve to headings of the page', () => {
    const anchors = new Set(
      [...generated.matchAll(/^#+ (.+)$/gm)].map((m) => (m[1] as string).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')),
    );
    const targets = [...generated.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThan(50);
    expect(targets.filter((t) => !anchors.has(t))).toEqual([]);
  });
});
