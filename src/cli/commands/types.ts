import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUNDLE_FORMAT, BundleError, isTypeName, loadBundle, MAX_FILE_BYTES, messagesIn, planTypeName, planTypesDeclaration, readPlanFile } from '../../index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import { STDIN_ARGUMENT } from '../check-plan-argument.js';
import type { CliCommand, CommandContext } from '../command.js';
import { compiledPlanArgument, type CompiledPlanArgument } from '../compiled-plan-argument.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** `planwright types <plan|bundle> -o <file>`: write the plan's types as a TypeScript declaration file. */
export const typesCommand: CliCommand = {
  name: 'types',
  summary: 'write a plan\'s types (events and their data, stage, role and effect ids) as a .d.ts file',
  usage: 'types <plan|bundle> -o <file.d.ts> [--name <Type>] [--json]',
  description: [
    'Reads a plan (checked and compiled as by bundle) or a bundle written by planwright bundle, and',
    'writes one interface with its events and the data each carries (required and optional fields),',
    'its stage, role, category, severity, deadline, effect and template ids, and its field types.',
    'Hosts give it to the engine, createEngine<CityFloodPlan>(bundle), so that a typo in an event,',
    'a role or a data field, or a handler for an effect the plan lacks, fails to compile.',
    'Exit code: 0 written, 1 the plan or bundle has errors, 2 bad arguments or a file that cannot be read or written.',
  ].join('\n'),
  options: { output: { type: 'string', short: 'o' }, name: { type: 'string' } },
  optionHelp: [
    ['-o, --output <file>', 'where to write the declarations (required), e.g. src/plan-types.d.ts'],
    ['--name <Type>', 'the interface name (default: the plan id in PascalCase with Plan, e.g. CityFloodPlan)'],
  ],
  translations: {
    'zh-CN': {
      summary: '把预案的类型（事件及其数据、阶段、角色和效果标识）写成 .d.ts 声明文件',
      usage: 'types <预案或打包文件> -o <文件.d.ts> [--name <类型名>] [--json]',
      description: [
        '读取一个预案（与打包时一样检查并编译）或一个打包文件，',
        '写出一个接口：各事件及其携带的数据（必填和可选字段），',
        '阶段、角色、类别、等级、时限、效果和模板的标识，以及各字段的类型。',
        '宿主程序把它交给引擎，例如 `createEngine<CityFloodPlan>(bundle)`，',
        '这样写错事件、角色或数据字段，或为预案没有的效果写处理函数，都无法通过编译。',
        '退出码：0 已写出，1 预案或打包文件有错误，2 参数有误或文件无法读写。',
      ].join('\n'),
      optionHelp: [
        ['-o, --output <文件>', '声明文件写到哪里（必填），例如 src/plan-types.d.ts'],
        ['--name <类型名>', '接口名（默认：预案标识转成大驼峰再加上 `Plan`，例如 `CityFloodPlan`）'],
      ],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const output = values['output'];
    const nameOption = values['name'];
    const t = messagesIn(CLI_MESSAGES, context.locale);
    if (positionals.length !== 1 || typeof output !== 'string' || output === '') {
      io.stderr(`${t.badArguments({ command: 'types', reason: t.typesNeedsArguments() })}\n`);
      return EXIT_USAGE;
    }
    if (typeof nameOption === 'string' && !isTypeName(nameOption)) {
      io.stderr(`${t.badArguments({ command: 'types', reason: t.typesBadName({ name: nameOption }) })}\n`);
      return EXIT_USAGE;
    }
    const file = positionals[0] as string;
    const loaded = readBundleArgument(context, file) ?? compiledPlanArgument(context, file);
    if (typeof loaded === 'number') return loaded;
    const { plan, locale } = loaded;
    const said = messagesIn(CLI_MESSAGES, locale);
    const name = typeof nameOption === 'string' ? nameOption : planTypeName(plan.definition.id);
    const text = planTypesDeclaration(plan.definition, { name, source: file, hash: plan.hash });
    const target = resolve(context.cwd, output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text, 'utf8');
    } catch (error) {
      io.stderr(`${said.badArguments({ command: 'types', reason: said.cannotWrite({ target: output, reason: (error as Error).message }) })}\n`);
      return EXIT_USAGE;
    }
    const { id, version } = plan.definition;
    if (values['json'] === true) io.stdout(`${JSON.stringify({ ok: true, file: output, planId: id, planVersion: version, name })}\n`);
    else io.stdout(`${said.typesWritten({ file: output, id, version, name })}\n`);
    return EXIT_OK;
  },
};

/**
 * A `.json` argument that holds a planwright bundle: the bundle's plan (checked by `loadBundle`), or
 * exit 1 naming what is wrong with it. `undefined` for anything else (a plan, or a file that cannot
 * be read: the plan check reports that).
 */
function readBundleArgument(context: CommandContext, file: string): CompiledPlanArgument | number | undefined {
  if (file === STDIN_ARGUMENT || !file.toLowerCase().endsWith('.json')) return undefined;
  const read = readPlanFile(resolve(context.cwd, file), MAX_FILE_BYTES);
  if (read.kind !== 'ok') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BUNDLE_FORMAT) return undefined;
  try {
    return { plan: loadBundle(json), locale: context.locale };
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    context.io.stdout(`${t.typesBadBundle({ file, code: error.code, message: error.message })}\n`);
    return EXIT_FAILED;
  }
}
