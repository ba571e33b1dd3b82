import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluate } from '../../report/evaluation/evaluate.js';
import type { Incident } from '../../runtime/incident.js';
import { incidentIssues } from '../../runtime/stores/incident-document.js';
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
  run(context) {
    const { io, positionals, values } = context;
    const [planFile, ...inputs] = positionals;
    if (planFile === undefined || inputs.length === 0) {
      io.stderr('planwright evaluate: give the plan and incidents, e.g. planwright evaluate plans/my.plan.yaml reports/\n');
      return EXIT_USAGE;
    }
    const checked = checkPlanArgument(context, planFile);
    const plan = checked.result.plan;
    if (!checked.readable || !checked.result.ok || plan === undefined) {
      io.stderr(formatDiagnosticsText(checked.result.diagnostics));
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
        io.stderr(`planwright evaluate: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
        return EXIT_USAGE;
      }
      const single = files.length === 1 && !statSync(path).isDirectory();
      for (const [shown, full] of files) {
        let value: unknown;
        try {
          value = JSON.parse(readFileSync(full, 'utf8'));
        } catch (error) {
          if (single) {
            io.stderr(`planwright evaluate: ${shown} is not JSON: ${(error as Error).message}\n`);
            return EXIT_USAGE;
          }
          skipped.push(shown);
          continue;
        }
        const list = Array.isArray(value) ? value : [value];
        const bad = list.map((v) => incidentIssues(v)).find((issue) => issue !== undefined);
        if (bad !== undefined) {
          if (single) {
            io.stderr(`planwright evaluate: ${shown} does not hold incidents: ${bad}\n`);
            return EXIT_USAGE;
          }
          skipped.push(shown);
          continue;
        }
        for (const incident of list as Incident[]) incidents.push(incident);
      }
    }
    if (incidents.length === 0) {
      io.stderr(`planwright evaluate: no incidents found in ${inputs.join(', ')}\n`);
      return EXIT_USAGE;
    }
    const result = evaluate(plan, incidents, typeof values['locale'] === 'string' ? { locale: values['locale'] } : {});
    const html = values['html'];
    if (typeof html === 'string' && html !== '') {
      try {
        writeFileSync(resolve(context.cwd, html), result.html, 'utf8');
      } catch (error) {
        io.stderr(`planwright evaluate: cannot write ${html}: ${(error as Error).message}\n`);
        return EXIT_USAGE;
      }
    }
    if (values['json'] === true) io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
    else {
      io.stdout(result.markdown);
      if (skipped.length > 0) io.stderr(`planwright evaluate: skipped ${skipped.length} file(s) that hold no incidents\n`);
    }
    return EXIT_OK;
  },
};
