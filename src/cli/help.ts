import type { CliCommand } from './command.js';
import { SHARED_OPTION_HELP, SHARED_OPTION_HELP_ZH } from './shared-options.js';

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = rows.reduce((widest, [left]) => Math.max(widest, left.length), 0);
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

/**
 * The help of the `planwright` binary: usage and the command list.
 *
 * @example
 * programHelp(COMMANDS); // 'Usage: planwright <command> [options]\n\nCommands:\n  validate  …'
 */
export function programHelp(commands: readonly CliCommand[]): string {
  return [
    'Usage: planwright <command> [options]',
    '',
    'Emergency response plans as executable software.',
    '',
    'Commands:',
    table(commands.map((c) => [c.name, c.summary])),
    '',
    'Run "planwright <command> --help" for a command\'s options.',
    'A plan argument - reads the plan from standard input.',
    'Exit codes: 0 done, 1 problems found, 2 could not run as asked.',
    '',
  ].join('\n');
}

/**
 * The help of one command: usage, description and options.
 *
 * @example
 * commandHelp(validateCommand); // in Chinese where the command gives it: commandHelp(renderCommand, 'zh-CN')
 * // 'Usage: planwright validate <plan>... [--json] [--locale zh-CN]\n…'
 */
export function commandHelp(command: CliCommand, locale?: string): string {
  const zh = locale === 'zh-CN' ? command.help?.['zh-CN'] : undefined;
  if (zh !== undefined) {
    const parts = [`用法：planwright ${command.usage}`, '', zh.summary ?? command.summary];
    const description = zh.description ?? command.description;
    if (description !== undefined) parts.push('', description);
    parts.push('', '选项：', table([...(zh.optionHelp ?? command.optionHelp ?? []), ...SHARED_OPTION_HELP_ZH]), '');
    return parts.join('\n');
  }
  const parts = [`Usage: planwright ${command.usage}`, '', command.summary];
  if (command.description !== undefined) parts.push('', command.description);
  // A command's own line for a shared option (e.g. its --locale default) replaces the shared one.
  const own = new Set((command.optionHelp ?? []).map(([flag]) => flag.split(/[ ,]/)[0]));
  const shared = SHARED_OPTION_HELP.filter(([flag]) => !own.has(flag.split(/[ ,]/)[0]));
  parts.push('', 'Options:', table([...(command.optionHelp ?? []), ...shared]), '');
  return parts.join('\n');
}
