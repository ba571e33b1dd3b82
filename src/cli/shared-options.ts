import type { CliOptions } from './command.js';

/** Options every command accepts. */
export const SHARED_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  locale: { type: 'string' },
} as const satisfies CliOptions;

/** Help lines of the shared options. */
export const SHARED_OPTION_HELP: ReadonlyArray<readonly [string, string]> = [
  ['--json', 'print one JSON document on stdout instead of text'],
  ['--locale <en|zh-CN>', 'language of the messages (default en)'],
  ['-h, --help', 'show this help'],
];

/** Help lines of the shared options, in Chinese. */
export const SHARED_OPTION_HELP_ZH: ReadonlyArray<readonly [string, string]> = [
  ['--json', '在标准输出打印一个 JSON 文档，代替文本'],
  ['--locale <en|zh-CN>', '消息语言（默认 en）'],
  ['-h, --help', '显示本帮助'],
];
