import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { REJECTION_CODES } from '../../src/testing/scenario/scenario-schema.js';
import { ALWAYS_ALLOWED, englishWords, htmlText, plannerWords } from './english-words.js';

/**
 * The evaluation and after-action reports (and the drill reports' HTML pages) of both real plans,
 * written in zh-CN by `planwright drill --report` and `planwright evaluate`, and the plan document
 * of `planwright render` (Markdown, HTML, DOCX): no English word may be left outside ids, codes and
 * what the planner wrote.
 */
const PLANS = [
  { plan: 'plans/public-opinion.plan.yaml', drills: 'examples/drills/public-opinion' },
  { plan: 'plans/city-flood.plan.yaml', drills: 'examples/drills/city-flood' },
];

const tmp = mkdtempSync(join(tmpdir(), 'planwright-reports-zh-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: () => undefined, isTTY: false, env: { LANG: 'C.UTF-8' } };
  return { code: await run(argv, io), stdout };
}

const drillFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.drill.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);

/** Each line with English words in it, with the words, at most 20. */
function untranslated(text: string, allowed: ReadonlySet<string>): string[] {
  return text
    .split('\n')
    .map((line) => [line.trim(), englishWords(line, allowed)] as const)
    .filter(([, words]) => words.length > 0)
    .map(([line, words]) => `${words.join(',')}: ${line.slice(0, 160)}`)
    .slice(0, 20);
}

interface Written {
  allowed: Set<string>;
  /** File name → the text a person reads (HTML as its text). */
  texts: Map<string, string>;
  evaluateMarkdown: string;
}

const written = new Map<string, Written>();

beforeAll(async () => {
  for (const { plan, drills } of PLANS) {
    const files = drillFiles(drills);
    const out = join(tmp, plan.replace(/\W+/g, '-'));
    expect((await cli('drill', plan, ...files, '--report', out, '--locale', 'zh-CN')).code).toBe(0);
    const evaluated = await cli('evaluate', plan, out, '--html', join(out, 'evaluate.html'), '--locale', 'zh-CN');
    expect(evaluated.code).toBe(0);
    const texts = new Map<string, string>();
    for (const name of readdirSync(out).filter((f) => /\.(md|html)$/.test(f))) {
      const text = readFileSync(join(out, name), 'utf8');
      texts.set(name, name.endsWith('.html') ? htmlText(text) : text);
    }
    written.set(plan, { allowed: new Set([...ALWAYS_ALLOWED, ...REJECTION_CODES, ...plannerWords([plan, ...files])]), texts, evaluateMarkdown: evaluated.stdout });
  }
}, 240_000);

describe.each(PLANS)('$plan: reports in zh-CN have no English word', ({ plan, drills }) => {
  const of = (): Written => written.get(plan) as Written;
  const named = (pattern: RegExp): Array<[string, string]> => [...of().texts].filter(([name]) => pattern.test(name));

  it('after-action reports, Markdown and HTML (tables, timeline and readings charts)', () => {
    const reports = named(/\.after-action\.(md|html)$/);
    expect(reports).toHaveLength(2 * drillFiles(drills).length);
    for (const [name, text] of reports) expect(untranslated(text, of().allowed), name).toEqual([]);
    const html = reports.filter(([name]) => name.endsWith('.html')).map(([, text]) => text).join('\n');
    // the timeline chart's legend and stage row, in Chinese
    for (const word of ['按时完成', '超时', '到期', '取消', '进行中', '阶段']) expect(html).toContain(`\n${word}\n`);
  });

  it('the evaluation: drill --report’s evaluation.md/html, and evaluate’s Markdown and --html page', () => {
    const evaluations = [...named(/^evaluat(ion|e)\.(md|html)$/), ['evaluate stdout', of().evaluateMarkdown] as [string, string]];
    expect(evaluations.map(([name]) => name).sort()).toEqual(['evaluate stdout', 'evaluate.html', 'evaluation.html', 'evaluation.md']);
    for (const [name, text] of evaluations) {
      expect(text, name).toMatch(/预案评估/);
      expect(untranslated(text, of().allowed), name).toEqual([]);
    }
  });

  it('drill reports’ HTML pages and the index page', () => {
    const pages = named(/\.html$/).filter(([name]) => !/after-action|evaluat/.test(name));
    expect(pages).toHaveLength(drillFiles(drills).length + 1);
    for (const [name, text] of pages) expect(untranslated(text, of().allowed), name).toEqual([]);
  });
});

describe.each(PLANS)('$plan: the plan document (render) in zh-CN has no English word', ({ plan }) => {
  it('Markdown, HTML and the DOCX’s text', async () => {
    const allowed = new Set([...ALWAYS_ALLOWED, ...REJECTION_CODES, ...plannerWords([plan])]);
    const markdown = await cli('render', plan, '--format', 'md', '--locale', 'zh-CN');
    const html = await cli('render', plan, '--format', 'html', '--locale', 'zh-CN');
    const docxFile = join(tmp, `${plan.replace(/\W+/g, '-')}.docx`);
    expect((await cli('render', plan, '--format', 'docx', '-o', docxFile, '--locale', 'zh-CN')).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docxFile))).file('word/document.xml')?.async('string');
    // a paragraph per line; the Markdown embeds its diagrams as SVG, read as HTML
    const docx = htmlText((xml ?? '').replace(/<\/w:p>/g, '\n'));
    expect(docx).toContain('二、组织体系与职责');
    for (const [format, text] of [['md', htmlText(markdown.stdout)], ['html', htmlText(html.stdout)], ['docx', docx]] as const) {
      expect(text.length, format).toBeGreaterThan(2000);
      expect(untranslated(text, allowed), format).toEqual([]);
    }
  }, 120_000);
});

describe('the check itself', () => {
  it('finds the English of an en report, and a DSL key used as prose, with the same allowlist', async () => {
    const out = join(tmp, 'en');
    const plan = 'plans/city-flood.plan.yaml';
    await cli('drill', plan, 'examples/drills/city-flood/level-i-red.drill.yaml', '--report', out, '--locale', 'en');
    const html = htmlText(readFileSync(join(out, 'level-i-red.after-action.html'), 'utf8'));
    const allowed = written.get(plan)?.allowed ?? new Set<string>();
    const found = new Set(untranslated(html, allowed).flatMap((line) => line.split(':')[0]?.split(',') ?? []));
    for (const word of ['breached', 'cancelled', 'pending', 'stages']) expect(found).toContain(word);
    expect(englishWords('到期 due after the end of the chart', allowed)).toEqual(['due', 'after', 'the', 'end', 'of', 'chart']);
  });
});
