import { describe, expect, it } from 'vitest';
import { REFUSAL_MESSAGES, refusalMeaning, refusalText } from '../../src/messages/refusal-messages.js';
import { SEND_ERROR_CODES } from '../../src/runtime/send-error.js';
import { ALWAYS_ALLOWED, englishWords } from './english-words.js';

const CJK = /[\u4e00-\u9fff]/;
/** Every code the engine refuses or throws with (`SendErrorCode` and `EngineErrorCode`'s own two). */
const ENGINE_CODES = [...SEND_ERROR_CODES, 'disposed', 'unknown-effect-handler'];

describe('engine refusal codes in words', () => {
  it('the table has exactly the engine codes, plus the words for a code it does not know', () => {
    expect(Object.keys(REFUSAL_MESSAGES).sort()).toEqual([...ENGINE_CODES, 'otherCode'].sort());
  });

  it.each(ENGINE_CODES)('%s has an English text and a Chinese one with no English word', (code) => {
    const en = refusalMeaning(code, 'en');
    const zh = refusalMeaning(code, 'zh-CN');
    expect(en).toMatch(/^[a-z][a-z ,'.;-]+[a-z]$/);
    expect(zh).toMatch(CJK);
    expect(englishWords(zh, ALWAYS_ALLOWED), zh).toEqual([]);
    expect(zh).not.toBe(en);
  });

  it('a code it does not know is named, in both languages', () => {
    expect(refusalMeaning('rate-limited', 'en')).toBe('the engine refused it (code rate-limited)');
    expect(refusalMeaning('rate-limited', 'zh-CN')).toBe('引擎拒绝了它（代码 rate-limited）');
    expect(refusalMeaning('otherCode', 'zh-CN')).toBe('引擎拒绝了它（代码 otherCode）');
  });

  it('refusalText: the engine’s own message in English, the code’s meaning in zh-CN or when there is no message', () => {
    const refusal = { code: 'not-in-stage', message: 'event "X" is not accepted in stage "y"' };
    expect(refusalText(refusal, 'en')).toBe('event "X" is not accepted in stage "y"');
    expect(refusalText(refusal, 'zh-CN')).toBe('当前阶段不接受这个事件，或它的条件不成立');
    expect(refusalText({ code: 'closed' }, 'en')).toBe('the incident is closed and takes no more events');
    expect(refusalText({ code: 'closed', message: '' }, 'en')).toBe('the incident is closed and takes no more events');
  });
});
