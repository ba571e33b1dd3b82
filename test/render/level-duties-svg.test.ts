// The document diagrams (DOCX/PDF) name what DSL v2 §4 makes depend on the level: a track present
// only at some levels, and the team owning a stage at some levels.
import { describe, expect, it } from 'vitest';
import { stateDiagramSvg } from '../../src/render/state-diagram-svg.js';
import { swimlaneDiagramSvg } from '../../src/render/swimlane-diagram-svg.js';
import { loadPlan } from './render-fixtures.js';

const flood = loadPlan('plans/city-flood.plan.yaml');
/** The text of every `<text>`/`<tspan>` of an SVG, in order. */
const texts = (svg: string): string[] => [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]*)(?=<)/g)].map((m) => m[1] ?? '').filter((t) => t !== '');

describe('level-dependent duties in the document diagrams', () => {
  it('the state diagram lists a gated track with its levels and the stage owner per level (zh-CN)', () => {
    // Wrapped lines joined again (Chinese wraps between any two characters); levels in the plan's order.
    const shown = texts(stateDiagramSvg(flood, { locale: 'zh-CN' }).svg).join('');
    expect(shown).toMatch(/▸ 危险区群众转移安置（Ⅰ级）[^▸]*适用等级 I(?![、IV])/);
    expect(shown).toMatch(/▸ 抢险队伍、物资预置（Ⅲ级及以上）[^▸]*适用等级 I、II、III/);
    expect(shown).toContain('I、II级由市防汛指挥部负责');
  });

  it('the swimlane diagram titles a gated track with its levels and notes the other owners (en)', () => {
    const shown = texts(swimlaneDiagramSvg(flood, { locale: 'en' }).svg).join(' ');
    expect(shown).toMatch(/\(level III and above\) · at levels I, II, III/);
    expect(shown).toContain('at I, II: municipal flood HQ');
  });

  it('a plan without level-gated tracks draws as before (no level words)', () => {
    const seed = loadPlan('plans/public-opinion.plan.yaml');
    const shown = texts(stateDiagramSvg(seed, { locale: 'zh-CN' }).svg).join('\n') + texts(swimlaneDiagramSvg(seed, { locale: 'en' }).svg).join('\n');
    expect(shown).not.toMatch(/适用等级|at levels|级由/);
  });
});
