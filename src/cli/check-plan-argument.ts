import { checkPlan, type CheckPlanResult } from '../dsl/check-plan.js';
import type { CommandContext } from './command.js';

/** A plan file argument checked: the result, and whether the file could be read at all. */
export interface CheckedPlanArgument {
  file: string;
  result: CheckPlanResult;
  /** `false` when the file is missing or unreadable (the command should exit 2). */
  readable: boolean;
}

const UNREADABLE = new Set(['file-not-found', 'file-unreadable', 'not-a-file']);

/**
 * Check the plan file a command was given (relative to the command's folder, in its locale).
 * Commands that take a plan (`validate`, `lint`, `bundle`, `diagram`, `drill`) start here.
 *
 * @example
 * const { result, readable } = checkPlanArgument(context, context.positionals[0]);
 * if (!readable) return EXIT_USAGE;
 */
export function checkPlanArgument(context: CommandContext, file: string): CheckedPlanArgument {
  const result = checkPlan({ file }, { cwd: context.cwd, locale: context.locale });
  const readable = !result.diagnostics.some((d) => UNREADABLE.has(d.code) && d.path.length === 0 && d.file === file);
  return { file, result, readable };
}
