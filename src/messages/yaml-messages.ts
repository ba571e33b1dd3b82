import type { Locale } from '../diagnostics/locale.js';
import { messagesIn, type MessageTable } from './message-table.js';

/**
 * Our words for the `yaml` library's error codes (`YAMLError.code`). English output keeps the
 * library's own, more specific sentence; zh-CN says what the code means and what to do.
 */
export const YAML_MESSAGES = {
  ALIAS_PROPS: { en: 'an alias cannot have an anchor or a tag', 'zh-CN': '别名（*名称）不能带锚点或标签' },
  BAD_ALIAS: { en: 'an alias (*name) refers to no anchor (&name) defined before it', 'zh-CN': '别名（*名称）引用的锚点（&名称）在它之前没有定义' },
  BAD_COLLECTION_TYPE: { en: 'a list or mapping is not of the kind its tag says', 'zh-CN': '列表或映射的类型与它的标签不符' },
  BAD_DIRECTIVE: { en: 'an unknown or malformed % directive', 'zh-CN': '无法识别或格式错误的 % 指令' },
  BAD_DQ_ESCAPE: { en: 'a backslash escape in a double-quoted text is not valid', 'zh-CN': '双引号文本中的反斜杠转义无效' },
  BAD_INDENT: {
    en: 'the indentation does not line up: the entries of one list or mapping must start in the same column',
    'zh-CN': '缩进没有对齐：同一列表或映射的各项必须从同一列开始',
  },
  BAD_PROP_ORDER: { en: 'anchors and tags must come before the value', 'zh-CN': '锚点和标签必须写在值的前面' },
  BAD_SCALAR_START: { en: 'a plain value cannot start with this character; put the text in quotes', 'zh-CN': '普通值不能以这个字符开头；请给文本加上引号' },
  BLOCK_AS_IMPLICIT_KEY: { en: 'a key cannot be a list or mapping; write a key, a colon, then the value', 'zh-CN': '键不能是列表或映射；请写成“键: 值”' },
  BLOCK_IN_FLOW: { en: 'a block list or mapping cannot stand inside [ ] or { }', 'zh-CN': '方括号 [ ] 或花括号 { } 中不能写多行的块结构' },
  DUPLICATE_KEY: { en: 'a key appears twice in the same mapping', 'zh-CN': '同一映射中出现了重复的键' },
  IMPOSSIBLE: { en: 'the YAML parser reached a state it cannot handle', 'zh-CN': 'YAML 解析器遇到了无法处理的状态' },
  MISSING_CHAR: {
    en: 'a closing character is missing: a quote, ] or }, or the ":" after a key',
    'zh-CN': '缺少配对的字符：引号、] 或 }，或键后面的“:”',
  },
  MULTILINE_IMPLICIT_KEY: {
    en: 'a key must be on one line and followed by ":"; is a ":" missing on the line before, or a value indented wrongly?',
    'zh-CN': '键必须写在一行内并紧跟“:”；是否上一行缺了“:”，或某个值的缩进不对？',
  },
  MULTIPLE_ANCHORS: { en: 'a value has more than one anchor (&name)', 'zh-CN': '一个值带了多个锚点（&名称）' },
  MULTIPLE_DOCS: {
    en: 'the file holds several YAML documents (separated by ---); write one document per file',
    'zh-CN': '文件中有多个 YAML 文档（以 --- 分隔）；一个文件只能写一个文档',
  },
  MULTIPLE_TAGS: { en: 'a value has more than one tag (!tag)', 'zh-CN': '一个值带了多个标签（!标签）' },
  NON_STRING_KEY: { en: 'keys must be plain text', 'zh-CN': '键必须是普通文本' },
  RESOURCE_EXHAUSTION: { en: 'the document is too large or nested too deeply', 'zh-CN': '文档太大或嵌套太深' },
  TAB_AS_INDENT: { en: 'a tab is used for indentation; indent with spaces', 'zh-CN': '用了制表符缩进；请改用空格缩进' },
  TAG_RESOLVE_FAILED: { en: 'the value does not fit its tag (!tag)', 'zh-CN': '值与它的标签（!标签）不符' },
  UNEXPECTED_TOKEN: {
    en: 'unexpected text here; check the indentation and the ":" or "-" before it',
    'zh-CN': '此处出现了意外的内容；请检查缩进，以及它前面的“:”或“-”',
  },
  unknownCode: {
    en: (p: { code: string }) => `YAML problem ${p.code}`,
    'zh-CN': (p: { code: string }) => `YAML 问题（代码 ${p.code}）`,
  },
} as const satisfies MessageTable;

type YamlErrorCode = Exclude<keyof typeof YAML_MESSAGES, 'unknownCode'>;

function isYamlErrorCode(code: string): code is YamlErrorCode {
  return code !== 'unknownCode' && Object.hasOwn(YAML_MESSAGES, code);
}

/**
 * A YAML parse problem in words: in English the library's own first line (`detail`), else our
 * text for its code.
 *
 * @example
 * yamlProblemText('TAB_AS_INDENT', 'Tabs are not allowed as indentation', 'zh-CN'); // '用了制表符缩进；请改用空格缩进'
 * yamlProblemText('TAB_AS_INDENT', 'Tabs are not allowed as indentation', 'en'); // 'Tabs are not allowed as indentation'
 */
export function yamlProblemText(code: string | undefined, detail: string, locale: Locale): string {
  if (locale === 'en' && detail !== '') return detail;
  const t = messagesIn(YAML_MESSAGES, locale);
  if (code === undefined) return detail;
  return isYamlErrorCode(code) ? t[code]() : t.unknownCode({ code });
}
