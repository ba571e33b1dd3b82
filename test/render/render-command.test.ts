import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from '../cli/capture-io.js';
import { readDocxXml, SEED_FILE, SEED_WORDS, WATER_FILE } from './render-fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'planwright-render-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function render(args: string[], env: { cwd?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ cwd: env.cwd ?? resolve('.') });
  const code = await run(['render', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function docx(file: string): Promise<{ xml: string; media: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).sort() };
}

describe('planwright render --format docx', () => {
  it('writes the seed plan with real headings, the teams table and the deadline matrix', async () => {
    const out = join(folder, 'seed.docx');
    const result = await render([SEED_FILE, '--format', 'docx', '-o', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/seed\.docx: \d+ bytes \(公共服务舆情应急预案, docx, zh-CN\)/);
    const { xml, media } = await docx(out);
    const content = readDocxXml(xml);

    expect(content.paragraphs.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual(['公共服务舆情应急预案']);
    expect(content.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      '一、总则',
      '二、组织体系与职责',
      '三、分级标准',
      '四、风险分析与影响评估',
      '五、应急响应程序',
      '六、时限要求',
      '七、物资与资源保障',
      '八、信息发布模板',
      '九、评估与改进',
      '十、培训与演练',
    ]);
    const heading2 = content.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(heading2).toContain('（一）事件识别与报告');
    expect(heading2).toContain('（六）事件总结与反馈');

    const teams = content.tables.find((t) => t[0]?.[0] === '工作小组')!;
    expect(teams[0]).toEqual(['工作小组', '组长', '副组长', '成员', '职责']);
    expect(teams.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['舆情应急指挥小组', '部门主要负责人', '分管领导'],
      ['信息收集与分析小组', '信息技术部负责人', '—'],
      ['舆情处理与沟通小组', '宣传部负责人', '—'],
      ['后勤保障组', '行政管理部负责人', '—'],
    ]);
    expect(teams[1]![4]).toBe('负责舆情应急工作的组织领导和协调，决定应急响应策略。\n收集、分析舆情信息，评估舆情发展趋势。\n监督舆情处理过程，确保各项措施落实到位。');

    const matrix = content.tables.find((t) => t[0]?.[0] === '时限' && t[0]?.[1] === '起算时点')!;
    expect(matrix[0]).toEqual(['时限', '起算时点', '完成标志', '特别重大（I）', '重大（II）', '较大（III）', '一般（IV）']);
    expect(matrix.find((r) => r[0] === '制定策略')!.slice(3)).toEqual(['1小时', '1小时', '2小时', '4小时']);
    expect(matrix.find((r) => r[0] === '首次发布权威信息')!.slice(3)).toEqual(['5小时', '5小时', '24小时', '48小时']);
    expect(matrix.find((r) => r[0] === '新闻发布会（24小时内）')!.slice(3)).toEqual(['24小时', '24小时', '不适用', '不适用']);
    expect(matrix).toHaveLength(1 + 7);

    // Both diagrams, each as SVG with a PNG fallback.
    expect(media.filter((m) => m.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
    expect(xml.match(/<wp:docPr [^>]*title="图[12]/g)).toHaveLength(2);
  });

  it('writes a second plan in English with its own teams and none of the seed words', async () => {
    const out = join(folder, 'water-en.docx');
    const result = await render([WATER_FILE, '--format', 'docx', '--locale', 'en', '-o', out]);
    expect(result.code).toBe(0);
    const { xml } = await docx(out);
    const content = readDocxXml(xml);
    expect(content.paragraphs.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual(['Burst water main emergency plan']);
    expect(content.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)[4]).toBe('5 Response procedure');
    const teams = content.tables.find((t) => t[0]?.[0] === 'Team')!;
    expect(teams.slice(1).map((r) => r[0])).toEqual(['command', 'dispatch', 'repair', 'communications']);
    const matrix = content.tables.find((t) => t[0]?.[0] === 'Time limit' && t[0]?.[1] === 'Counted from')!;
    expect(matrix[0]!.slice(3)).toEqual(['major', 'moderate', 'minor']);
    expect(matrix.find((r) => r[0] === 'residents notified')!.slice(3)).toEqual(['1 h', '2 h', '4 h']);
    expect(matrix.find((r) => r[0] === 'water test every 2 hours')![1]).toBe('entering test and restore\nrepeats after each meeting action or breach');
    const text = content.paragraphs.map((p) => p.text).join('\n') + content.tables.flat(2).join('\n');
    for (const word of SEED_WORDS) expect(text, word).not.toContain(word);
  });
});

describe('planwright render: html, md, arguments and errors', () => {
  it('prints self-contained HTML to stdout without -o', async () => {
    const result = await render([WATER_FILE]);
    expect(result.code).toBe(0);
    expect(result.out.startsWith('<!doctype html>')).toBe(true);
    expect(result.out).toContain('<html lang="zh-CN">');
    expect(result.out).toContain("default-src 'none'");
    expect(result.out).not.toMatch(/<script|<link|src="http|href="http/);
    expect(result.out.match(/<svg xmlns/g)).toHaveLength(2);
  });

  it('writes Markdown with its diagrams as SVG files beside it, and reports them in --json', async () => {
    const out = join(folder, 'md', 'water.md');
    const result = await render([WATER_FILE, '--format', 'md', '-o', out, '--json', '--locale', 'en']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as { ok: boolean; format: string; locale: string; files: Array<{ file: string; bytes: number }> };
    expect(report).toMatchObject({ ok: true, format: 'md', locale: 'en' });
    expect(report.files.map((f) => f.file.split('/').pop())).toEqual(['water.state.svg', 'water.swimlane.svg', 'water.md']);
    expect(readdirSync(join(folder, 'md')).sort()).toEqual(['water.md', 'water.state.svg', 'water.swimlane.svg']);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('## 6 Time limits');
    expect(markdown).toContain('![Figure 2. Stages by responsible team](water.swimlane.svg)');
    for (const f of report.files) expect(f.bytes).toBe(readFileSync(join(folder, 'md', f.file.split('/').pop()!)).byteLength);
  });

  it('refuses a binary format without -o, an unknown format and two plans (exit 2)', async () => {
    const noOutput = await render([SEED_FILE, '--format', 'docx']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toContain('--format docx writes a binary file: give it with -o');
    const unknown = await render([SEED_FILE, '--format', 'odt']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown format "odt"; use html, md, docx, pdf');
    expect((await render([SEED_FILE, WATER_FILE])).code).toBe(2);
    const missing = await render(['plans/nope.plan.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('plans/nope.plan.yaml');
  });

  it('exits 1 with the diagnostics for a plan with errors, and writes nothing', async () => {
    const out = join(folder, 'broken.html');
    const result = await render(['test/fixtures/broken/bad-duration.plan.yaml', '-o', out, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { ok: boolean; diagnostics: Array<{ code: string; line: number }> };
    expect(report.diagnostics.map((d) => d.code)).toContain('bad-duration');
    expect(report.ok).toBe(false);
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(readdirSync(folder)).not.toContain('broken.html');
  });

  it('names the missing browser for pdf and exits 2', async () => {
    const before = process.env['PLANWRIGHT_CHROMIUM'];
    process.env['PLANWRIGHT_CHROMIUM'] = join(folder, 'no-such-browser');
    try {
      const result = await render([SEED_FILE, '--format', 'pdf', '-o', join(folder, 'x.pdf')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`no Chromium found to print the PDF (tried PLANWRIGHT_CHROMIUM=${join(folder, 'no-such-browser')})`);
      expect(readdirSync(folder)).not.toContain('x.pdf');
    } finally {
      if (before === undefined) delete process.env['PLANWRIGHT_CHROMIUM'];
      else process.env['PLANWRIGHT_CHROMIUM'] = before;
    }
  });

  it('has help in English and in Chinese', async () => {
    const en = captureIo();
    expect(await run(['render', '--help'], en)).toBe(0);
    expect(en.out()).toContain('Usage: planwright render <plan> [--format html|md|docx|pdf]');
    const zh = captureIo();
    expect(await run(['render', '--help', '--locale', 'zh-CN'], zh)).toBe(0);
    expect(zh.out()).toContain('用法：planwright render');
    expect(zh.out()).toContain('将预案输出为报批、备案用的预案文本');
    expect(zh.out()).toContain('文本格式（默认 html）');
  });
});
