import { describe, expect, it } from 'vitest';
import { checkPlan, createParseCache } from '../../src/index.js';
import { parseSource } from '../../src/dsl/parse-source.js';
import { generatePlanYaml } from '../fixtures/robustness/generate-plan.js';

// A large plan (parsed in segments) and the same plan after one edit in the middle, which also
// moves every later segment: a cached parse must give exactly what a fresh parse gives.
const text = generatePlanYaml({ stages: 150 });
const middle = text.indexOf('\n  - id: ', Math.floor(text.length / 2));
const stageLine = text.slice(middle + 1, text.indexOf('\n', middle + 1));
const edited = `${text.slice(0, middle + 1)}  # a planner's note\n${stageLine}-renamed${text.slice(text.indexOf('\n', middle + 1))}`;

/** Positions of every stage, its title and its first transition, as the source map gives them. */
function positions(parsed: ReturnType<typeof parseSource>, stages: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < stages; i++) out.push(parsed.map.locate(['stages', i]), parsed.map.locate(['stages', i, 'title']), parsed.map.locate(['stages', i, 'on', 0, 'by']));
  return out;
}

describe('parse cache', () => {
  it('re-parses only the edited segment and reads exactly what a fresh parse reads', () => {
    expect(text.length).toBeGreaterThan(32 * 1024);
    const cache = createParseCache();
    const first = parseSource(text, { file: 'big.plan.yaml', cache });
    expect(first.diagnostics).toEqual([]);
    const before = new Set(cache.segments.values());
    expect(before.size).toBeGreaterThan(5);

    const cached = parseSource(edited, { file: 'big.plan.yaml', cache });
    const fresh = parseSource(edited, { file: 'big.plan.yaml' });
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cached.value).toEqual(fresh.value);
    const stages = (fresh.value as { stages: unknown[] }).stages.length;
    expect(positions(cached, stages)).toEqual(positions(fresh, stages));
    // The edited stage reads as edited, at its new line.
    const renamed = (cached.value as { stages: Array<{ id: string }> }).stages.findIndex((s) => s.id.endsWith('-renamed'));
    expect(renamed).toBeGreaterThan(0);
    expect(cached.map.locate(['stages', renamed])?.range?.start.line).toBe(edited.slice(0, edited.indexOf(`${stageLine}-renamed`)).split('\n').length);

    // Every segment but the edited one was reused, though all after it moved.
    const after = [...cache.segments.values()];
    expect(after.filter((doc) => !before.has(doc))).toHaveLength(1);
    expect(after.length).toBe(before.size);
  });

  it('a syntax error in a segment gives the same diagnostics, at the same positions, as without the cache', () => {
    const cache = createParseCache();
    parseSource(text, { cache });
    const broken = edited.replace(`${stageLine}-renamed`, `${stageLine}: [unclosed`);
    const cached = parseSource(broken, { cache });
    const fresh = parseSource(broken);
    expect(cached.diagnostics.length).toBeGreaterThan(0);
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cached.value).toBeUndefined();
  });

  it('checkPlan with a parse cache reports what it reports without one, codes and line:col', () => {
    const cache = createParseCache();
    expect(checkPlan({ text, file: 'big.plan.yaml' }, { parseCache: cache }).ok).toBe(true);
    const typo = edited.replace(/(by:\n\s+- )([a-z0-9.-]+)/, '$1$2-typo');
    expect(typo).not.toBe(edited);
    const withCache = checkPlan({ text: typo, file: 'big.plan.yaml' }, { parseCache: cache });
    const without = checkPlan({ text: typo, file: 'big.plan.yaml' });
    expect(withCache.ok).toBe(false);
    expect(withCache.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual(without.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column]));
    expect(withCache.diagnostics.some((d) => d.code === 'unknown-role' || d.code === 'unknown-position')).toBe(true);
  });
});
