/**
 * Diagnostic codes for drill scenario files. Stable: CI pipelines and tests match on them.
 * Messages live apart from the codes ({@link scenarioMessage}) so that they can be translated.
 */
export const SCENARIO_CODES = [
  'file-not-found',
  'yaml-syntax',
  'missing-key',
  'unknown-key',
  'invalid-type',
  'invalid-value',
  'steps-out-of-order',
  'step-before-start',
  'send-without-by',
  'by-without-send',
  'data-without-send',
  'rejected-without-send',
  'unknown-person',
  'unknown-role',
  'unknown-category',
  'unknown-event',
  'unknown-stage',
  'unknown-severity',
  'unknown-deadline',
] as const;

/** One of {@link SCENARIO_CODES}. */
export type ScenarioCode = (typeof SCENARIO_CODES)[number];

/** Locales scenario messages are available in. */
export type ScenarioLocale = 'en' | 'zh-CN';

/** @inline */
type Params = Record<string, string>;

const EN: Record<ScenarioCode, (p: Params) => string> = {
  'file-not-found': (p) => `cannot read scenario file: ${p.reason}`,
  'yaml-syntax': (p) => `YAML syntax error: ${p.reason}`,
  'missing-key': (p) => `missing required key "${p.key}"`,
  'unknown-key': (p) => `unknown key "${p.key}"${p.allowed ? `; expected one of ${p.allowed}` : ''}`,
  'invalid-type': (p) => p.reason ?? 'wrong type',
  'invalid-value': (p) => p.reason ?? 'invalid value',
  'steps-out-of-order': (p) => `step at ${p.at} comes before the previous step (${p.previous}); steps must be in time order`,
  'step-before-start': (p) => `step at ${p.at} is before the drill start ${p.start}`,
  'send-without-by': (p) => `step sends ${p.event} but names no person in "by"`,
  'by-without-send': () => `"by" is only meaningful on a step that sends an event`,
  'data-without-send': () => `"data" is only meaningful on a step that sends an event`,
  'rejected-without-send': () => `"expect.rejected" is only allowed on a step that sends an event`,
  'unknown-person': (p) => `unknown person "${p.id}"; people in this drill: ${p.known}`,
  'unknown-role': (p) => `role "${p.id}" is not declared by the plan`,
  'unknown-category': (p) => `category "${p.id}" is not declared by the plan; expected one of ${p.known}`,
  'unknown-event': (p) => `event "${p.id}" is not declared by the plan (expect "rejected: unknown-event" to test a rejection)`,
  'unknown-stage': (p) => `stage "${p.id}" is not declared by the plan; expected one of ${p.known}`,
  'unknown-severity': (p) => `severity "${p.id}" is not declared by the plan; expected one of ${p.known}`,
  'unknown-deadline': (p) => `deadline "${p.id}" is not declared by the plan; expected one of ${p.known}`,
};

const ZH: Record<ScenarioCode, (p: Params) => string> = {
  'file-not-found': (p) => `无法读取演练文件：${p.reason}`,
  'yaml-syntax': (p) => `YAML 语法错误：${p.reason}`,
  'missing-key': (p) => `缺少必填项“${p.key}”`,
  'unknown-key': (p) => `未知的键“${p.key}”${p.allowed ? `；可用的键：${p.allowed}` : ''}`,
  'invalid-type': (p) => p.reason ?? '类型错误',
  'invalid-value': (p) => p.reason ?? '取值无效',
  'steps-out-of-order': (p) => `步骤时间 ${p.at} 早于上一步（${p.previous}）；步骤须按时间顺序排列`,
  'step-before-start': (p) => `步骤时间 ${p.at} 早于演练开始时间 ${p.start}`,
  'send-without-by': (p) => `步骤发送 ${p.event}，但未在“by”中指定人员`,
  'by-without-send': () => `只有发送事件的步骤才需要“by”`,
  'data-without-send': () => `只有发送事件的步骤才需要“data”`,
  'rejected-without-send': () => `“expect.rejected”只能用于发送事件的步骤`,
  'unknown-person': (p) => `未知人员“${p.id}”；本演练的人员：${p.known}`,
  'unknown-role': (p) => `预案未声明角色“${p.id}”`,
  'unknown-category': (p) => `预案未声明类别“${p.id}”；可选：${p.known}`,
  'unknown-event': (p) => `预案未声明事件“${p.id}”（如要测试拒绝，请写“rejected: unknown-event”）`,
  'unknown-stage': (p) => `预案未声明阶段“${p.id}”；可选：${p.known}`,
  'unknown-severity': (p) => `预案未声明等级“${p.id}”；可选：${p.known}`,
  'unknown-deadline': (p) => `预案未声明时限“${p.id}”；可选：${p.known}`,
};

/**
 * The human message for a scenario diagnostic code, in English (default) or zh-CN.
 *
 * @example
 * ```ts
 * scenarioMessage('unknown-person', { id: 'wu', known: 'wang, li' });
 * // 'unknown person "wu"; people in this drill: wang, li'
 * ```
 */
export function scenarioMessage(code: ScenarioCode, params: Params = {}, locale: ScenarioLocale = 'en'): string {
  return (locale === 'zh-CN' ? ZH : EN)[code](params);
}
