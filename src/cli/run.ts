import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { closestMatch, escapeTerminalText, isLocale, type Locale, LOCALES, messagesIn } from '../index.js';
import { CLI_MESSAGES } from './cli-messages.js';
import { environmentLanguage, resolveLocale } from './resolve-locale.js';
import type { CliCommand, CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { commandHelp, programHelp } from './help.js';
import type { CliIo } from './io.js';
import { SHARED_OPTIONS } from './shared-options.js';

function findCommand(name: string, commands: readonly CliCommand[]): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}

function unknownCommand(name: string, io: CliIo, commands: readonly CliCommand[], locale: Locale): number {
  const t = messagesIn(CLI_MESSAGES, locale);
  const suggestion = closestMatch(name, commands.map((c) => c.name));
  const hint = suggestion === undefined ? '' : t.didYouMeanCommand({ name: suggestion });
  io.stderr(`${t.unknownCommand({ name, hint })}\n`);
  return EXIT_USAGE;
}

/** The `--locale` value in raw arguments (`--locale zh-CN` or `--locale=zh-CN`), if any. */
function localeArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === '--locale') return argv[index + 1];
    if (arg.startsWith('--locale=')) return arg.slice('--locale='.length);
  }
  return undefined;
}

/** A `util.parseArgs` error: Node's own text in English, else in words of the locale naming the option. */
function parseArgsProblem(error: unknown, locale: Locale): string {
  const t = messagesIn(CLI_MESSAGES, locale);
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (option !== undefined && locale !== 'en') {
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t.unknownOption({ option });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return /argument missing/.test(message) ? t.optionNeedsValue({ option }) : t.optionTakesNoValue({ option });
    }
  }
  return message;
}

/**
 * The `planwright` command line as a function: parses `argv` (the arguments after the binary),
 * runs the command, writes to `io`, and returns the exit code (0 done, 1 problems found,
 * 2 could not run as asked). Never calls `process.exit`, so tests run it in-process.
 * Messages are in `--locale`, else the plan's first locale, else the environment's `LANG`.
 *
 * @example
 * const out: string[] = [];
 * const code = await run(['validate', 'plans/public-opinion.plan.yaml'], { stdout: (s) => out.push(s), stderr: (s) => out.push(s) });
 * // code === 0
 */
export async function run(argv: readonly string[], rawIo: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const requested = localeArgument(argv);
  const given = requested !== undefined && isLocale(requested) ? requested : undefined;
  const locale = resolveLocale({ option: given, lang: environmentLanguage(io.env ?? process.env) });
  const t = messagesIn(CLI_MESSAGES, locale);
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(programHelp(commands, locale));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === '--locale' || first.startsWith('--locale=')) {
    if (requested !== undefined && given === undefined) {
      io.stderr(`planwright: ${t.unknownLocale({ locale: requested, locales: LOCALES.join(locale === 'en' ? ' or ' : ' 或 ') })}\n`);
      return EXIT_USAGE;
    }
    const command = first.startsWith('--locale') ? rest.find((arg, index) => index > 0 && !arg.startsWith('-')) : undefined;
    if (command !== undefined) return run([command, ...argv.filter((arg) => arg !== command)], io, commands);
    io.stdout(programHelp(commands, locale));
    return EXIT_OK;
  }
  if (first === 'help') {
    const name = rest.find((arg, index) => !arg.startsWith('-') && rest[index - 1] !== '--locale');
    if (name === undefined) {
      io.stdout(programHelp(commands, locale));
      return EXIT_OK;
    }
    const command = findCommand(name, commands);
    if (command === undefined) return unknownCommand(name, io, commands, locale);
    io.stdout(commandHelp(command, locale));
    return EXIT_OK;
  }
  const command = findCommand(first, commands);
  if (command === undefined) return unknownCommand(first, io, commands, locale);

  const fail = (reason: string): number => {
    io.stderr(`${t.badArguments({ command: command.name, reason })}\n${t.seeCommandHelp({ command: command.name })}\n`);
    return EXIT_USAGE;
  };
  let parsed: { values: CommandContext['values']; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: { ...SHARED_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(parseArgsProblem(error, locale));
  }
  if (parsed.values.help === true) {
    io.stdout(commandHelp(command, locale));
    return EXIT_OK;
  }
  const option = parsed.values.locale;
  if (option !== undefined && (typeof option !== 'string' || !isLocale(option))) {
    io.stderr(`${t.badArguments({ command: command.name, reason: t.unknownLocale({ locale: String(option), locales: LOCALES.join(locale === 'en' ? ' or ' : ' 或 ') }) })}\n`);
    return EXIT_USAGE;
  }
  const cwd = path.resolve(io.cwd ?? process.cwd());
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io, cwd, locale, localeGiven: option !== undefined });
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`${t.unexpectedFailure({ command: command.name, detail })}\n`);
    return EXIT_USAGE;
  }
}

/**
 * The io with every write made safe for a terminal: control and bidi characters that came from a
 * plan, a scenario or an argument are printed as `\uXXXX` escapes (JSON output keeps its value:
 * that is JSON's own escape); only planwright's own colours pass, and only to a terminal.
 */
function terminalSafeIo(io: CliIo): CliIo {
  const keepColours = io.isTTY === true;
  return {
    ...io,
    stdout: (text) => io.stdout(escapeTerminalText(text, { keepColours })),
    stderr: (text) => io.stderr(escapeTerminalText(text, { keepColours })),
  };
}
