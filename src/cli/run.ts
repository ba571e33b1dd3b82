import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import { escapeTerminalText } from '../diagnostics/terminal-safe-text.js';
import { isLocale, LOCALES } from '../diagnostics/locale.js';
import type { CliCommand, CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { commandHelp, programHelp } from './help.js';
import type { CliIo } from './io.js';
import { SHARED_OPTIONS } from './shared-options.js';

function findCommand(name: string, commands: readonly CliCommand[]): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}

function unknownCommand(name: string, io: CliIo, commands: readonly CliCommand[]): number {
  const suggestion = closestMatch(name, commands.map((c) => c.name));
  const hint = suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
  io.stderr(`planwright: unknown command "${name}".${hint} Run "planwright --help" for the list.\n`);
  return EXIT_USAGE;
}

/**
 * The `planwright` command line as a function: parses `argv` (the arguments after the binary),
 * runs the command, writes to `io`, and returns the exit code (0 done, 1 problems found,
 * 2 could not run as asked). Never calls `process.exit`, so tests run it in-process.
 *
 * @example
 * const out: string[] = [];
 * const code = await run(['validate', 'plans/public-opinion.plan.yaml'], { stdout: (s) => out.push(s), stderr: (s) => out.push(s) });
 * // code === 0
 */
export async function run(argv: readonly string[], rawIo: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(programHelp(commands));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(programHelp(commands));
    return EXIT_OK;
  }
  if (first === 'help') {
    if (rest[0] === undefined) {
      io.stdout(programHelp(commands));
      return EXIT_OK;
    }
    const command = findCommand(rest[0], commands);
    if (command === undefined) return unknownCommand(rest[0], io, commands);
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  const command = findCommand(first, commands);
  if (command === undefined) return unknownCommand(first, io, commands);

  let parsed: { values: CommandContext['values']; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: { ...SHARED_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`planwright ${command.name}: ${message}\nRun "planwright ${command.name} --help" for its options.\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help === true) {
    io.stdout(commandHelp(command, typeof parsed.values.locale === 'string' ? parsed.values.locale : undefined));
    return EXIT_OK;
  }
  const locale = parsed.values.locale ?? 'en';
  if (typeof locale !== 'string' || !isLocale(locale)) {
    io.stderr(`planwright ${command.name}: unknown locale "${String(locale)}"; use ${LOCALES.join(' or ')}.\n`);
    return EXIT_USAGE;
  }
  const cwd = path.resolve(io.cwd ?? process.cwd());
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io, cwd, locale });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`planwright ${command.name}: unexpected failure, please report it:\n${message}\n`);
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
