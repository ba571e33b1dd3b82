import type { ParseArgsConfig } from 'node:util';
import type { Locale } from '../index.js';
import type { CliIo } from './io.js';

/** The options a command declares, in `util.parseArgs` form. */
export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** What a command's `run` receives. */
export interface CommandContext {
  /** Parsed option values (strings, booleans, or arrays for `multiple` options). */
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
  io: CliIo;
  /** Absolute folder file arguments are relative to. */
  cwd: string;
  /**
   * Message locale: `--locale`, else the environment's language (`LANG`, zh* → zh-CN), else en.
   * Commands that read a plan switch to the plan's first locale when `--locale` is not given
   * (the `locale` that `checkPlanArgument` returns).
   */
  locale: Locale;
  /** Whether `--locale` was given (then it wins over the plan's locales). */
  localeGiven: boolean;
}

/** A command's help texts in one language. */
export interface CommandHelpText {
  summary: string;
  usage: string;
  description?: string;
  optionHelp?: ReadonlyArray<readonly [string, string]>;
}

/**
 * One `planwright` command. Each lives in its own file under `src/cli/commands/` and is listed once
 * in `src/cli/commands/index.ts`.
 */
export interface CliCommand {
  /** The word after `planwright`, e.g. `validate`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage line(s) without the leading `planwright`, e.g. `validate <plan> [--json]`. */
  usage: string;
  /** Longer help text shown by `planwright <command> --help` (after the usage). */
  description?: string;
  /** Options besides the shared `--help`, `--json` and `--locale`. */
  options?: CliOptions;
  /** Help lines for the options, `['--json', 'print one JSON document']`. */
  optionHelp?: ReadonlyArray<readonly [string, string]>;
  /**
   * The help texts in the other locales (the fields above are English). Every command has zh-CN:
   * `test/messages/cli-zh-cn.test.ts` fails on a command whose `--help --locale zh-CN` is not Chinese.
   */
  translations?: { readonly [L in Exclude<Locale, 'en'>]?: CommandHelpText };
  /** Run the command; returns the exit code. */
  run(context: CommandContext): Promise<number> | number;
}

