import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CliCommand } from '../command.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { STARTER_EXAMPLES, STARTER_PATHS, type StarterExample, starterFiles, type StarterLocale } from '../../index.js';

/** A path as the user would type it: relative, with forward slashes. */
function shown(path: string): string {
  const text = path.split(sep).join('/');
  return text === '' ? '.' : text;
}

/** `planwright init [folder]`: write a starter plan, roster and drill. */
export const initCommand: CliCommand = {
  name: 'init',
  summary: 'write a commented starter plan, a roster and a drill into a folder',
  usage: 'init [folder] [--locale zh-CN|en] [--example basic|tracks] [--json]',
  description: [
    `Writes ${STARTER_PATHS.plan} (teams, severity levels, stages with one pair of parallel tracks,`,
    `deadlines by level, an announcement template), ${STARTER_PATHS.roster} and ${STARTER_PATHS.drill} into the folder`,
    '(default: the current one), with comments and titles in the --locale language. All of them validate,',
    'lint clean and pass "planwright drill" as written. --example tracks adds a conditional branch to a',
    'command-decision stage and a recurring situation-update deadline. Never overwrites a file.',
    'Exit code: 0 written, 2 bad arguments, a file that already exists, or a folder that cannot be written.',
  ].join('\n'),
  options: { example: { type: 'string' } },
  optionHelp: [['--example <basic|tracks>', 'which starter plan (default basic)']],
  translations: {
    'zh-CN': {
      summary: '在文件夹中生成带注释的入门预案、值班名册和一个演练',
      usage: 'init [文件夹] [--locale zh-CN|en] [--example basic|tracks] [--json]',
      description: [
        `写出 ${STARTER_PATHS.plan}（工作小组、事件分级、含一对并行工作的响应阶段、按级别规定的时限、信息发布模板）、`,
        `${STARTER_PATHS.roster} 和 ${STARTER_PATHS.drill}，注释与标题使用 --locale 指定的语言（默认当前文件夹）。`,
        '生成的文件均可通过 validate、lint 与 drill。--example tracks 另含按级别转入指挥决策阶段的条件分支和定时续报时限。',
        '不会覆盖已有文件。',
        '退出码：0 已写出，2 参数错误、文件已存在或文件夹无法写入。',
      ].join('\n'),
      optionHelp: [['--example <basic|tracks>', '入门示例（默认 basic）']],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const zh = context.locale === 'zh-CN';
    const fail = (message: string): number => {
      io.stderr(`planwright init: ${message}\n${zh ? '运行 "planwright init --help" 查看选项。' : 'Run "planwright init --help" for its options.'}\n`);
      return EXIT_USAGE;
    };
    if (positionals.length > 1) return fail(zh ? '最多给出一个文件夹' : 'give at most one folder, e.g. planwright init my-plan');
    const example = values['example'] ?? 'basic';
    if (typeof example !== 'string' || !(STARTER_EXAMPLES as readonly string[]).includes(example)) {
      return fail(zh ? `未知示例 "${String(example)}"，可选 ${STARTER_EXAMPLES.join('、')}` : `unknown example "${String(example)}"; use ${STARTER_EXAMPLES.join(' or ')}`);
    }
    const locale: StarterLocale = zh ? 'zh-CN' : 'en';
    const folder = resolve(context.cwd, positionals[0] ?? '.');
    const schema = join(context.cwd, 'node_modules', 'planwright', 'schema.json');
    const schemaPath = shown(relative(folder, schema));
    const files = starterFiles({ locale, example: example as StarterExample, schemaPath });

    const existing = files.map((f) => join(folder, f.path)).filter((path) => existsSync(path));
    if (existing.length > 0) {
      const names = existing.map((p) => shown(relative(context.cwd, p))).join(', ');
      return fail(zh ? `${names} 已存在，未写入任何文件（init 不会覆盖文件；请换一个文件夹或先移走它）` : `${names} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing was written (init never overwrites a file: choose another folder or move it away)`);
    }
    const written: string[] = [];
    try {
      for (const file of files) {
        const path = join(folder, file.path);
        mkdirSync(dirname(path), { recursive: true });
        // 'wx' fails if the file appeared meanwhile, so a file is never overwritten.
        writeFileSync(path, file.content, { encoding: 'utf8', flag: 'wx' });
        written.push(shown(relative(context.cwd, path)));
      }
    } catch (error) {
      return fail(`${zh ? '无法写入' : 'cannot write'} ${shown(relative(context.cwd, folder))}: ${(error as Error).message}`);
    }
    const [plan, roster, drill] = written as [string, string, string];
    const next = [
      `npx planwright validate ${plan}`,
      `npx planwright lint ${plan}`,
      `npx planwright drill ${plan} ${drill}`,
      `npx planwright readiness ${plan} --roster ${roster}`,
      `npx planwright render ${plan} --format docx -o ${shown(relative(context.cwd, join(folder, zh ? '预案.docx' : 'plan.docx')))}`,
    ];
    if (values['json'] === true) {
      io.stdout(`${JSON.stringify({ ok: true, example, locale, files: written, next }, null, 2)}\n`);
    } else {
      io.stdout(`${zh ? '已写出：' : 'Wrote:'}\n${written.map((w) => `  ${w}`).join('\n')}\n\n${zh ? '下一步：' : 'Next:'}\n${next.map((n) => `  ${n}`).join('\n')}\n`);
    }
    return EXIT_OK;
  },
};
