import { CLI_MESSAGES } from '../cli-messages.js';
import { messagesIn } from '../../index.js';
import type { CliCommand } from '../command.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import { diagnosticsReport, formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** `planwright validate <plan>...`: parse, schema and cross-reference checks. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check plan files: syntax, schema and cross-references',
  usage: 'validate <plan>... [--json] [--locale zh-CN]',
  description: [
    'Plans may be YAML or JSON. Each problem prints as "file:line:col: error CODE message"',
    '(with the source line and a caret in a terminal).',
    'Give - to read the plan from standard input (named <stdin>; its includes are relative to the current folder).',
    'Exit code: 0 valid, 1 errors found, 2 bad arguments or a file that cannot be read.',
  ].join('\n'),
  translations: {
    'zh-CN': {
      summary: '检查预案文件：语法、结构和交叉引用',
      usage: 'validate <预案文件>... [--json] [--locale zh-CN]',
      description: [
        '预案可以是 YAML 或 JSON。每个问题打印为“文件:行:列: error 代码 说明”',
        '（在终端中另附源代码行和指示符 ^）。',
        '退出码：0 有效，1 发现错误，2 参数有误或文件无法读取。',
      ].join('\n'),
    },
  },
  run(context) {
    const { io, positionals } = context;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    if (positionals.length === 0) {
      io.stderr(`${t.badArguments({ command: 'validate', reason: t.validateNeedsPlan() })}\n`);
      return EXIT_USAGE;
    }
    const checked = positionals.map((file) => checkPlanArgument(context, file));
    const locale = checked[0]?.locale ?? context.locale;
    const said = messagesIn(CLI_MESSAGES, locale);
    const diagnostics = checked.flatMap((c) => c.result.diagnostics);
    const ok = checked.every((c) => c.result.ok);
    const unreadable = checked.some((c) => !c.readable);
    if (context.values.json === true) {
      io.stdout(`${JSON.stringify(diagnosticsReport(ok, diagnostics), null, 2)}\n`);
    } else {
      for (const c of checked.filter((x) => !x.readable)) io.stderr(formatDiagnosticsText(c.result.diagnostics, { locale }).split('\n')[0] + '\n');
      const readable = checked.filter((c) => c.readable);
      const sources = new Map(readable.flatMap((c) => [...c.result.sources]));
      const frames = io.isTTY === true;
      io.stdout(formatDiagnosticsText(readable.flatMap((c) => c.result.diagnostics), { sources, frames, color: frames, locale }));
      for (const c of readable) {
        if (c.result.ok && c.result.plan !== undefined) io.stdout(`${said.planValid({ file: c.file, id: c.result.plan.id, version: c.result.plan.version })}\n`);
      }
    }
    if (unreadable) return EXIT_USAGE;
    return ok ? EXIT_OK : EXIT_FAILED;
  },
};
