import { displayWidth, type Locale, messagesIn, padToDisplayWidth } from '../index.js';
import { CLI_MESSAGES } from './cli-messages.js';
import type { CliCommand, CommandHelpText } from './command.js';
import { sharedOptionHelp } from './shared-options.js';

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = rows.reduce((widest, [left]) => Math.max(widest, displayWidth(left)), 0);
  return rows.map(([left, right]) => `  ${padToDisplayWidth(left, width)}  ${right}`).join('\n');
}

/**
 * A command's help texts in a locale (English from the command's own fields, and when a
 * command has no translation for the locale).
 *
 * @example
 * commandHelpText(validateCommand, 'zh-CN').summary; // '检查预案文件：语法、结构和交叉引用'
 */
export function commandHelpText(command: CliCommand, locale: Locale = 'en'): CommandHelpText {
  const translated = locale === 'en' ? undefined : command.translations?.[locale];
  if (translated !== undefined) return translated;
  return {
    summary: command.summary,
    usage: command.usage,
    ...(command.description === undefined ? {} : { description: command.description }),
    ...(command.optionHelp === undefined ? {} : { optionHelp: command.optionHelp }),
  };
}

/**
 * The help of the `planwright` binary: usage and the command list.
 *
 * @example
 * programHelp(COMMANDS); // 'Usage: planwright <command> [options]\n\nCommands:\n  validate  …'
 * programHelp(COMMANDS, 'zh-CN'); // '用法：planwright <命令> [选项]\n…'
 */
export function programHelp(commands: readonly CliCommand[], locale: Locale = 'en'): string {
  const t = messagesIn(CLI_MESSAGES, locale);
  const space = locale === 'en' ? ' ' : '';
  return [
    `${t.usageHeading()}${space}${t.programUsage()}`,
    '',
    t.programTagline(),
    '',
    t.commandsHeading(),
    table(commands.map((c) => [c.name, commandHelpText(c, locale).summary])),
    '',
    t.programMore(),
    t.programStdin(),
    t.exitCodes(),
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
export function commandHelp(command: CliCommand, locale: Locale = 'en'): string {
  const t = messagesIn(CLI_MESSAGES, locale);
  const text = commandHelpText(command, locale);
  const space = locale === 'en' ? ' ' : '';
  const parts = [`${t.usageHeading()}${space}planwright ${text.usage}`, '', text.summary];
  if (text.description !== undefined) parts.push('', text.description);
  // A command's own line for a shared option (e.g. its --locale default) replaces the shared one.
  const own = new Set((text.optionHelp ?? []).map(([flag]) => flag.split(/[ ,]/)[0]));
  const shared = sharedOptionHelp(locale).filter(([flag]) => !own.has(flag.split(/[ ,]/)[0]));
  parts.push('', t.optionsHeading(), table([...(text.optionHelp ?? []), ...shared]), '');
  return parts.join('\n');
}
