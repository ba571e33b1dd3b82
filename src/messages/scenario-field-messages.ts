import type { Locale } from '../diagnostics/locale.js';
import { translationsByEnglish, type MessageTable } from './message-table.js';

/**
 * What a drill file's value should look like, for the scenario schema's errors. The schema is
 * written with the English texts; {@link scenarioFieldMessage} finds the translation.
 */
export const SCENARIO_FIELD_MESSAGES = {
  nonEmptyText: { en: 'expected a non-empty text', 'zh-CN': '应为非空文本' },
  isoTime: {
    en: 'expected an ISO 8601 time with offset, e.g. 2026-03-02T09:00:00+08:00',
    'zh-CN': '应为带时区偏移的 ISO 8601 时间，例如 2026-03-02T09:00:00+08:00',
  },
  stepTime: {
    en: 'expected an offset from start (10m, 1h30m, 2d) or an ISO 8601 time with offset',
    'zh-CN': '应为相对开始时间的偏移（10m、1h30m、2d），或带时区偏移的 ISO 8601 时间',
  },
  eventData: { en: 'expected a mapping of field ids to values', 'zh-CN': '应为“字段: 值”的映射' },
  stageIds: { en: 'expected a stage id or a list of stage ids', 'zh-CN': '应为一个阶段标识，或阶段标识的列表' },
  deadlineIds: { en: 'expected a list of deadline ids', 'zh-CN': '应为时限标识的列表' },
  roleIds: { en: 'expected a list of role ids', 'zh-CN': '应为角色标识的列表' },
  rejected: {
    en: 'expected true, false or one of unknown-event, not-in-stage, unauthorized, invalid-data, closed',
    'zh-CN': '应为 true、false，或 unknown-event、not-in-stage、unauthorized、invalid-data、closed 之一',
  },
  boolean: { en: 'expected true or false', 'zh-CN': '应为 true 或 false' },
  people: { en: 'expected a mapping from person to the list of roles they hold', 'zh-CN': '应为“人员: 其担任的角色列表”的映射' },
  steps: { en: 'expected a list of steps', 'zh-CN': '应为步骤的列表' },
} as const satisfies MessageTable;

const translated = translationsByEnglish(SCENARIO_FIELD_MESSAGES);

/**
 * A scenario schema error in a locale: the translation of one of {@link SCENARIO_FIELD_MESSAGES}'s
 * English texts; another text is returned as it is in English and is `undefined` in other locales
 * (the caller then says it in general words).
 *
 * @example
 * scenarioFieldMessage('expected true or false', 'zh-CN'); // '应为 true 或 false'
 */
export function scenarioFieldMessage(english: string, locale: Locale): string | undefined {
  return locale === 'en' ? english : translated(english, locale);
}
