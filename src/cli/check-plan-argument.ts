import { Buffer } from 'node:buffer';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import { checkPlan, type CheckPlanResult } from '../dsl/check-plan.js';
import { MAX_FILE_BYTES } from '../dsl/limits.js';
import { SourceMap } from '../dsl/source-map.js';
import { foreignEncoding } from '../dsl/read-plan-file.js';
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

const UNREADABLE = new Set(['file-not-found', 'file-unreadable', 'not-a-file']);

/** The plan argument that reads the plan from standard input. */
export const STDIN_ARGUMENT = '-';
/** The name diagnostics give a plan read from standard input. */
export const STDIN_NAME = '<stdin>';

/** A plan read from standard input: checked as text named `<stdin>`, its includes relative to the command's folder. */
function checkStandardInput(context: CommandContext): CheckPlanResult {
  const options = { cwd: context.cwd, locale: context.locale };
  const fail = (detail: string): CheckPlanResult => ({
    ok: false,
    diagnostics: [createDiagnostic('file-unreadable', { file: STDIN_NAME, detail }, [], { locale: context.locale, file: STDIN_NAME })],
    source: new SourceMap(STDIN_NAME),
    sources: new Map(),
  });
  if (context.io.readStdin === undefined) return fail('standard input is not available here');
  let input: Uint8Array | string;
  try {
    input = context.io.readStdin(MAX_FILE_BYTES);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (typeof input !== 'string') {
    const encoding = foreignEncoding(input);
    if (encoding !== undefined) {
      const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
      const diagnostic = createDiagnostic('unsupported-encoding', { encoding }, [], { locale: context.locale, file: STDIN_NAME, range });
      return { ok: false, diagnostics: [diagnostic], source: new SourceMap(STDIN_NAME), sources: new Map() };
    }
    input = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  }
  return checkPlan({ text: input, file: STDIN_NAME }, options);
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
