import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDocs, WRITE_PLAN_DOCS } from '../../../src/report/diagram/plan-docs.js';
import { parseFlowchart, parseStateDiagram } from './mermaid-parser.js';

describe('docs/plans/*.md', () => {
  const docs = planDocs('.');

  it('covers the seed plan', () => {
    expect(docs.map((d) => [d.source, d.path])).toContainEqual(['plans/public-opinion.plan.yaml', 'docs/plans/public-opinion.md']);
  });

  it.each(docs.map((d) => [d.path, d] as const))('%s is up to date with its plan (else run the script it names)', (_, doc) => {
    const current = readFileSync(doc.path, 'utf8');
    expect(current.includes(WRITE_PLAN_DOCS)).toBe(true);
    expect(current, `${doc.path} is out of date: run ${WRITE_PLAN_DOCS}`).toBe(doc.text);
  });

  it('holds both diagrams in English and in Chinese, and each mermaid block parses', async () => {
    const page = readFileSync('docs/plans/public-opinion.md', 'utf8');
    const blocks = [...page.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['stateDiagram-v2', 'flowchart LR', 'stateDiagram-v2', 'flowchart LR']);
    for (const block of blocks) {
      const parsed = block.startsWith('stateDiagram') ? await parseStateDiagram(block) : await parseFlowchart(block);
      expect(['stateDiagram', 'flowchart-v2']).toContain(parsed.type);
    }
    expect(blocks[2]).toContain('state "事件识别与报告" as s_report');
    expect(blocks[2]).toContain('s_report --> s_assess : 上报 · 由 信息收集与分析小组组长、信息收集与分析小组组员');
    expect(blocks[0]).toContain('s_report --> s_assess : report · by information collection and analysis group leader, information collection and analysis group members');
    // Titles, not ids: no event id, no team.position and no short duration in the Chinese diagrams.
    expect(`${blocks[2]}${blocks[3]}`).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\.(?:leader|deputy|members)\b|\b\d+[mhd]\b/);
  });
});
