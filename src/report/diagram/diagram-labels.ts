import { tryParseDuration } from '../../compile/duration.js';
import type { Condition, FieldOperand, ThresholdOperand } from '../../dsl/schema/condition.js';
import type { ByValue } from '../../plan-format/by-entries.js';
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
  /** `in` (a value among several). */
  readonly isIn: string;
  /** Separator of a list of names (`, ` / `、`). */
  readonly list: string;
  /** `any role` */
  readonly anyRole: string;
  /** A team position: `Command leader` / `指挥组组长`. */
  readonly position: (team: string, position: 'leader' | 'deputy' | 'members') => string;
  /** A duration from its parts (days, hours, minutes, seconds): `1 h 30 min` / `1小时30分钟`. */
  readonly duration: (parts: DurationParts) => string;
  /** A breach action that notifies: `notify` / `通知`. */
  readonly notify: string;
  /** A breach action that records a line: `record` / `记录`. */
  readonly record: string;
  /** A breach action that changes the level: `regrade` / `调整等级`. */
  readonly regrade: string;
  /** A reminder's lead time: `10 min before` / `10分钟前`. */
  readonly before: (duration: string) => string;
  /** Where a deadline counts from: the open of the incident. */
  readonly fromOpen: string;
  /** Where a deadline counts from: entering a stage (`enter decide the response` / `进入 制定策略`). */
  readonly fromEntering: (stage: string) => string;
  /** DSL v2: a track present only at some levels, `at levels III, II, I` / `适用等级 III、II、I`. */
  readonly atLevels: (levels: string) => string;
  /** DSL v2: the owner at some levels, `at II, I: municipal flood HQ` / `II、I级由市防汛指挥部负责`. */
  readonly ownedAt: (levels: string, team: string) => string;
}

/** A duration cut into whole days, hours, minutes and seconds. */
export interface DurationParts {
  readonly d: number;
  readonly h: number;
  readonly m: number;
  readonly s: number;
}

function joinParts(parts: DurationParts, units: Readonly<Record<keyof DurationParts, string>>, separator: string): string {
  const out = (['d', 'h', 'm', 's'] as const).filter((k) => parts[k] > 0).map((k) => `${parts[k]}${units[k]}`);
  return out.length === 0 ? `0${units.s}` : out.join(separator);
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
    isIn: 'in',
    list: ', ',
    anyRole: 'any role',
    position: (team, position) => `${team} ${position}`,
    duration: (parts) => joinParts(parts, { d: ' d', h: ' h', m: ' min', s: ' s' }, ' '),
    notify: 'notify',
    record: 'record',
    regrade: 'regrade',
    before: (duration) => `${duration} before`,
    fromOpen: 'open',
    fromEntering: (stage) => `enter ${stage}`,
    atLevels: (levels) => `at levels ${levels}`,
    ownedAt: (levels, team) => `at ${levels}: ${team}`,
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
    isIn: '属于',
    list: '、',
    anyRole: '任一角色',
    position: (team, position) => `${team}${{ leader: '组长', deputy: '副组长', members: '组员' }[position]}`,
    duration: (parts) => joinParts(parts, { d: '天', h: '小时', m: '分钟', s: '秒' }, ''),
    notify: '通知',
    record: '记录',
    regrade: '调整等级',
    before: (duration) => `${duration}前`,
    fromOpen: '事件开始',
    fromEntering: (stage) => `进入 ${stage}`,
    atLevels: (levels) => `适用等级 ${levels}`,
    ownedAt: (levels, team) => `${levels}级由${team}负责`,
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
 * A title with, when `ids` is set, its id after it: `事件识别与报告` or `事件识别与报告 (report)`;
 * the id alone when there is no title.
 *
 * @example
 * titled({ id: 'report', title: { en: 'report it' } }, 'en', true); // 'report it (report)'
 */
export function titled(item: { id: string; title?: Parameters<typeof localize>[0] }, locale: string, ids = false): string {
  const title = localize(item.title, locale, item.id).replace(/\s+/g, ' ').trim();
  if (title === '' || title === item.id) return item.id;
  return ids ? `${title} (${item.id})` : title;
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The labels of one diagram of a plan in one locale: titles of stages, tracks, teams, events,
 * fields and deadlines, who may fire a transition (role and team titles, team positions as
 * 组长/副组长/组员 or leader/deputy/members), durations in words (`30分钟`, `2 h`), with ids after
 * the titles only when `ids` is set.
 *
 * @example
 * const labels = new DiagramLabels(plan, 'zh-CN', false);
 * labels.who('command.leader'); // '指挥组组长'
 * labels.duration('1h30m'); // '1小时30分钟'
 */
export class DiagramLabels {
  readonly words: DiagramWords;
  readonly #titles = new Map<string, Parameters<typeof localize>[0]>();
  readonly #teams = new Map<string, Parameters<typeof localize>[0]>();
  readonly #roles = new Map<string, Parameters<typeof localize>[0]>();
  readonly #fields = new Map<string, Parameters<typeof localize>[0]>();
  readonly #levels: readonly string[];

  constructor(
    readonly plan: PlanDefinition,
    readonly locale: DiagramLocale,
    readonly ids: boolean,
  ) {
    this.words = diagramWords(locale);
    for (const event of plan.events) if (event.title !== undefined) this.#titles.set(event.id, event.title);
    for (const team of plan.teams) this.#teams.set(team.id, team.title);
    for (const role of plan.roles) this.#roles.set(role.id, role.title);
    for (const field of plan.fields) if (field.title !== undefined) this.#fields.set(field.id, field.title);
    this.#levels = plan.severity.map((l) => l.id);
  }

  /** A stage, track, team or deadline: its title (and id). */
  item(item: { id: string; title?: Parameters<typeof localize>[0] }): string {
    return titled(item, this.locale, this.ids);
  }

  /** An event: its title (and id), else its id. */
  event(id: string): string {
    return titled({ id, title: this.#titles.get(id) }, this.locale, this.ids);
  }

  /** The events of a list, joined. */
  events(ids: readonly string[]): string {
    return ids.map((id) => this.event(id)).join(this.words.list);
  }

  /** A field of a condition: its title (and id), else its id. */
  field(id: string): string {
    return titled({ id, title: this.#fields.get(id) }, this.locale, this.ids);
  }

  /** One entry of `by`: a role, a team, `team.leader|deputy|members` or `any-role`, in words. */
  who(entry: string): string {
    const withId = (text: string): string => (this.ids && text !== entry ? `${text} (${entry})` : text);
    if (entry === 'any-role') return withId(this.words.anyRole);
    const dot = entry.indexOf('.');
    if (dot > 0) {
      const team = entry.slice(0, dot);
      const position = entry.slice(dot + 1);
      const title = this.#teams.get(team);
      if (title !== undefined && (position === 'leader' || position === 'deputy' || position === 'members')) {
        return withId(this.words.position(localize(title, this.locale, team), position));
      }
      return entry;
    }
    const title = this.#teams.get(entry) ?? this.#roles.get(entry);
    return title === undefined ? entry : withId(localize(title, this.locale, entry));
  }

  /** Who may fire a transition, joined; a per-level `by` (DSL v2) as `level: who` per level. */
  whoList(by: ByValue): string {
    const list = (entries: readonly string[]): string => entries.map((entry) => this.who(entry)).join(this.words.list);
    if (Array.isArray(by)) return list(by);
    const perLevel = by as Record<string, readonly string[]>;
    return this.#inLevelOrder(Object.keys(perLevel))
      .map((level) => `${level}: ${list(perLevel[level] ?? [])}`)
      .join('; ');
  }

  /** DSL v2: the levels a track is present at (` · at levels III, II, I`), empty for a track at every level. */
  trackLevels(track: { levels?: readonly string[] | undefined }): string {
    return track.levels === undefined ? '' : ` · ${this.words.atLevels(this.#inLevelOrder(track.levels).join(this.words.list))}`;
  }

  /** DSL v2: a stage's owners per level (` · II, I: municipal flood HQ`), empty without `ownerByLevel`. */
  ownersByLevel(stage: { ownerByLevel?: Readonly<Record<string, string>> | undefined }): string {
    const byLevel = stage.ownerByLevel;
    if (byLevel === undefined) return '';
    const teams = [...new Set(Object.values(byLevel))];
    return teams
      .map((team) => ` · ${this.words.ownedAt(this.#inLevelOrder(Object.keys(byLevel).filter((level) => byLevel[level] === team)).join(this.words.list), this.who(team))}`)
      .join('');
  }

  /** Keys that name severity levels first, in the plan's order, then any others. */
  #inLevelOrder(keys: readonly string[]): string[] {
    const levels = this.#levels;
    return [...levels.filter((level) => keys.includes(level)), ...keys.filter((key) => !levels.includes(key))];
  }

  /**
   * A duration in words (`30分钟`, `1 h 30 min`), in units no larger than the largest written
   * (`24h` → `24小时`); the text as written when it is not a duration.
   */
  duration(text: string): string {
    const ms = tryParseDuration(text);
    if (ms === undefined) return text;
    // No unit larger than the largest written: 24h stays 24 hours, 1d is 1 day.
    const largest = /[dDW]/.test(text) ? 86_400 : /[hH]/.test(text) ? 3_600 : /[mM]/.test(text) ? 60 : 1;
    let seconds = Math.round(ms / 1000);
    const take = (size: number): number => {
      if (size > largest) return 0;
      const count = Math.floor(seconds / size);
      seconds -= count * size;
      return count;
    };
    const parts: DurationParts = { d: take(86_400), h: take(3_600), m: take(60), s: take(1) };
    return this.words.duration(parts);
  }

  /**
   * A due time: one duration, per severity in the plan's level order (`I 1小时、II 2小时`), a
   * clock time (`21:00`), or per band of a measured field (`rainfall < 10 12小时、6小时`).
   */
  due(due: Deadline['due']): string {
    if (typeof due === 'string') return this.duration(due);
    if ('clock' in due && typeof due.clock === 'string') return due.clock;
    if ('band' in due && typeof due.band === 'string') {
      const banded = due as { band: string; bands: ReadonlyArray<{ below?: number; due: string }> };
      const field = this.field(banded.band);
      return banded.bands
        .map((band) => (band.below === undefined ? `${this.words.otherwise} ${this.duration(band.due)}` : `${field} < ${band.below} ${this.duration(band.due)}`))
        .join(this.words.list);
    }
    const perLevel = due as Record<string, string>;
    return this.#inLevelOrder(Object.keys(perLevel))
      .map((k) => `${k} ${this.duration(perLevel[k] ?? '')}`)
      .join(this.words.list);
  }

  /** A condition as short text: `热度 ≥ 5 且 非 (原因 已填写)`; a named threshold as `警戒水位 + 1 m`. */
  condition(condition: Condition): string {
    return conditionText(condition, this.words, (id) => this.field(id), (operand) => thresholdText(this.plan, operand, this.locale, this.ids));
  }

  /** One line describing a deadline: `时限 首次回应: 自事件开始 30分钟 内 · 完成事件 发布声明`. */
  deadline(deadline: Deadline): string {
    const words = this.words;
    const due = this.due(deadline.due);
    const parts = [`${words.deadline} ${this.item(deadline)}: ${deadline.from === 'enter' ? words.afterEntering(due) : words.afterOpen(due)}`];
    if (deadline.when !== undefined) parts.push(`${words.when} ${this.condition(deadline.when)}`);
    if (deadline.recurring === true) parts.push(words.recurring);
    parts.push(`${words.metBy} ${this.events(deadline.metBy)}`);
    return parts.join(' · ');
  }
}

/**
 * A condition as short text: `severity in I, II`, `heat ≥ 5 and not (reason is set)`; `field`
 * names a field (its id by default).
 *
 * @example
 * conditionText({ field: 'severity', in: ['I', 'II'] }, diagramWords('en')); // 'severity in I, II'
 */
export function conditionText(
  condition: Condition,
  words: DiagramWords,
  field: (id: string) => string = (id) => id,
  threshold: (operand: ThresholdOperand) => string = (operand) => `${operand.threshold}${offsetText(operand.plus)}`,
): string {
  if ('all' in condition) return condition.all.map((c) => group(c, words, field, threshold)).join(` ${words.and} `);
  if ('any' in condition) return condition.any.map((c) => group(c, words, field, threshold)).join(` ${words.or} `);
  if ('not' in condition) return `${words.not} (${conditionText(condition.not, words, field, threshold)})`;
  const name = field(condition.field);
  const parts: string[] = [];
  if (condition.eq !== undefined) parts.push(`${name} = ${scalar(condition.eq)}`);
  if (condition.ne !== undefined) parts.push(`${name} ≠ ${scalar(condition.ne)}`);
  if (condition.in !== undefined) parts.push(`${name} ${words.isIn} ${condition.in.map(scalar).join(', ')}`);
  const bound = (value: number | FieldOperand | ThresholdOperand): string =>
    typeof value === 'number' ? String(value) : 'threshold' in value ? threshold(value) : `${field(value.field)}${offsetText(value.plus)}`;
  if (condition.lt !== undefined) parts.push(`${name} < ${bound(condition.lt)}`);
  if (condition.lte !== undefined) parts.push(`${name} ≤ ${bound(condition.lte)}`);
  if (condition.gt !== undefined) parts.push(`${name} > ${bound(condition.gt)}`);
  if (condition.gte !== undefined) parts.push(`${name} ≥ ${bound(condition.gte)}`);
  if (condition.exists !== undefined) parts.push(`${name} ${condition.exists ? words.isSet : words.isNotSet}`);
  return parts.length === 0 ? name : parts.join(` ${words.and} `);
}

/** ` + 1`, ` − 0.5`, or nothing for no offset. */
function offsetText(plus: number | undefined, unit = ''): string {
  return plus === undefined || plus === 0 ? '' : ` ${plus > 0 ? '+' : '−'} ${Math.abs(plus)}${unit === '' ? '' : ` ${unit}`}`;
}

/**
 * A named threshold (DSL v2) by its title, with its value when fixed and its offset in its unit:
 * `警戒水位 (4.5 m) + 1 m`; its id when the plan does not declare it.
 *
 * @example
 * thresholdText(plan, { threshold: 'warning-level', plus: 1 }, 'en'); // 'warning level (4.5 m) + 1 m'
 */
export function thresholdText(plan: Pick<PlanDefinition, 'thresholds'>, operand: ThresholdOperand, locale: string, ids = false): string {
  const declared = (plan.thresholds ?? []).find((t) => t.id === operand.threshold);
  if (declared === undefined) return `${operand.threshold}${offsetText(operand.plus)}`;
  const name = titled(declared, locale, ids);
  const value = declared.value === undefined ? '' : ` (${declared.value} ${declared.unit})`;
  return `${name}${value}${offsetText(operand.plus, declared.unit)}`;
}

function group(condition: Condition, words: DiagramWords, field: (id: string) => string, threshold: (operand: ThresholdOperand) => string): string {
  const text = conditionText(condition, words, field, threshold);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}
