import type { Locale } from '../diagnostics/locale.js';
import type { EngineErrorCode } from '../runtime/send-error.js';
import { messagesIn, type MessageTable, type Translations } from './message-table.js';

/**
 * What each engine refusal or error code means, in words: the engine's own `message` is English
 * and names the event, stage and roles; these texts are what a person reads in other locales, and
 * wherever only the code was kept (a timeline's `rejected` entry). One entry per
 * {@link EngineErrorCode}: the type makes a missing code a compile error.
 */
export const REFUSAL_MESSAGES = {
  'unknown-event': { en: 'the plan declares no such event', 'zh-CN': '预案中没有声明这个事件' },
  'not-in-stage': {
    en: 'the event is not accepted in the current stage, or its condition does not hold',
    'zh-CN': '当前阶段不接受这个事件，或它的条件不成立',
  },
  unauthorized: {
    en: 'the sender holds none of the roles allowed to send this event here',
    'zh-CN': '发送人不担任可在此处发送这个事件的任何角色',
  },
  'invalid-data': { en: "the data does not fit the event's fields", 'zh-CN': '数据不符合这个事件的字段要求' },
  closed: { en: 'the incident is closed and takes no more events', 'zh-CN': '事件已关闭，不再接受操作' },
  'not-found': { en: 'there is no incident with this id', 'zh-CN': '没有这个编号的事件' },
  conflict: {
    en: 'the incident kept changing elsewhere at the same time; try again',
    'zh-CN': '该事件同时在别处被修改；请重试',
  },
  'plan-mismatch': {
    en: 'the incident was opened under another version of the plan, which this engine cannot take over',
    'zh-CN': '该事件是按另一版本的预案启动的，当前引擎无法接管',
  },
  corrupt: {
    en: 'the stored incident failed its integrity check, as if changed outside the engine; it is refused until it is repaired',
    'zh-CN': '存储的事件未通过完整性校验（在引擎之外被修改），修复之前不予处理',
  },
  disposed: { en: 'the engine has been stopped', 'zh-CN': '引擎已停止' },
  'unknown-effect-handler': {
    en: 'a handler was given for an effect the plan never asks for',
    'zh-CN': '提供了预案从不使用的效果处理程序',
  },
  otherCode: {
    en: (p: { code: string }) => `the engine refused it (code ${p.code})`,
    'zh-CN': (p: { code: string }) => `引擎拒绝了它（代码 ${p.code}）`,
  },
} as const satisfies MessageTable & Record<EngineErrorCode, Translations>;

type KnownCode = Exclude<keyof typeof REFUSAL_MESSAGES, 'otherCode'>;

function isKnownCode(code: string): code is KnownCode {
  return code !== 'otherCode' && Object.hasOwn(REFUSAL_MESSAGES, code);
}

/**
 * What a code means in a locale: the catalogue's text, or words naming an unknown code.
 *
 * @example
 * refusalMeaning('closed', 'zh-CN'); // '事件已关闭，不再接受操作'
 */
export function refusalMeaning(code: string, locale: Locale): string {
  const t = messagesIn(REFUSAL_MESSAGES, locale);
  return isKnownCode(code) ? t[code]() : t.otherCode({ code });
}

/**
 * A refusal as a person reads it: in English the engine's own message (it names the event, the
 * stage and the roles) when there is one, else — and in every other locale — the meaning of its
 * code ({@link refusalMeaning}).
 *
 * @example
 * refusalText({ code: 'closed', message: 'incident x is closed' }, 'en'); // 'incident x is closed'
 * refusalText({ code: 'closed', message: 'incident x is closed' }, 'zh-CN'); // '事件已关闭，不再接受操作'
 */
export function refusalText(refusal: { readonly code: string; readonly message?: string }, locale: Locale): string {
  if (locale === 'en' && refusal.message !== undefined && refusal.message !== '') return refusal.message;
  return refusalMeaning(refusal.code, locale);
}
