import { describe, expect, it } from 'vitest';
import { commandHelp, programHelp } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { LOCALES } from '../../src/diagnostics/locale.js';
import { CLI_MESSAGES } from '../../src/cli/cli-messages.js';
import { MESSAGE_CATALOGUE as LIBRARY_MESSAGES } from '../../src/messages/catalogue.js';
import { messagesIn, type MessageText } from '../../src/messages/message-table.js';
import { resolveLocale, environmentLanguage } from '../../src/cli/resolve-locale.js';
import { SCENARIO_FIELD_MESSAGES } from '../../src/messages/scenario-field-messages.js';
import { yamlProblemText } from '../../src/messages/yaml-messages.js';
import { reportLabels } from '../../src/report/report-labels.js';
import { SCENARIO_CODES, scenarioMessage } from '../../src/testing/scenario/scenario-codes.js';
import { REJECTION_CODES } from '../../src/testing/scenario/scenario-schema.js';
import { ALWAYS_ALLOWED, englishWords } from './english-words.js';

/** Parameters for any message: every key reads as a neutral placeholder (no letters, so no false alarms). */
const ANY_PARAMS = new Proxy({}, { get: (_, key) => (key === Symbol.toPrimitive ? undefined : 7) });

function render(text: MessageText | undefined): string {
  if (text === undefined) throw new Error('missing translation');
  return typeof text === 'string' ? text : (text as (p: unknown) => string)(ANY_PARAMS);
}

/** The library's tables and the CLI's own (which lives with the CLI, above the library). */
const MESSAGE_CATALOGUE = { cli: CLI_MESSAGES, ...LIBRARY_MESSAGES };

const CJK = /[\u4e00-\u9fff]/;
// Texts that are the same in every language (an option's spelling), or have no words of their own (joiners).
const SAME_IN_EVERY_LOCALE = new Set(['cli.optionLocaleName', 'cli.badArguments', 'cli.readinessSeparator', 'drill.metOutsideSteps']);
/** Command names are words people type, like option names. */
const ALLOWED = new Set([...ALWAYS_ALLOWED, ...COMMANDS.map((c) => c.name), ...REJECTION_CODES]);

const rows = Object.entries(MESSAGE_CATALOGUE).flatMap(([table, messages]) => Object.entries(messages).map(([id, t]) => [`${table}.${id}`, t] as const));

describe('the message catalogue', () => {
  it('has tables with messages in them', () => {
    expect(Object.keys(MESSAGE_CATALOGUE)).toEqual(['cli', 'drill', 'yaml', 'scenarioFields', 'report', 'formatHints', 'ruleOption', 'refusals']);
    expect(rows.length).toBeGreaterThan(150);
  });

  it.each(rows)('%s has a text in every locale, and zh-CN is Chinese', (id, translations) => {
    for (const locale of LOCALES) expect(render(translations[locale]).trim() === '' && !SAME_IN_EVERY_LOCALE.has(id), `${id} ${locale}`).toBe(false);
    if (SAME_IN_EVERY_LOCALE.has(id)) return;
    const zh = render(translations['zh-CN']);
    expect(zh, id).toMatch(CJK);
    expect(zh).not.toBe(render(translations.en));
    expect(englishWords(zh, ALLOWED), `${id}: ${zh}`).toEqual([]);
  });

  it('messagesIn gives one function per id, in the locale', () => {
    const zh = messagesIn(MESSAGE_CATALOGUE['cli'] ?? {}, 'zh-CN') as Record<string, (p?: unknown) => string>;
    expect(zh['summaryLine']?.({ errors: 2, warnings: 1 })).toBe('发现 2 个错误、1 个警告。');
    const en = messagesIn(MESSAGE_CATALOGUE['cli'] ?? {}, 'en') as Record<string, (p?: unknown) => string>;
    expect(en['summaryLine']?.({ errors: 1, warnings: 2 })).toBe('Found 1 error and 2 warnings.');
  });

  it('every scenario diagnostic code has a Chinese message', () => {
    for (const code of SCENARIO_CODES) {
      const zh = scenarioMessage(code, { reason: '原因', key: 'k', allowed: 'a', at: '1', previous: '0', start: '0', event: 'E', id: 'x', known: 'y' }, 'zh-CN');
      expect(zh, code).toMatch(CJK);
      expect(englishWords(zh, ALLOWED), code).toEqual([]);
    }
  });

  it('the scenario schema’s rejection message lists exactly the rejection codes', () => {
    expect(SCENARIO_FIELD_MESSAGES.rejected.en).toBe(`expected true, false or one of ${REJECTION_CODES.join(', ')}`);
  });

  it('report labels have the same keys in every locale, and the zh-CN ones are Chinese', () => {
    const en = reportLabels('en') as unknown as Record<string, string>;
    const zh = reportLabels('zh-CN') as unknown as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const english = Object.entries(zh).filter(([, text]) => englishWords(text, ALLOWED).length > 0);
    expect(english).toEqual([]);
  });

  it('YAML problems: zh-CN by the library code, English keeps the library sentence, unknown codes named', () => {
    expect(yamlProblemText('TAB_AS_INDENT', 'Tabs are not allowed as indentation', 'zh-CN')).toBe('用了制表符缩进；请改用空格缩进');
    expect(yamlProblemText('TAB_AS_INDENT', 'Tabs are not allowed as indentation', 'en')).toBe('Tabs are not allowed as indentation');
    expect(yamlProblemText('SOMETHING_NEW', 'New thing', 'zh-CN')).toBe('YAML 问题（代码 SOMETHING_NEW）');
  });
});

describe('command help in every locale', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s has zh-CN help: summary, usage, description, every option', (_, command) => {
    const zh = command.translations?.['zh-CN'];
    expect(zh).toBeDefined();
    expect(zh?.usage.split(' ')[0]).toBe(command.name);
    expect(zh?.summary).toMatch(CJK);
    expect(zh?.description === undefined).toBe(command.description === undefined);
    // the same options, in the same order
    const names = (rows: ReadonlyArray<readonly [string, string]> | undefined) => (rows ?? []).map(([left]) => left.match(/--[a-z-]+/)?.[0]);
    expect(names(zh?.optionHelp)).toEqual(names(command.optionHelp));
  });

  it('planwright --help in zh-CN has no English word; in English it is as before', () => {
    const zh = programHelp(COMMANDS, 'zh-CN');
    expect(zh.split('\n')[0]).toBe('用法：planwright <命令> [选项]');
    expect(englishWords(zh, ALLOWED)).toEqual([]);
    expect(programHelp(COMMANDS).split('\n')[0]).toBe('Usage: planwright <command> [options]');
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('planwright %s --help in zh-CN has no English word', (_, command) => {
    const text = commandHelp(command, 'zh-CN');
    expect(text).toContain('选项：');
    expect(englishWords(text, ALLOWED)).toEqual([]);
  });
});

describe('which locale people read', () => {
  it('is --locale, else the plan’s first locale planwright speaks, else LANG, else en', () => {
    expect(resolveLocale({ option: 'en', planLocales: ['zh-CN'], lang: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale({ planLocales: ['zh-CN', 'en'], lang: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale({ planLocales: ['fr', 'zh-Hans'] })).toBe('zh-CN');
    expect(resolveLocale({ planLocales: ['fr'], lang: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale({ lang: 'C.UTF-8' })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, skipping C and POSIX', () => {
    expect(environmentLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh_CN.UTF-8');
    expect(environmentLanguage({ LC_ALL: 'C', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en_GB.UTF-8');
    expect(environmentLanguage({})).toBeUndefined();
  });
});
