import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluate, type Incident, incidentIssues, messagesIn } from '../../index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/**
 * `planwright evaluate <plan> <incidents-dir-or-file>... [--json] [--html <file>]`: the plan
 * evaluation (the plan's measures) over stored incidents or drill runs.
 */
export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'evaluate a plan over incidents or drill runs with the measures the plan declares',
  usage: 'evaluate <plan> <incidents-dir-or-file>... [--json] [--html <file>]',
  description: [
    'Reads incidents as JSON: a file holding one incident or a list of incidents, or a folder whose',
    '*.json files hold them (other JSON files in it are skipped; `planwright drill --report <dir>`',
    'writes <drill>.incident.json files there). Prints the evaluation as Markdown: one section per',
    'measure the plan declares under measures: (times to an event, stage or deadline, on-time rates',
    'overall, per deadline or per team, breach and refusal counts, first-to-last change of a field).',
    'Exit code: 0 evaluated, 2 bad arguments, an unreadable file, an invalid plan or no incidents.',
  ].join('\n'),
  options: { html: { type: 'string' } },
  optionHelp: [['--html <file>', 'also write the evaluation as a self-contained HTML page with charts']],
  translations: {
    'zh-CN': {
      summary: '根据事件记录或演练结果评估预案（时效、超时率、各小组按时率、预案的评估指标）',
      usage: 'evaluate <预案文件> <事件目录或文件>... [--json] [--html <文件>]',
      description: [
        '读取 JSON 格式的事件记录：一个文件放一个事件或一组事件，或一个文件夹，其中的',
        '*.json 文件放着事件（其中其他 JSON 文件会被跳过；`planwright drill --report <目录>`',
        '会在那里写出 <演练>.incident.json 文件）。以 Markdown 打印评估：预案“evaluation”中各项指标的',
        '用时与其时限的对比、每个时限的超时率、每个小组的按时率。',
        '退出码：0 已评估，2 参数有误、文件无法读取、预案无效或没有事件记录。',
      ].join('\n'),
      optionHelp: [['--html <文件>', '另把评估写成带图表的自包含 HTML 页面']],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const [planFile, ...inputs] = positionals;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    if (planFile === undefined || inputs.length === 0) {
      io.stderr(`${t.badArguments({ command: 'evaluate', reason: t.evaluateNeedsArguments() })}\n`);
      return EXIT_USAGE;
    }
    const checked = checkPlanArgument(context, planFile);
    const plan = checked.result.plan;
    const said = messagesIn(CLI_MESSAGES, checked.locale);
    const fail = (reason: string): number => {
      io.stderr(`${said.badArguments({ command: 'evaluate', reason })}\n`);
      return EXIT_USAGE;
    };
    if (!checked.readable || !checked.result.ok || plan === undefined) {
      io.stderr(formatDiagnosticsText(checked.result.diagnostics, { locale: checked.locale }));
      return EXIT_USAGE;
    }
    const incidents: Incident[] = [];
    const skipped: string[] = [];
    for (const input of inputs) {
      const path = resolve(context.cwd, input);
      let files: Array<[string, string]>;
      try {
        files = statSync(path).isDirectory()
          ? readdirSync(path)
              .filter((f) => f.endsWith('.json'))
              .sort()
              .map((f) => [join(input, f), join(path, f)])
          : [[input, path]];
      } catch (error) {
        return fail(said.cannotRead({ input, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
      }
      const single = files.length === 1 && !statSync(path).isDirectory();
      for (const [shown, full] of files) {
        let value: unknown;
        try {
          value = JSON.parse(readFileSync(full, 'utf8'));
        } catch (error) {
          if (single) {
            return fail(said.notJson({ file: shown, reason: (error as Error).message }));
          }
          skipped.push(shown);
          continue;
        }
        const list = Array.isArray(value) ? value : [value];
        const bad = list.map((v) => incidentIssues(v)).find((issue) => issue !== undefined);
        if (bad !== undefined) {
          if (single) {
            return fail(said.holdsNoIncidents({ file: shown, reason: bad }));
          }
          skipped.push(shown);
          continue;
        }
        for (const incident of list as Incident[]) incidents.push(incident);
      }
    }
    if (incidents.length === 0) {
      return fail(said.noIncidents({ inputs: inputs.join(', ') }));
    }
    const result = evaluate(plan, incidents, typeof values['locale'] === 'string' ? { locale: values['locale'] } : {});
    const html = values['html'];
    if (typeof html === 'string' && html !== '') {
      try {
        writeFileSync(resolve(context.cwd, html), result.html, 'utf8');
      } catch (error) {
        return fail(said.cannotWrite({ target: html, reason: (error as Error).message }));
      }
    }
    if (values['json'] === true) io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
    else {
      io.stdout(result.markdown);
      if (skipped.length > 0) io.stderr(`${said.badArguments({ command: 'evaluate', reason: said.skippedFiles({ count: skipped.length }) })}\n`);
    }
    return EXIT_OK;
  },
};
