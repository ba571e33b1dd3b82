import type { Condition } from '../../dsl/schema/condition.js';
import type { Deadline } from '../../dsl/schema/deadline.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import { localize } from '../plan-definition-of.js';

/** Locales diagram labels are written in. */
export type DiagramLocale = 'en' | 'zh-CN';

/** The fixed words of a diagram. */
export interface DiagramWords {
  readonly by: string;
  readonly when: string;
  readonly otherwise: string;
  readonly allTracksDone: string;
  /** `30m after open` */
  readonly afterOpen: (due: string) => string;
  /** `1h after entering` */
  readonly afterEntering: (due: string) => string;
  readonly metBy: string;
  readonly recurring: string;
  readonly everyStage: string;
  readonly staysHere: string;
  readonly deadline: string;
  readonly noOwner: string;
  readonly and: string;
  readonly or: string;
  readonly not: string;
  readonly isSet: string;
  readonly isNotSet: string;
}

const WORDS: Record<DiagramLocale, DiagramWords> = {
  en: {
    by: 'by',
    when: 'when',
    otherwise: 'otherwise',
    allTracksDone: 'all tracks done',
    afterOpen: (due) => `${due} after open`,
    afterEntering: (due) => `${due} after entering`,
    metBy: 'met by',
    recurring: 'recurring',
    everyStage: 'In every stage that is not final',
    staysHere: 'Also accepted here (stays)',
    deadline: 'Deadline',
    noOwner: 'no owner',
    and: 'and',
    or: 'or',
    not: 'not',
    isSet: 'is set',
    isNotSet: 'is not set',
  },
  'zh-CN': {
    by: '由',
    when: '当',
    otherwise: '否则',
    allTracksDone: '各项任务完成',
    afterOpen: (due) => `自事件开始 ${due} 内`,
    afterEntering: (due) => `自进入阶段 ${due} 内`,
    metBy: '完成事件',
    recurring: '周期性',
    everyStage: '所有未结束阶段均可',
    staysHere: '本阶段还接受（不转换阶段）',
    deadline: '时限',
    noOwner: '无负责小组',
    and: '且',
    or: '或',
    not: '非',
    isSet: '已填写',
    isNotSet: '未填写',
  },
};

/**
 * The fixed words of a diagram in a locale (English unless `zh-CN`).
 *
 * @example
 * diagramWords('zh-CN').otherwise; // '否则'
 */
export function diagramWords(locale: string): DiagramWords {
  return locale === 'zh-CN' ? WORDS['zh-CN'] : WORDS.en;
}

/**
 * The locale a diagram of `plan` is drawn in: the one asked for, else the plan's first locale, else English.
 *
 * @example
 * diagramLocaleOf(seedPlan); // 'zh-CN'
 */
export function diagramLocaleOf(plan: PlanDefinition, requested?: string): DiagramLocale {
  const locale = requested ?? plan.locales?.[0] ?? 'en';
  return locale === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * A stage, track or team title followed by its id, e.g. `事件识别与报告 (report)`.
 *
 * @example
 * titled({ id: 'report', title: { en: 'report it' } }, 'en'); // 'report it (report)'
 */
export function titled(item: { id: string; title?: Parameters<typeof localize>[0] }, locale: string): string {
  const title = localize(item.title, locale, item.id).replace(/\s+/g, ' ').trim();
  return title === '' || title === item.id ? item.id : `${title} (${item.id})`;
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A condition as short text: `severity in I, II`, `heat ≥ 5 and not (reason is set)`.
 *
 * @example
 * conditionText({ field: 'severity', in: ['I', 'II'] }, diagramWords('en')); // 'severity in I, II'
 */
export function conditionText(condition: Condition, words: DiagramWords): string {
  if ('all' in condition) return condition.all.map((c) => group(c, words)).join(` ${words.and} `);
  if ('any' in condition) return condition.any.map((c) => group(c, words)).join(` ${words.or} `);
  if ('not' in condition) return `${words.not} (${conditionText(condition.not, words)})`;
  const { field } = condition;
  const parts: string[] = [];
  if (condition.eq !== undefined) parts.push(`${field} = ${scalar(condition.eq)}`);
  if (condition.ne !== undefined) parts.push(`${field} ≠ ${scalar(condition.ne)}`);
  if (condition.in !== undefined) parts.push(`${field} in ${condition.in.map(scalar).join(', ')}`);
  if (condition.lt !== undefined) parts.push(`${field} < ${condition.lt}`);
  if (condition.lte !== undefined) parts.push(`${field} ≤ ${condition.lte}`);
  if (condition.gt !== undefined) parts.push(`${field} > ${condition.gt}`);
  if (condition.gte !== undefined) parts.push(`${field} ≥ ${condition.gte}`);
  if (condition.exists !== undefined) parts.push(`${field} ${condition.exists ? words.isSet : words.isNotSet}`);
  return parts.length === 0 ? field : parts.join(` ${words.and} `);
}

function group(condition: Condition, words: DiagramWords): string {
  const text = conditionText(condition, words);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}

/**
 * A deadline's due time as text: `30m`, or per severity in the plan's level order `I 1h, II 1h, III 2h`.
 *
 * @example
 * dueText({ I: '1h', II: '2h' }, ['I', 'II']); // 'I 1h, II 2h'
 */
export function dueText(due: Deadline['due'], levels: readonly string[]): string {
  if (typeof due === 'string') return due;
  if ('clock' in due && typeof due.clock === 'string') return `${due.clock}`;
  if ('band' in due && typeof due.band === 'string') {
    const banded = due as { band: string; bands: { below?: number; due: string }[] };
    return banded.bands.map((b) => (b.below === undefined ? `${banded.band} else ${b.due}` : `${banded.band} < ${b.below} ${b.due}`)).join(', ');
  }
  const perLevel = due as Record<string, string>;
  const keys = [...levels.filter((l) => Object.hasOwn(perLevel, l)), ...Object.keys(perLevel).filter((k) => !levels.includes(k))];
  return keys.map((k) => `${k} ${perLevel[k] ?? ''}`).join(', ');
}

/**
 * One line describing a deadline: `Deadline report at once (report): 30m after open · met by REPORT`.
 *
 * @example
 * deadlineText(plan.deadlines[0], plan, 'en'); // 'Deadline report at once (report): 30m after open · met by REPORT'
 */
export function deadlineText(deadline: Deadline, plan: PlanDefinition, locale: string): string {
  const words = diagramWords(locale);
  const levels = plan.severity.map((l) => l.id);
  const due = dueText(deadline.due, levels);
  const parts = [`${words.deadline} ${titled(deadline, locale)}: ${deadline.from === 'enter' ? words.afterEntering(due) : words.afterOpen(due)}`];
  if (deadline.when !== undefined) parts.push(`${words.when} ${conditionText(deadline.when, words)}`);
  if (deadline.recurring === true) parts.push(words.recurring);
  parts.push(`${words.metBy} ${deadline.metBy.join(', ')}`);
  return parts.join(' · ');
}
