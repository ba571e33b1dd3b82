import { checkPlan, type CheckPlanResult } from '../dsl/check-plan.js';
import type { Locale } from '../diagnostics/locale.js';
import { resolveLocale } from '../messages/resolve-locale.js';
import type { CommandContext } from './command.js';

/** A plan file argument checked: the result, and whether the file could be read at all. */
export interface CheckedPlanArgument {
  file: string;
  result: CheckPlanResult;
  /** `false` when the file is missing or unreadable (the command should exit 2). */
  readable: boolean;
  /** The locale to speak from here on: `--locale`, else the plan's first locale, else the command's. */
  locale: Locale;
}

const UNREADABLE = new Set(['file-not-found', 'file-unreadable']);

/**
 * Check the plan file a command was given (relative to the command's folder). Without `--locale`,
 * a plan whose first locale planwright speaks is reported in that locale, and the command goes
 * on in it (`locale`). Commands that take a plan (`validate`, `lint`, `bundle`, `diagram`, `drill`,
 * `readiness`, `evaluate`) start here.
 *
 * @example
 * const { result, readable, locale } = checkPlanArgument(context, context.positionals[0]);
 * if (!readable) return EXIT_USAGE;
 */
export function checkPlanArgument(context: CommandContext, file: string): CheckedPlanArgument {
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
