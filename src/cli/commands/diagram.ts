import { type Diagnostic, escapeTerminalText, messagesIn, planStateDiagram, planSwimlaneDiagram, toJsonDiagnostic } from '../../index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

const VIEWS = ['state', 'swimlane'] as const;
const FORMATS = ['mermaid'] as const;

/** `planwright diagram <plan>`: print a Mermaid diagram of a plan. */
export const diagramCommand: CliCommand = {
  name: 'diagram',
  summary: 'print a diagram of a plan (Mermaid: state diagram or swimlanes by owner team)',
  usage: 'diagram <plan> [--format mermaid] [--view state|swimlane] [--ids] [--json] [--locale zh-CN]',
  description: [
    '--view state (default): stages, tracks as concurrent regions, transitions labelled with the event and',
    'who may fire it, deadlines as notes. --view swimlane: a flowchart with one lane per owner team.',
    'Labels are titles (events, stages, teams, team positions as leader/deputy/members, durations as 30 min / 2 h)',
    'in the plan\'s first locale unless --locale says otherwise; --ids adds each id after its title.',
    'Paste the output in a ```mermaid block.',
    'Exit code: 0 printed, 1 the plan has errors, 2 bad arguments or a file that cannot be read.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    view: { type: 'string' },
    ids: { type: 'boolean' },
  },
  optionHelp: [
    ['--format mermaid', 'diagram language (only mermaid for now)'],
    ['--view <state|swimlane>', 'which diagram (default state)'],
    ['--ids', 'write ids after titles, e.g. "收到预警 (ALERT)", "指挥组组长 (command.leader)"'],
    ['--locale <en|zh-CN>', 'language of the labels (default: the plan\'s first locale; messages: en)'],
  ],
  translations: {
    'zh-CN': {
      summary: '打印预案的图（Mermaid：状态图，或按负责小组分泳道的流程图）',
      usage: 'diagram <预案文件> [--format mermaid] [--view state|swimlane] [--json] [--locale zh-CN]',
      description: [
        '--view state（默认）：阶段、作为并行区域的分支、标明事件和可触发者的转换、作为注释的时限。',
        '--view swimlane：流程图，每个负责小组一条泳道。',
        '标题使用预案的第一个语言，除非 --locale 另有指定。把输出粘贴到 ```mermaid 代码块中。',
        '退出码：0 已打印，1 预案有错误，2 参数有误或文件无法读取。',
      ].join('\n'),
      optionHelp: [
        ['--format mermaid', '图的语言（目前只有 mermaid）'],
        ['--view <state|swimlane>', '哪一种图（默认 state）'],
        ['--ids', '在名称后写出标识，例如 “收到预警 (ALERT)”“指挥组组长 (command.leader)”'],
        ['--locale <en|zh-CN>', '图中文字的语言（默认：预案的第一种语言）'],
      ],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    const fail = (message: string): number => {
      io.stderr(`${t.badArguments({ command: 'diagram', reason: message })}\n${t.seeCommandHelp({ command: 'diagram' })}\n`);
      return EXIT_USAGE;
    };
    if (positionals.length !== 1) return fail(t.needOnePlanFile({ command: 'diagram' }));
    const format = values.format ?? 'mermaid';
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) return fail(t.unknownFormat({ format: String(format), formats: 'mermaid' }));
    const view = values.view ?? 'state';
    if (typeof view !== 'string' || !(VIEWS as readonly string[]).includes(view)) {
      return fail(t.unknownView({ view: String(view), views: VIEWS.join(context.locale === 'en' ? ' or ' : ' 或 ') }));
    }

    const checked = checkPlanArgument(context, positionals[0] as string);
    const { result } = checked;
    const json = values.json === true;
    const report = (ok: boolean, diagnostics: readonly Diagnostic[], diagram: string | null): void => {
      io.stdout(`${JSON.stringify({ ok, format, view, diagram, diagnostics: diagnostics.map(toJsonDiagnostic) }, null, 2)}\n`);
    };
    if (!result.ok || result.plan === undefined) {
      if (json) report(false, result.diagnostics, null);
      else io.stderr(formatDiagnosticsText(result.diagnostics, { sources: result.sources, frames: io.isTTY === true, color: io.isTTY === true, locale: checked.locale }));
      return checked.readable ? EXIT_FAILED : EXIT_USAGE;
    }
    const options = { ...(typeof values.locale === 'string' ? { locale: values.locale } : {}), ids: values.ids === true };
    const diagram = view === 'swimlane' ? planSwimlaneDiagram(result.plan, options) : planStateDiagram(result.plan, options);
    if (json) report(true, result.diagnostics, diagram);
    else io.stdout(escapeTerminalText(diagram));
    return EXIT_OK;
  },
};
