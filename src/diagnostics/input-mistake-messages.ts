import type { InputMistakeCode, InputMistakeParams } from './codes.js';
import { quote, type MessageTable } from './message-table.js';

type InputMistakeMessages = Pick<MessageTable, InputMistakeCode>;

function knockOnEn(p: InputMistakeParams): string {
  const n = p.suppressed ?? 0;
  if (n === 0) return '';
  return ` (${n} knock-on error${n === 1 ? '' : 's'} it caused ${n === 1 ? 'is' : 'are'} not shown)`;
}

function knockOnZh(p: InputMistakeParams): string {
  const n = p.suppressed ?? 0;
  return n === 0 ? '' : `（由此引起的 ${n} 个后续错误未显示）`;
}

/** The pair of brackets written (`【】`) and the pair meant (`[]`). */
function brackets(p: InputMistakeParams): { written: string; meant: string } {
  const written = `${p.found.slice(0, 1)}${p.found.slice(-1)}`;
  const meant = p.expected.replace(/\s/g, '');
  return { written, meant };
}

/** English messages of the input-method slips: the character found and exactly what to type. */
export const inputMistakeMessagesEn: InputMistakeMessages = {
  'full-width-space': (p) =>
    `full-width space (U+3000) here; type ordinary half-width spaces instead (indentation and the space after ":" or "-" must be half-width)${knockOnEn(p)}.`,
  'tab-indentation': (p) => `a tab indents this line; YAML indents with spaces only, replace the tab with spaces${knockOnEn(p)}.`,
  'full-width-colon': (p) => `full-width colon "：" after the key; type the half-width colon ":" and a space instead${knockOnEn(p)}.`,
  'full-width-comma': (p) => `full-width comma "，" between entries; type the half-width comma "," instead${knockOnEn(p)}.`,
  'full-width-bracket': (p) => {
    const { written, meant } = brackets(p);
    return `${quote(p.found)} uses full-width brackets "${written}"; type the half-width "${meant}" instead${knockOnEn(p)}.`;
  },
  'full-width-parenthesis': (p) =>
    `${quote(p.found)} uses full-width parentheses "（）"; a list is written in half-width brackets: "[" and "]"${knockOnEn(p)}.`,
  'full-width-quote': (p) =>
    `Chinese quotes "“”" around ${quote(p.found)} are not quotes to YAML; type the half-width double quote '"' instead${knockOnEn(p)}.`,
};

/** Chinese messages of the input-method slips. */
export const inputMistakeMessagesZhCn: InputMistakeMessages = {
  'full-width-space': (p) => `这里是全角空格“　”，请改为半角空格（缩进以及冒号、短横线后面的空格都必须是半角）${knockOnZh(p)}。`,
  'tab-indentation': (p) => `这一行用制表符缩进；缩进只能用半角空格，请把制表符换成空格${knockOnZh(p)}。`,
  'full-width-colon': (p) => `全角冒号“：”，请改为半角冒号“:”（后面再加一个半角空格）${knockOnZh(p)}。`,
  'full-width-comma': (p) => `全角逗号“，”，请改为半角逗号“,”${knockOnZh(p)}。`,
  'full-width-bracket': (p) => {
    const { written, meant } = brackets(p);
    return `${quote(p.found)} 用了全角括号“${written}”，请改为半角括号“${meant}”${knockOnZh(p)}。`;
  },
  'full-width-parenthesis': (p) => `${quote(p.found)} 用了全角圆括号“（）”；列表要用半角方括号“[]”括起${knockOnZh(p)}。`,
  'full-width-quote': (p) => `${quote(p.found)} 用的是中文引号“”，不起引号的作用；请改为半角双引号 "${knockOnZh(p)}。`,
};
