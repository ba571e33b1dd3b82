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
  run(context) {
    const { io, positionals } = context;
    if (positionals.length === 0) {
      io.stderr('planwright validate: give the plan file to check, e.g. planwright validate plans/my.plan.yaml\n');
      return EXIT_USAGE;
    }
    const checked = positionals.map((file) => checkPlanArgument(context, file));
    const diagnostics = checked.flatMap((c) => c.result.diagnostics);
    const ok = checked.every((c) => c.result.ok);
    const unreadable = checked.some((c) => !c.readable);
    if (context.values.json === true) {
      io.stdout(`${JSON.stringify(diagnosticsReport(ok, diagnostics), null, 2)}\n`);
    } else {
      for (const c of checked.filter((x) => !x.readable)) io.stderr(formatDiagnosticsText(c.result.diagnostics).split('\n')[0] + '\n');
      const readable = checked.filter((c) => c.readable);
      const sources = new Map(readable.flatMap((c) => [...c.result.sources]));
      const frames = io.isTTY === true;
      io.stdout(formatDiagnosticsText(readable.flatMap((c) => c.result.diagnostics), { sources, frames, color: frames }));
      for (const c of readable) {
        if (c.result.ok && c.result.plan !== undefined) io.stdout(`${c.file}: valid (plan ${c.result.plan.id} ${c.result.plan.version})\n`);
      }
    }
    if (unreadable) return EXIT_USAGE;
    return ok ? EXIT_OK : EXIT_FAILED;
  },
};
