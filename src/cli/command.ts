import type { ParseArgsConfig } from 'node:util';
import type { Locale } from '../diagnostics/locale.js';
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
  /** Message locale from `--locale` (default `en`). */
  locale: Locale;
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
   * The help in Chinese, shown by `planwright <command> --help --locale zh-CN` (falls back to the
   * English text for what it leaves out).
   */
  help?: { 'zh-CN'?: LocalizedCommandHelp };
  /** Run the command; returns the exit code. */
  run(context: CommandContext): Promise<number> | number;
}

/** A command's help text in another language. */
export interface LocalizedCommandHelp {
  summary?: string;
  description?: string;
  optionHelp?: ReadonlyArray<readonly [string, string]>;
}
