import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createBundle, messagesIn } from '../../index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import type { CliCommand } from '../command.js';
import { compiledPlanArgument } from '../compiled-plan-argument.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** `planwright bundle <plan> -o <file>`: check, compile and write the plan's bundle (one JSON file). */
export const bundleCommand: CliCommand = {
  name: 'bundle',
  summary: 'write a plan as one self-contained JSON bundle for planwright/runtime',
  usage: 'bundle <plan> -o <file> [--json]',
  description: [
    'Checks the plan (syntax, schema, cross-references), compiles it, and writes the bundle:',
    'the normalized definition, its sha256 content hash and the bundle format version.',
    'Host apps load it with createEngine(JSON.parse(text)) and need no YAML parser.',
    'Exit code: 0 written, 1 the plan has errors, 2 bad arguments or a file that cannot be read or written.',
  ].join('\n'),
  options: { output: { type: 'string', short: 'o' } },
  optionHelp: [['-o, --output <file>', 'where to write the bundle (required)']],
  translations: {
    'zh-CN': {
      summary: '把预案写成一个自包含的 JSON 打包文件，供 planwright/runtime 使用',
      usage: 'bundle <预案文件> -o <文件> [--json]',
      description: [
        '检查预案（语法、结构、交叉引用），编译它，并写出打包文件：',
        '规范化的预案定义、它的 sha256 内容哈希和打包格式版本。',
        '宿主应用用 createEngine(JSON.parse(text)) 加载它，不需要 YAML 解析器。',
        '退出码：0 已写出，1 预案有错误，2 参数有误或文件无法读写。',
      ].join('\n'),
      optionHelp: [['-o, --output <文件>', '打包文件写到哪里（必填）']],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const output = values['output'];
    const t = messagesIn(CLI_MESSAGES, context.locale);
    if (positionals.length !== 1 || typeof output !== 'string' || output === '') {
      io.stderr(`${t.badArguments({ command: 'bundle', reason: t.bundleNeedsArguments() })}\n`);
      return EXIT_USAGE;
    }
    const compiled = compiledPlanArgument(context, positionals[0] as string);
    if (typeof compiled === 'number') return compiled;
    const said = messagesIn(CLI_MESSAGES, compiled.locale);
    const bundle = createBundle(compiled.plan.definition);
    const target = resolve(context.cwd, output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(bundle)}\n`, 'utf8');
    } catch (error) {
      io.stderr(`${said.badArguments({ command: 'bundle', reason: said.cannotWrite({ target: output, reason: (error as Error).message }) })}\n`);
      return EXIT_USAGE;
    }
    if (values['json'] === true) {
      io.stdout(`${JSON.stringify({ ok: true, file: output, planId: bundle.planId, planVersion: bundle.planVersion, hash: bundle.hash })}\n`);
    } else {
      io.stdout(`${said.bundleWritten({ file: output, id: bundle.planId, version: bundle.planVersion, hash: bundle.hash.slice(0, 12) })}\n`);
    }
    return EXIT_OK;
  },
};
