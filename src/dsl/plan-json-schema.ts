import * as z from 'zod';
import { PlanSchema } from './schema/plan.js';
import { CLOCK_PATTERN, DURATION_PATTERN, FIELD_REF_PATTERN, ID_PATTERN, LOCALE_PATTERN, NOTIFY_TARGET_PATTERN, SEMVER_PATTERN } from './schema/patterns.js';
import { SCHEMA_DESCRIPTIONS_ZH_CN } from './schema-descriptions-zh-cn.js';

/** What an editor shows when a value fails a pattern: in words, English then Chinese, never the regex. */
const PATTERN_MESSAGES = new Map<string, string>([
  [ID_PATTERN.source, 'An id: a letter, then letters, digits, "-" or "_", e.g. info-officer. / 标识符：以字母开头，只含字母、数字、"-" 和 "_"，例如 info-officer。'],
  [DURATION_PATTERN.source, 'A duration such as 30m, 2h, 1h30m, 7d or PT30M (not 30分钟 or 半小时). / 时长应写成 30m、2h、1h30m、7d 或 PT30M（不能写 30分钟、半小时）。'],
  [LOCALE_PATTERN.source, 'A locale such as zh-CN or en. / 语言代码，例如 zh-CN 或 en。'],
  [SEMVER_PATTERN.source, 'A version such as 1.0.0. / 版本号，例如 1.0.0。'],
  [FIELD_REF_PATTERN.source, 'A field id (a letter, then letters, digits, "-" or "_"), or severity.previous / severity.change. / 字段标识（以字母开头，只含字母、数字、"-" 和 "_"），或 severity.previous / severity.change。'],
  [NOTIFY_TARGET_PATTERN.source, 'A role id, or owner.leader / owner.deputy / owner.members (that position of the team owning the stage at the incident\'s level). / 角色标识，或 owner.leader / owner.deputy / owner.members（事件当前等级下负责该阶段的小组的相应岗位）。'],
  [CLOCK_PATTERN.source, 'A time of day such as 21:00 (24-hour, not 晚上9点 or 21点). / 时刻应写成 21:00 这样的 24 小时制（不能写 晚上9点 或 21点）。'],
]);

/**
 * Adds to every node of a generated schema what editors show a Chinese-writing planner: a
 * `markdownDescription` with the English description and its Chinese translation, and for the
 * patterns of ids, durations, locales and versions a `patternErrorMessage` (yaml-language-server,
 * VS Code) and `errorMessage` (ajv-errors style) in words.
 */
function addEditorTexts(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) addEditorTexts(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) addEditorTexts(value);
  if (typeof record.description === 'string') {
    const zh = SCHEMA_DESCRIPTIONS_ZH_CN[record.description];
    record.markdownDescription = zh === undefined ? record.description : `${record.description}\n\n${zh}`;
  }
  if (typeof record.pattern === 'string') {
    const message = PATTERN_MESSAGES.get(record.pattern);
    if (message !== undefined) {
      record.patternErrorMessage = message;
      record.errorMessage = { pattern: message };
    }
  }
}

/** Keywords schema.json adds for editors (validators that do not know them must be told to ignore them). */
export const EDITOR_KEYWORDS = ['markdownDescription', 'patternErrorMessage', 'errorMessage'] as const;

/**
 * The JSON Schema (draft 2020-12) of plan files, generated from the zod schema: what editors use for
 * completion and inline checks (`# yaml-language-server: $schema=…/schema.json`). It describes the
 * input side (defaults may be omitted). Cross-references are checked by `checkPlan`, not by it.
 * Every description is shown in English and Chinese (`markdownDescription`), and a value that fails
 * the id, duration, locale or version pattern gets a message in words (`patternErrorMessage`).
 *
 * @example
 * writeFileSync('schema.json', JSON.stringify(planJsonSchema(), null, 2));
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  addEditorTexts(schema);
  return {
    $schema: schema.$schema,
    title: schema.title ?? 'planwright plan',
    ...schema,
  };
}
