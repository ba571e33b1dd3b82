import type { IdKind, InvalidValueParams, UnknownRefParams, ValueKind } from './codes.js';
import { inputMistakeMessagesZhCn } from './input-mistake-messages.js';
import { formatHintIn } from '../messages/format-hint-messages.js';
import { yamlProblemText } from '../messages/yaml-messages.js';
import { listOf, quote, type MessageTable } from './message-table.js';

const KIND: Record<ValueKind, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '映射（键: 值）',
  null: '空值',
};

const ID_KIND: Record<IdKind, string> = {
  severity: '严重程度等级',
  category: '触发类别',
  impact: '影响',
  role: '角色',
  team: '小组',
  field: '字段',
  resource: '资源',
  template: '模板',
  effect: '效果（effect）',
  event: '事件',
  stage: '阶段',
  track: '并行分支（track）',
  deadline: '时限',
  evaluation: '评估指标',
  migration: '迁移',
  'enum-value': '枚举值',
  measure: '评估度量（measure）',
  threshold: '阈值',
  suggestion: '等级建议',
};

const FORMAT: Record<string, string> = {
  id: '标识符须以字母开头，只含字母、数字、"-" 和 "_"（最多 64 个字符），例如 "info-officer"',
  version: '请写成 1.0.0 这样的版本号',
  locale: '请写成 "zh-CN" 或 "en" 这样的语言代码',
  timezone: '请写成 "Asia/Shanghai" 或 "Europe/Berlin" 这样的 IANA 时区名',
};

const LIST = '、';

function expectedText(expected: readonly string[]): string {
  const parts = expected.map((e) => (e in KIND ? KIND[e as ValueKind] : e));
  if (parts.length <= 1) return parts[0] ?? '其他值';
  return `${parts.slice(0, -1).join(LIST)}或${parts[parts.length - 1]}`;
}

function unknownRef(noun: string, section: string) {
  return (p: UnknownRefParams): string => {
    const hint = p.suggestion === undefined ? '' : `是否想写 ${quote(p.suggestion)}？`;
    const known = p.known.length === 0 ? `请在 ${section} 中声明它` : `请在 ${section} 中声明它，或使用以下之一：${listOf(p.known, 10, LIST)}`;
    return `未声明的${noun} ${quote(p.id)}。${hint}${known}。`;
  };
}

function invalidValue(p: InvalidValueParams): string {
  switch (p.kind) {
    case 'one-of': {
      const hint = p.suggestion === undefined ? '' : `是否想写 ${quote(p.suggestion)}？`;
      return `此处不允许 ${quote(p.value)}。${hint}请写以下之一：${listOf(p.values, 20, LIST)}。`;
    }
    case 'format':
      return `${quote(p.value)} 格式不对；${FORMAT[p.format] ?? `应为：${formatHintIn(p.hint, 'zh-CN') ?? p.hint ?? '正确格式的值'}`}。`;
    case 'too-small':
      if (p.origin === 'array') return `列表至少需要 ${p.limit} 项，请补充。`;
      if (p.origin === 'string') return p.limit <= 1 ? '文本为空；请填写内容或删除此键。' : `文本至少需要 ${p.limit} 个字符。`;
      return `数值必须${p.inclusive ? '大于或等于' : '大于'} ${p.limit}。`;
    case 'too-big':
      if (p.origin === 'array') return `列表最多 ${p.limit} 项，请删减。`;
      if (p.origin === 'string') return `文本最多 ${p.limit} 个字符，请缩短。`;
      return `数值必须${p.inclusive ? '小于或等于' : '小于'} ${p.limit}。`;
    case 'min-max':
      return `min（${p.min}）大于 max（${p.max}），请交换两者。`;
    case 'custom':
      return p.text;
  }
}

const NOT_A_FILE = { directory: '一个目录', fifo: '一个命名管道（FIFO）', socket: '一个套接字', device: '一个设备', other: '非普通文件' } as const;

/** 简体中文诊断信息：说明问题所在，并说明应当如何改写。 */
export const messagesZhCn: MessageTable = {
  'file-not-found': (p) => `文件 ${quote(p.file)} 不存在，请检查路径。`,
  'file-unreadable': (p) => `无法读取 ${quote(p.file)}：${p.detail}。`,
  'file-too-large': (p) =>
    `文件大小为 ${(p.size / 1048576).toFixed(1)} MB，预案文件最大 ${(p.limit / 1048576).toFixed(0)} MB；请用 include 拆分为多个文件。`,
  'yaml-syntax': (p) => `YAML 语法错误：${yamlProblemText(p.yamlCode, p.detail, 'zh-CN')}。`,
  'yaml-warning': (p) => `YAML 提示：${yamlProblemText(p.yamlCode, p.detail, 'zh-CN')}。`,
  'duplicate-key': (p) => `键 ${quote(p.key)} 在此映射中出现了多次，请只保留一个。`,
  'alias-limit': (p) => `YAML 别名展开后超过 ${p.limit} 个节点；请直接写出内容，不要反复引用别名。`,
  'too-deep': (p) => `文档嵌套超过 ${p.limit} 层；预案不需要这么深的结构，请简化。`,
  'forbidden-key': (p) => `不允许使用 ${quote(p.key)} 作为键，请改名或删除。`,
  'include-not-found': (p) => `被包含的文件 ${quote(p.file)} 不存在，请检查路径（路径相对于包含它的文件）。`,
  'include-outside-plan': (p) => `被包含的文件 ${quote(p.file)} 位于预案目录之外，请把它移到预案所在目录或其子目录中。`,
  'include-cycle': (p) => `${quote(p.file)} 最终包含了自身（${p.chain.join(' → ')}），请删除其中一个 include。`,
  'too-many-includes': (p) => `一个预案最多包含 ${p.limit} 个文件，请合并其中一些。`,
  'not-includable': (p) => `${quote(p.key)} 不能写在被包含的文件中。被包含的文件只能包含：${listOf(p.allowed, 20, LIST)}。`,
  'unknown-key': (p) =>
    p.suggestion === undefined
      ? `未知的键 ${quote(p.key)}。此处可用的键：${listOf(p.allowed, 30, LIST)}。`
      : `未知的键 ${quote(p.key)}。是否想写 ${quote(p.suggestion)}？`,
  'missing-key': (p) =>
    p.alternatives === undefined || p.alternatives.length === 0
      ? `缺少键 ${quote(p.key)}，请补上${p.values === undefined ? '' : `（取值为以下之一：${listOf(p.values, 20, LIST)}）`}。`
      : `缺少键，请写出以下之一：${listOf(p.alternatives, 10, LIST)}。`,
  'wrong-type': (p) => {
    const quoteHint =
      p.expected.includes('string') && (p.received === 'number' || p.received === 'boolean' || p.received === 'null')
        ? '如要写成文本，请给值加上引号。'
        : '';
    return `此处应为${expectedText(p.expected)}，实际为${KIND[p.received]}。${quoteHint}`;
  },
  'invalid-value': invalidValue,
  'bad-duration': (p) =>
    p.zero === true
      ? `${quote(p.value)} 为零；请写一个大于零的时长，例如 30m。`
      : p.suggestion !== undefined
        ? `${quote(p.value)} 不是有效的时长写法；请改为 ${p.suggestion}。`
        : `${quote(p.value)} 不是有效的时长；请写成 30m、2h、1h30m、7d 或 PT30M 这样的形式。`,
  'unknown-role': unknownRef('角色', 'roles'),
  'unknown-team': unknownRef('小组', 'teams'),
  'unknown-position': (p) =>
    `${quote(p.id)} 不是小组职位；请写 ${p.team}.leader、${p.team}.deputy 或 ${p.team}.members（或写 ${p.team} 表示全组）。`,
  'vacant-position': (p) => {
    const name = { leader: '组长（leader）', deputy: '副组长（deputy）', members: '成员（members）' }[p.position];
    const instead = p.position === 'members' || p.position === 'deputy' ? `${p.team}.leader` : `${p.team}.members`;
    return `小组 ${quote(p.team)} 没有${name}；请为该小组设置${name}，或改写为 ${instead}。`;
  },
  'unknown-stage': unknownRef('阶段', 'stages'),
  'unknown-event': unknownRef('事件', 'events'),
  'unknown-field': unknownRef('字段', 'fields'),
  'unknown-resource': unknownRef('资源', 'resources'),
  'unknown-template': unknownRef('模板', 'templates'),
  'unknown-severity': unknownRef('严重程度等级', 'severity'),
  'unknown-category': unknownRef('触发类别', 'categories'),
  'unknown-deadline': unknownRef('时限', 'deadlines'),
  'unknown-effect': unknownRef('效果（effect）', 'effects'),
  'unknown-placeholder': (p) => {
    const hint = p.suggestion === undefined ? '' : `是否想写 {{${p.suggestion}}}？`;
    return `未知的占位符 {{${p.id}}}。${hint}请使用字段标识或以下之一：${listOf(p.known, 40, LIST)}。`;
  },
  'duplicate-id': (p) => `${ID_KIND[p.kind]}标识 ${quote(p.id)} 重复声明；标识必须唯一，请重命名其中一个。`,
  'ambiguous-id': (p) =>
    p.id === 'any-role'
      ? '"any-role" 是保留字（表示持有本预案任一角色的人），请换一个标识。'
      : `${quote(p.id)} 既是角色标识又是小组标识，by: [${p.id}] 会产生歧义；请重命名其中一个。`,
  'missing-severity-level': (p) =>
    `此映射缺少严重程度等级 ${listOf(p.missing, 10, LIST)} 的时长；请为预案的每个严重程度等级都写出时长。`,
  'duplicate-severity-field': (p) =>
    `只能有一个字段的类型为 severity，${quote(p.first)} 已经是；请为 ${quote(p.id)} 换一种类型。`,
  'condition-type-mismatch': (p) => {
    switch (p.expected) {
      case 'none':
        return `${p.operator} 不适用于 ${p.fieldType} 类型的字段 ${quote(p.field)}；请使用 eq、ne、in 或 exists。`;
      case 'one-of': {
        const hint = p.suggestion === undefined ? '' : `是否想写 ${quote(p.suggestion)}？`;
        return `${p.value} 不是 ${p.fieldType} 类型字段 ${quote(p.field)} 的取值。${hint}请写以下之一：${listOf(p.allowed ?? [], 20, LIST)}。`;
      }
      default:
        return `${p.fieldType} 类型的字段 ${quote(p.field)} 与 ${p.value} 比较；此处 ${p.operator} 需要${KIND[p.expected]}。`;
    }
  },
  'condition-operator': (p) =>
    p.operators.length === 0
      ? `对 ${quote(p.field)} 的条件没有运算符；请加上 eq、ne、in、lt、lte、gt、gte、exists 之一。`
      : `对 ${quote(p.field)} 的条件有多个运算符（${p.operators.join('、')}）；每个条件只写一个，用 all: [...] 组合。`,
  'missing-done': (p) => `阶段 ${quote(p.stage)} 有并行分支（tracks）但没有 done；请加上 done: <阶段标识>（所有分支完成后进入的阶段）。`,
  'done-without-tracks': (p) => `阶段 ${quote(p.stage)} 写了 done 但没有并行分支（tracks）；请删除 done，或用带 target 的转移进入下一阶段。`,
  'target-in-track': (p) =>
    `并行分支 ${quote(p.track)} 中的转移不能有 target：执行该转移即完成该分支。请删除 target/targets，下一阶段由所在阶段的 done 指定。`,
  'deadline-needs-stage': (p) => `时限 ${quote(p.deadline)} 从进入某阶段起计算（from: enter），但没有指定阶段；请加上 stage: <阶段标识>。`,
  'too-many-diagnostics': (p) => `问题超过 ${p.limit} 个，请先修正这些。`,
  'internal-error': (p) => `planwright 检查此预案时出错（${p.detail}），请报告此问题。`,
  'not-a-file': (p) => `${quote(p.file)} 是${NOT_A_FILE[p.kind]}，不是预案文件；请给出预案文件（YAML 或 JSON）的路径。`,
  'unsupported-encoding': (p) => `此文件的编码是 ${p.encoding}（以 ${p.encoding} 字节顺序标记开头）；请另存为 UTF-8 编码后再检查。`,
  'includes-too-large': (p) =>
    `包含 ${quote(p.file)}（${mb(p.size)} MB）后，预案及其包含的文件共 ${mb(p.total)} MB；合计最多 ${mb(p.limit)} MB，请减小文件。`,
  'include-repeated': (p) => `${quote(p.file)} 已被包含过；其内容只读取一次，请删除这一处 include。`,
  ...inputMistakeMessagesZhCn,
  'unknown-measure': unknownRef('评估度量（measure）', 'measures'),
  'measure-field-not-number': (p) =>
    `评估度量 ${quote(p.measure)} 统计字段 ${quote(p.field)}，但它是 ${p.fieldType} 类型；field-change 需要数值（number）字段。`,
  'immediately-undefined': (p) =>
    `时限 ${quote(p.deadline)} 写了 immediately（立即），但预案没有规定“立即”是多长时间；请加上 timing: { immediately: 15m }（或预案自己的时限）。`,
  'deadline-event-missing': (p) => `时限 ${quote(p.deadline)} 从某事件起计算（from: event），但没有指定事件；请加上 event: <事件标识>。`,
  'deadline-condition-missing': (p) =>
    `时限 ${quote(p.deadline)} 从条件成立时起计算（from: condition），但没有 when；请加上 when: { field: …, eq: … }。`,
  'deadline-at-not-datetime': (p) =>
    `时限 ${quote(p.deadline)} 从字段 ${quote(p.field)} 起计算，但该字段是 ${p.fieldType} 类型而不是 datetime；请指定一个时间字段（事件发生的时间）。`,
  'deadline-match-without-each': (p) =>
    `时限 ${quote(p.deadline)} 写了 match 但没有 each: true；match 用于把每次触发与其对应的办结事件配对，请加上 each: true 或删除 match。`,
  'unknown-timezone': (p) => `${quote(p.timezone)} 不是时区；请写成 "Asia/Shanghai" 或 "Europe/Berlin" 这样的 IANA 时区名（通知中的时间和按钟点计算的时限都按它计算）。`,
  'band-field-not-number': (p) => `分档依据字段 ${quote(p.field)} 是 ${p.fieldType} 类型；请指定一个数值字段（测量值）。`,
  'bands-unordered': (p) => `第 ${p.index + 1} 档顺序有误：各档的 below 上限须递增，且只有最后一档不写 below（包含所有更大的值）。`,
  'unknown-threshold': unknownRef('阈值', 'thresholds'),
  'threshold-value-or-field': (p) =>
    p.given === 'none'
      ? `阈值 ${quote(p.threshold)} 没有数值；请写 value: <数值>（按其单位只声明一次）或 field: <数值字段>（运行时读取）。`
      : `阈值 ${quote(p.threshold)} 同时写了 value 和 field；请只保留一个：value（固定数值）或 field（运行时读取）。`,
  'threshold-field-not-number': (p) => `阈值 ${quote(p.threshold)} 读取字段 ${quote(p.field)}，但该字段是 ${p.fieldType} 类型；请指定一个数值字段。`,
  'suggestion-field-type': (p) =>
    p.expected === 'enum'
      ? `等级建议 ${quote(p.rule)} 依据的字段 ${quote(p.field)} 是 ${p.fieldType} 类型；from 须为枚举字段（例如预警颜色）。`
      : `等级建议 ${quote(p.rule)} 的 to 字段 ${quote(p.field)} 是 ${p.fieldType} 类型；to 须为等级（severity）字段。`,
  'suggestion-value-unknown': (p) => {
    const hint = p.suggestion === undefined ? '' : `是否想写 ${quote(p.suggestion)}？`;
    return `${quote(p.id)} 不是字段 ${quote(p.field)} 的取值。${hint}可映射的取值：${listOf(p.known)}。`;
  },
  'notify-owner-without-owner': (p) =>
    `${quote(p.entry)} 通知负责阶段 ${quote(p.stage)} 的小组，但该阶段没有负责小组；请为阶段写上 owner: <小组>（由其他小组负责的等级另写 ownerByLevel），或直接写角色。`,
};

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
