import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { run } from '../../src/cli/run.js';
import { REJECTION_CODES } from '../../src/testing/scenario/scenario-schema.js';
import { ALWAYS_ALLOWED, englishWords } from './english-words.js';

const SEED = 'plans/public-opinion.plan.yaml';
const PIPE = 'test/fixtures/timing/pipe-burst.plan.yaml';
const list = (dir: string, suffix: RegExp) =>
  readdirSync(dir)
    .filter((f) => suffix.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
const SEED_DRILLS = list('examples/drills/public-opinion', /\.drill\.yaml$/);
const FIXTURE_DRILLS = list('test/fixtures/drills', /\.(ya?ml|json)$/);
const BROKEN_PLANS = list('test/fixtures/broken', /\.plan\.(ya?ml|json)$/);
const LINT_PLANS = list('test/fixtures/lint', /\.plan\.yaml$/);
const TIMING = 'test/fixtures/timing';
const ROSTERS = list('test/readiness/fixtures', /^roster-/);

const tmp = mkdtempSync(join(tmpdir(), 'planwright-zh-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in-process; returns what it printed (stdout and stderr). */
async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  let text = '';
  const io = { stdout: (s: string) => void (text += s), stderr: (s: string) => void (text += s), isTTY: false, env: { LANG: 'C.UTF-8' } };
  const code = await run(argv, io);
  return { code, text };
}

/** Every word written in an input file (keys and values): ids, names and DSL keys people wrote may appear in output. */
function wordsOfInputs(files: readonly string[]): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const w of value.match(/[A-Za-z]{2,}/g) ?? []) words.add(w);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        // keys are the DSL's own words (roles, done, tracks, eq, …) or ids (people, due levels): planners type both
        for (const w of key.match(/[A-Za-z]{2,}/g) ?? []) words.add(w);
        visit(item);
      }
    }
  };
  for (const file of files) {
    try {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) if ('toJS' in doc) visit(doc.toJS({ maxAliasCount: 10 }));
    } catch {
      // unreadable fixtures (alias bombs, broken YAML) add no words
    }
  }
  return words;
}

const INPUTS = [SEED, PIPE, ...SEED_DRILLS, ...FIXTURE_DRILLS, ...BROKEN_PLANS, ...LINT_PLANS, ...list(TIMING, /\.yaml$/), ...ROSTERS, 'examples/roster-public-opinion.yaml', 'examples/inventory-public-opinion.yaml', 'test/readiness/fixtures/inventory-unfit.yaml'];
// The DSL's condition operators are keys planners write, whether or not a fixture uses each one.
const CONDITION_OPERATORS = ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'exists', 'all', 'any', 'not'];
const ALLOWED = new Set([...ALWAYS_ALLOWED, ...REJECTION_CODES, ...CONDITION_OPERATORS, ...COMMANDS.map((c) => c.name), ...wordsOfInputs(INPUTS)]);

function untranslated(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => englishWords(line, ALLOWED).length > 0)
    .slice(0, 20);
}

describe('planwright in zh-CN: no English left in what people read', () => {
  it('planwright --help --locale zh-CN, and every command’s --help, are fully Chinese', async () => {
    const program = await cli('--help', '--locale', 'zh-CN');
    expect(program.code).toBe(0);
    expect(program.text).toContain('用法：planwright <命令> [选项]');
    expect(program.text).toContain('退出码：0 完成，1 发现问题，2 无法按要求运行。');
    for (const command of COMMANDS) {
      expect(program.text).toContain(command.translations?.['zh-CN']?.summary ?? `missing zh-CN summary of ${command.name}`);
      const help = await cli(command.name, '--help', '--locale', 'zh-CN');
      expect(help.code).toBe(0);
      expect(help.text).toContain(`用法：planwright ${command.name} `);
      expect(help.text).toMatch(/-h, --help\s+显示本帮助/);
      expect(untranslated(help.text), command.name).toEqual([]);
    }
    expect(untranslated(program.text)).toEqual([]);
    expect((await cli('help', 'drill', '--locale', 'zh-CN')).text).toContain('在模拟时钟上运行演练');
    expect((await cli('--locale', 'zh-CN', '--help')).text).toBe(program.text);
  });

  it('LANG=zh_CN picks Chinese help when --locale is not given', async () => {
    let text = '';
    await run(['--help'], { stdout: (s) => void (text += s), stderr: (s) => void (text += s), env: { LANG: 'zh_CN.UTF-8' } });
    expect(text.split('\n')[0]).toBe('用法：planwright <命令> [选项]');
  });

  it('without --locale, the seed plan (locales: [zh-CN, en]) is reported in Chinese', async () => {
    const { code, text } = await cli('validate', SEED);
    expect(code).toBe(0);
    expect(text).toBe(`${SEED}：有效（预案 public-opinion 1.0.0）\n`);
    const pipe = await cli('validate', PIPE);
    expect(pipe.text).toBe(`${PIPE}: valid (plan pipe-burst 1.0.0)\n`);
  });

  it('validate and lint over the seed, the broken-plan corpus and the lint fixtures', async () => {
    const outputs: string[] = [];
    for (const file of [SEED, ...BROKEN_PLANS]) outputs.push((await cli('validate', file, '--locale', 'zh-CN')).text);
    for (const file of [SEED, PIPE, ...LINT_PLANS]) outputs.push((await cli('lint', file, '--locale', 'zh-CN')).text);
    const text = outputs.join('');
    expect(text).toContain('发现 1 个错误、0 个警告。');
    expect(text).toMatch(/yaml-tab-indent\.plan\.yaml:36:1: error tab-indentation 这一行用制表符缩进；缩进只能用半角空格/);
    expect(untranslated(text)).toEqual([]);
  });

  it('drill over the seed drills (with coverage and reports), the drill-file corpus and the timing drills', async () => {
    const seed = await cli('drill', SEED, ...SEED_DRILLS, '--coverage', '--report', tmp, '--locale', 'zh-CN');
    expect(seed.code).toBe(0);
    expect(seed.text).toContain(`共 ${SEED_DRILLS.length} 个演练：${SEED_DRILLS.length} 个通过，0 个未通过`);
    expect(seed.text).toMatch(/阶段\s+7\/7\s+100%/);
    const outputs = [seed.text];
    for (const file of FIXTURE_DRILLS) outputs.push((await cli('drill', SEED, file, '--locale', 'zh-CN')).text);
    for (const file of list(TIMING, /^seed-.*\.drill\.yaml$/)) outputs.push((await cli('drill', SEED, file, '--locale', 'zh-CN')).text);
    for (const file of list(TIMING, /^pipe-.*\.drill\.yaml$/)) outputs.push((await cli('drill', PIPE, file, '--locale', 'zh-CN', '--coverage')).text);
    const text = outputs.join('');
    expect(text).toContain('规则：恰好在到期时刻发生的事件算作超时');
    expect(untranslated(text)).toEqual([]);
    // the drill reports and the index written with --report
    const reports = readdirSync(tmp).filter((f) => f === 'index.md' || (/\.md$/.test(f) && !/after-action|evaluation/.test(f)));
    expect(reports.length).toBe(SEED_DRILLS.length + 1);
    const markdown = reports.map((f) => readFileSync(join(tmp, f), 'utf8')).join('\n');
    expect(untranslated(markdown)).toEqual([]);
  });

  it('readiness over the example roster and the roster fixtures', async () => {
    const outputs = [(await cli('readiness', SEED, '--roster', 'examples/roster-public-opinion.yaml', '--inventory', 'examples/inventory-public-opinion.yaml', '--locale', 'zh-CN')).text];
    const badPosition = join(tmp, 'roster-bad-position.yaml');
    writeFileSync(badPosition, 'roster: 1\nplan: public-opinion\npeople:\n  - { id: zhang, roles: [department-head], backs: [command-leader] }\n');
    const bad = await cli('readiness', SEED, '--roster', badPosition, '--locale', 'zh-CN');
    expect(bad.text).toContain('"command-leader" 格式不对；应为：小组职位，例如 command.leader 或 command.deputy。');
    outputs.push(bad.text);
    for (const roster of ROSTERS) outputs.push((await cli('readiness', SEED, '--roster', roster, '--inventory', 'test/readiness/fixtures/inventory-unfit.yaml', '--locale', 'zh-CN')).text);
    const text = outputs.join('');
    expect(text).toMatch(/已就绪（预案 public-opinion 1\.0\.0）：角色 \d+\/\d+ 有人担任/);
    expect(untranslated(text)).toEqual([]);
  });

  it('argument errors', async () => {
    const outputs = [
      (await cli('validat', '--locale', 'zh-CN')).text,
      (await cli('lint', SEED, '--frob', '--locale', 'zh-CN')).text,
      (await cli('lint', SEED, '--format', 'xml', '--locale', 'zh-CN')).text,
      (await cli('drill', SEED, '--locale', 'zh-CN')).text,
      (await cli('bundle', SEED, '--locale', 'zh-CN')).text,
      (await cli('types', SEED, '--locale', 'zh-CN')).text,
      (await cli('types', SEED, '-o', join(tmp, 'types.d.ts'), '--name', 'no-such', '--locale', 'zh-CN')).text,
      (await cli('readiness', SEED, '--locale', 'zh-CN')).text,
      (await cli('diagram', SEED, '--view', 'x', '--locale', 'zh-CN')).text,
      (await cli('lint', SEED, '--rule', 'nope=off', '--locale', 'zh-CN')).text,
      (await cli('lint', SEED, '--rule', 'unused-role=loud', '--locale', 'zh-CN')).text,
      (await cli('lint', SEED, '--rule', 'unused-role', '--locale', 'zh-CN')).text,
    ];
    expect(outputs[0]).toBe('planwright：未知命令“validat”。是否想输入“validate”？运行“planwright --help”查看命令列表。\n');
    expect(outputs[1]).toBe('planwright lint：未知选项“--frob”\n运行“planwright lint --help”查看它的选项。\n');
    expect(outputs[10]).toBe('planwright lint：规则“unused-role”：级别应为 off、warning 或 error，实际为“loud”\n运行“planwright lint --help”查看它的选项。\n');
    expect(outputs[9]).toMatch(/^planwright lint：没有名为“nope”的分析规则（已有的规则：[a-z-]+(, [a-z-]+)+）\n/);
    expect(untranslated(outputs.join(''))).toEqual([]);
  });
});
