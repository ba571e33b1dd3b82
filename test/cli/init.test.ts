import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from './capture-io.js';

const root = mkdtempSync(join(tmpdir(), 'planwright-init-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ cwd: root });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

const PLAN = 'emergency.plan.yaml';
const DRILL = 'drills/on-time.drill.yaml';
/** Words of the seed plan's domain the starter must not carry. */
const SEED_WORDS = ['舆情', '公众态度', 'public-opinion', 'public opinion', 'sentiment', 'first-statement'];

describe('planwright init', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const example of ['basic', 'tracks'] as const) {
      it(`writes a ${example} starter in ${locale} that validates, lints clean, passes its drill and is ready`, async () => {
        const folder = `${example}-${locale}`;
        const init = await cli(['init', folder, '--locale', locale, '--example', example]);
        expect(init.err).toBe('');
        expect(init.code).toBe(0);
        expect(readdirSync(join(root, folder)).sort()).toEqual(['drills', PLAN, 'roster.yaml']);
        expect(init.out).toContain(`${folder}/${PLAN}`);
        expect(init.out).toContain(`npx planwright drill ${folder}/${PLAN} ${folder}/${DRILL}`);

        const plan = `${folder}/${PLAN}`;
        const validate = await cli(['validate', plan, '--json']);
        expect(validate.code).toBe(0);
        expect(JSON.parse(validate.out)).toEqual({ ok: true, diagnostics: [] });
        const lint = await cli(['lint', plan, '--json']);
        expect(lint.code).toBe(0);
        expect((JSON.parse(lint.out) as { diagnostics: unknown[] }).diagnostics).toEqual([]); // clean: no warnings either
        const drill = await cli(['drill', plan, `${folder}/${DRILL}`, '--json']);
        expect(drill.code).toBe(0);
        const report = JSON.parse(drill.out) as { passed: number; failed: number; drills: Array<{ stage: string; severity: string; breaches: string[] }> };
        expect(report).toMatchObject({ passed: 1, failed: 0 });
        expect(report.drills[0]).toMatchObject({ stage: 'closed', severity: example === 'tracks' ? 'II' : 'III', breaches: [] });
        const readiness = await cli(['readiness', plan, '--roster', `${folder}/roster.yaml`]);
        expect(readiness.code).toBe(0);

        const text = readFileSync(join(root, plan), 'utf8');
        // Comments in the chosen language, titles too; the tracks example adds its branch and its recurring deadline.
        expect(text).toContain(locale === 'zh-CN' ? '# 分级标准：由高到低排列' : '# Severity levels, most severe first');
        expect(text).toContain(locale === 'zh-CN' ? 'title: 突发事件应急预案' : 'title: Emergency Response Plan');
        expect(text.includes('targets:')).toBe(example === 'tracks');
        expect(text.includes('recurring: true')).toBe(example === 'tracks');
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/planwright/schema.json');
        for (const word of SEED_WORDS) expect(text, word).not.toContain(word);

        // And it renders as a document.
        const render = await cli(['render', plan, '--format', 'md']);
        expect(render.code).toBe(0);
        expect(render.out).toContain(locale === 'zh-CN' ? '## 六、时限要求' : '## 6 Time limits');
      });
    }
  }

  it('writes into the current folder when none is given, and prints the next commands in Chinese', async () => {
    const folder = join(root, 'here');
    mkdirSync(folder);
    const io = captureIo({ cwd: folder });
    expect(await run(['init', '--locale', 'zh-CN'], io)).toBe(0);
    expect(io.out()).toContain('已写出');
    expect(io.out()).toContain('下一步');
    expect(io.out()).toContain('npx planwright validate emergency.plan.yaml');
    expect(readdirSync(folder).sort()).toEqual(['drills', PLAN, 'roster.yaml']);
  });

  it('never overwrites: exit 2 naming the file, and nothing written', async () => {
    const folder = join(root, 'taken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'roster.yaml'), 'mine\n');
    const result = await cli(['init', 'taken']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('taken/roster.yaml already exists; nothing was written');
    expect(readFileSync(join(folder, 'roster.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(folder)).toEqual(['roster.yaml']);

    const zh = await cli(['init', 'taken', '--locale', 'zh-CN']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('taken/roster.yaml 已存在，未写入任何文件');
  });

  it('refuses an unknown example and two folders (exit 2), and reports in --json', async () => {
    const unknown = await cli(['init', 'x', '--example', 'flood']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown example "flood"; use basic or tracks');
    expect((await cli(['init', 'a', 'b'])).code).toBe(2);
    const json = await cli(['init', 'json-out', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, example: 'basic', locale: 'en', files: ['json-out/emergency.plan.yaml', 'json-out/roster.yaml', 'json-out/drills/on-time.drill.yaml'] });
  });

  it('has help in Chinese', async () => {
    const result = await cli(['init', '--help', '--locale', 'zh-CN']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('在文件夹中生成带注释的入门预案、值班名册和一个演练');
    expect(result.out).toContain('不会覆盖已有文件');
  });
});
