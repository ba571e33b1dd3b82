import { type CompiledPlan, CompileError, compilePlan, type Locale, messagesIn } from '../index.js';
import { CLI_MESSAGES } from './cli-messages.js';
import { checkPlanArgument } from './check-plan-argument.js';
import type { CommandContext } from './command.js';
import { diagnosticsReport, formatDiagnosticsText } from './diagnostic-output.js';
import { EXIT_FAILED, EXIT_USAGE } from './exit-codes.js';

/** A plan argument checked and compiled, with the locale to speak from here on. */
export interface CompiledPlanArgument {
  plan: CompiledPlan;
  locale: Locale;
}

/**
 * The plan a command was given, checked (see `checkPlanArgument`) and compiled — what `bundle` and
 * `types` write from. When it cannot be, reports why (diagnostics, or compile problems) and returns
 * the exit code: 2 for a file that cannot be read, 1 for a plan with errors.
 *
 * @example
 * const compiled = compiledPlanArgument(context, context.positionals[0]);
 * if (typeof compiled === 'number') return compiled;
 */
export function compiledPlanArgument(context: CommandContext, file: string): CompiledPlanArgument | number {
  const { io, values } = context;
  const checked = checkPlanArgument(context, file);
  const { locale } = checked;
  if (!checked.readable) {
    io.stderr(formatDiagnosticsText(checked.result.diagnostics, { locale }).split('\n')[0] + '\n');
    return EXIT_USAGE;
  }
  const definition = checked.result.plan;
  if (!checked.result.ok || definition === undefined) {
    if (values['json'] === true) io.stdout(`${JSON.stringify(diagnosticsReport(false, checked.result.diagnostics), null, 2)}\n`);
    else io.stdout(formatDiagnosticsText(checked.result.diagnostics, { sources: new Map(checked.result.sources), frames: io.isTTY === true, color: io.isTTY === true, locale }));
    return EXIT_FAILED;
  }
  try {
    return { plan: compilePlan(definition), locale };
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    const said = messagesIn(CLI_MESSAGES, locale);
    for (const p of error.problems) io.stdout(`${said.compileProblem({ file: checked.file, code: p.code, path: p.path.join('.'), message: p.message })}\n`);
    return EXIT_FAILED;
  }
}
