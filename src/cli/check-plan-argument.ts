import { checkPlan, checkPlanBytes, type CheckPlanResult, type Locale } from '../index.js';
import type { CommandContext } from './command.js';
import { resolveLocale } from './resolve-locale.js';

/** A plan file argument checked: the result, and whether the file could be read at all. */
export interface CheckedPlanArgument {
  file: string;
  result: CheckPlanResult;
  /** `false` when the file is missing or unreadable (the command should exit 2). */
  readable: boolean;
  /** The locale to speak from here on: `--locale`, else the plan's first locale, else the command's. */
  locale: Locale;
}

const UNREADABLE = new Set(['file-not-found', 'file-unreadable', 'not-a-file']);

/** The plan argument that reads the plan from standard input. */
export const STDIN_ARGUMENT = '-';
/** The name diagnostics give a plan read from standard input. */
export const STDIN_NAME = '<stdin>';

/** A plan read from standard input: checked as text named `<stdin>`, its includes relative to the command's folder. */
function checkStandardInput(context: CommandContext): CheckPlanResult {
  const readStdin = context.io.readStdin;
  const read = (maxBytes: number): Uint8Array | string => {
    if (readStdin === undefined) throw new Error('standard input is not available here');
    return readStdin(maxBytes);
  };
  return checkPlanBytes(STDIN_NAME, read, { cwd: context.cwd, locale: context.locale });
}

/**
 * Check the plan file a command was given (relative to the command's folder). Without `--locale`,
 * a plan whose first locale planwright speaks is reported in that locale, and the command goes
 * on in it (`locale`). Commands that take a plan (`validate`, `lint`, `bundle`, `diagram`, `drill`,
 * `readiness`, `evaluate`) start here. The argument `-` reads the plan from standard input (named
 * `<stdin>` in diagnostics; its includes are relative to the command's folder).
 *
 * @example
 * const { result, readable, locale } = checkPlanArgument(context, context.positionals[0]);
 * if (!readable) return EXIT_USAGE;
 */
export function checkPlanArgument(context: CommandContext, file: string): CheckedPlanArgument {
  if (file === STDIN_ARGUMENT) {
    const result = checkStandardInput(context);
    const readable = !result.diagnostics.some((d) => UNREADABLE.has(d.code) && d.path.length === 0 && d.file === STDIN_NAME);
    return { file: STDIN_NAME, result, readable, locale: context.locale };
  }
  let result = checkPlan({ file }, { cwd: context.cwd, locale: context.locale });
  let locale = context.locale;
  if (!context.localeGiven && result.plan?.locales !== undefined) {
    const planLocale = resolveLocale({ planLocales: result.plan.locales, lang: context.locale });
    if (planLocale !== locale) {
      locale = planLocale;
      result = checkPlan({ file }, { cwd: context.cwd, locale });
    }
  }
  const readable = !result.diagnostics.some((d) => UNREADABLE.has(d.code) && d.path.length === 0 && d.file === file);
  return { file, result, readable, locale };
}
