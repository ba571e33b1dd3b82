import { type Locale, messagesIn } from '../index.js';
import { CLI_MESSAGES } from './cli-messages.js';
import type { CliOptions } from './command.js';

/** Options every command accepts. */
export const SHARED_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  locale: { type: 'string' },
} as const satisfies CliOptions;

/**
 * Help lines of the shared options, in a locale.
 *
 * @example
 * sharedOptionHelp('zh-CN')[2]; // ['-h, --help', '显示本帮助']
 */
export function sharedOptionHelp(locale: Locale = 'en'): ReadonlyArray<readonly [string, string]> {
  const t = messagesIn(CLI_MESSAGES, locale);
  return [
    ['--json', t.optionJson()],
    [t.optionLocaleName(), t.optionLocale()],
    ['-h, --help', t.optionHelp()],
  ];
}

/** Help lines of the shared options (English). */
export const SHARED_OPTION_HELP: ReadonlyArray<readonly [string, string]> = sharedOptionHelp('en');
