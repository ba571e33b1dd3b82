import type { DocumentPath } from '../../diagnostics/diagnostic.js';
import { hasUnsafeCharacters } from '../../diagnostics/terminal-safe-text.js';
import { defineRule } from '../rule.js';

/** Deepest nesting walked (the schema's own limit is lower). */
const MAX_WALK_DEPTH = 64;

/** The characters of a text that a terminal or a bidi-aware viewer would act on, as `U+XXXX`. */
function unsafeCodes(text: string): string {
  const codes = new Set<string>();
  for (const character of text) {
    if (hasUnsafeCharacters(character)) codes.add(`U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...codes].slice(0, 5).join(', ');
}

/**
 * A title, template body or other text holding terminal control characters (ESC, CR, C1 …) or
 * bidi controls: printed, they recolour or rewrite the terminal, or reorder what a reader sees.
 */
export const controlCharactersInText = defineRule({
  id: 'control-characters-in-text',
  defaultSeverity: 'warning',
  description: 'A title or other text of the plan that holds terminal control or bidi control characters.',
  messages: {
    control: {
      en: 'This text holds control characters ({{codes}}) that a terminal would act on or that reorder the line; planwright prints them as escapes. Delete them (they are often pasted in by accident).',
      'zh-CN': '此文本含有控制字符（{{codes}}），终端会执行它们或它们会打乱文字顺序；planwright 输出时会将其转义。请删除这些字符（它们通常是复制粘贴时误带进来的）。',
    },
  },
  check(ctx) {
    const walk = (value: unknown, path: DocumentPath, depth: number): void => {
      if (typeof value === 'string') {
        if (hasUnsafeCharacters(value)) ctx.report(path, 'control', { codes: unsafeCodes(value) });
        return;
      }
      if (depth >= MAX_WALK_DEPTH || typeof value !== 'object' || value === null) return;
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index], depth + 1));
      else for (const [key, item] of Object.entries(value)) walk(item, [...path, key], depth + 1);
    };
    walk(ctx.plan, [], 0);
  },
});
