import { tryParseDuration } from '../../compile/duration.js';
import type { Action } from '../../dsl/schema/action.js';
import type { Deadline } from '../../dsl/schema/deadline.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../../dsl/schema/transition.js';
import { localize } from '../plan-definition-of.js';
import { conditionText, diagramLocaleOf, diagramWords } from './diagram-labels.js';
import { byEntries } from '../../dsl/by-entries.js';

/** A stage of a {@link PlanGraph}. */
export interface PlanGraphStage {
  id: string;
  /** Title in the graph's locale (the id when the plan gives none). */
  title: string;
  /** Owning team id and its title. */
  owner?: { id: string; title: string };
  final: boolean;
  /** The stage the incident opens in. */
  initial: boolean;
  /** Concurrent tracks: title, owner and the events that complete them. */
  tracks: Array<{ id: string; title: string; events: PlanGraphLabel[] }>;
  /** Events accepted here that stay in the stage. */
  stays: PlanGraphLabel[];
  /** Deadlines armed on entering this stage (`from: enter`), or at open for the opening stage. */
  deadlines: Array<{ id: string; title: string; due: string }>;
}

/** An event as a diagram labels it. */
export interface PlanGraphLabel {
  event: string;
  /** Event title in the graph's locale. */
  title: string;
  /** The `by` entries as written (`command.leader`). */
  by: string[];
  /** The `by` entries in words (`舆情应急指挥小组 组长`). */
  byTitles: string[];
  /** The `when` condition as text. */
  condition?: string;
}

/** A transition between two stages. */
export interface PlanGraphEdge extends PlanGraphLabel {
  from: string;
  to: string;
  /** `event` for an event's transition, `done` when all tracks of `from` are done, `shared` for a transition of the plan's `transitions` list. */
  kind: 'event' | 'done' | 'shared';
}

/** A plan as data for drawing: stages with titles, transitions with words, teams for swimlanes. */
export interface PlanGraph {
  locale: string;
  stages: PlanGraphStage[];
  edges: PlanGraphEdge[];
  /** Teams in plan order (the swimlanes), with their titles. */
  teams: Array<{ id: string; title: string }>;
  /** Events accepted in every stage that is not final and stay there. */
  everywhere: PlanGraphLabel[];
}

const POSITION_WORDS: Record<string, Record<string, string>> = {
  en: { leader: 'leader', deputy: 'deputy', members: 'members', any: 'any role' },
  'zh-CN': { leader: '组长', deputy: '副组长', members: '组员', any: '任何角色' },
};

const UNIT_WORDS: Record<string, Array<[number, string]>> = {
  en: [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ],
  'zh-CN': [
    [86_400_000, '天'],
    [3_600_000, '小时'],
    [60_000, '分钟'],
    [1000, '秒'],
  ],
};

/**
 * A duration in words of a locale: `30m` → `30分钟` (zh-CN) or `30 min` (en), `1h30m` → `1小时30分钟`.
 * Text that is not a duration is returned as it is.
 *
 * @example
 * durationWords('1h30m', 'zh-CN'); // '1小时30分钟'
 */
export function durationWords(text: string, locale: string): string {
  const ms = tryParseDuration(text);
  if (ms === undefined || ms <= 0) return text;
  const units = UNIT_WORDS[locale === 'zh-CN' ? 'zh-CN' : 'en'] ?? [];
  const parts: string[] = [];
  let rest = ms;
  for (const [size, word] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(locale === 'zh-CN' ? `${count}${word}` : `${count} ${word}`);
      rest -= count * size;
    }
  }
  return parts.length === 0 ? text : parts.join(locale === 'zh-CN' ? '' : ' ');
}

/**
 * A deadline's due time in words: one duration, or one per severity level in the plan's order
 * (`I 1小时, II 1小时, III 2小时`).
 *
 * @example
 * dueWords({ I: '1h', II: '2h' }, ['I', 'II'], 'en'); // 'I 1 h, II 2 h'
 */
export function dueWords(due: Deadline['due'], levels: readonly string[], locale: string): string {
  if (typeof due === 'string') return durationWords(due, locale);
  if ('clock' in due && typeof due.clock === 'string') return due.clock;
  if ('band' in due && typeof due.band === 'string') {
    const banded = due as { band: string; bands: ReadonlyArray<{ below?: number; due: string }> };
    return banded.bands.map((band) => `${band.below === undefined ? '' : `${banded.band} < ${band.below} `}${durationWords(band.due, locale)}`).join(', ');
  }
  const perLevel = due as Record<string, string>;
  const keys = [...levels.filter((l) => Object.hasOwn(perLevel, l)), ...Object.keys(perLevel).filter((k) => !levels.includes(k))];
  return keys.map((k) => `${k} ${durationWords(perLevel[k] ?? '', locale)}`).join(', ');
}

/**
 * The words for a `by` entry: a role's title, a team's title, or a team position
 * (`command.leader` → `command group leader`, `舆情应急指挥小组 组长`).
 *
 * @example
 * byWords(plan, 'command.leader', 'zh-CN'); // e.g. '指挥小组 组长'
 */
export function byWords(plan: PlanDefinition, entry: string, locale: string): string {
  const words = POSITION_WORDS[locale === 'zh-CN' ? 'zh-CN' : 'en'] ?? {};
  if (entry === 'any-role') return words['any'] ?? entry;
  const role = plan.roles.find((r) => r.id === entry);
  if (role !== undefined) return localize(role.title, locale, entry);
  const team = plan.teams.find((t) => t.id === entry);
  if (team !== undefined) return localize(team.title, locale, entry);
  const dot = entry.indexOf('.');
  if (dot > 0) {
    const owner = plan.teams.find((t) => t.id === entry.slice(0, dot));
    const position = entry.slice(dot + 1);
    if (owner !== undefined) return `${localize(owner.title, locale, owner.id)} ${words[position] ?? position}`;
  }
  return entry;
}

function label(plan: PlanDefinition, t: Transition | SharedTransition, locale: string): PlanGraphLabel {
  const event = plan.events.find((e) => e.id === t.event);
  const out: PlanGraphLabel = {
    event: t.event,
    title: localize(event?.title, locale, t.event),
    by: byEntries(t.by),
    // A per-level `by` (DSL v2): one line per level.
    byTitles: Array.isArray(t.by)
      ? t.by.map((entry) => byWords(plan, entry, locale))
      : Object.entries(t.by).map(([level, entries]) => `${level}: ${entries.map((entry) => byWords(plan, entry, locale)).join(', ')}`),
  };
  if (t.when !== undefined) out.condition = conditionText(t.when, diagramWords(locale));
  return out;
}

/**
 * The plan as a graph to draw: every stage (titled, with owner, tracks, stay events and the
 * deadlines it arms), every transition between stages (event title, who may fire it in words,
 * condition; a conditional transition becomes one edge per branch), and the teams as swimlanes.
 * Unknown references are skipped, so a plan with reference errors still draws.
 *
 * @example
 * const graph = planGraph(plan, { locale: 'zh-CN' });
 * graph.stages.length; // the number of stages
 * graph.edges[0]; // { from: 'report', to: 'assess', event: 'REPORT', title: '上报', … }
 */
export function planGraph(plan: PlanDefinition, options: { locale?: string } = {}): PlanGraph {
  const locale = diagramLocaleOf(plan, options.locale);
  const words = diagramWords(locale);
  const known = new Set(plan.stages.map((s) => s.id));
  const teamTitle = (id: string | undefined): { id: string; title: string } | undefined => {
    if (id === undefined) return undefined;
    const team = plan.teams.find((t) => t.id === id);
    return { id, title: localize(team?.title, locale, id) };
  };
  const levels = plan.severity.map((l) => l.id);
  const opening = plan.stages[0]?.id;
  const stages: PlanGraphStage[] = plan.stages.map((stage) => {
    const owner = teamTitle(stage.owner);
    const out: PlanGraphStage = {
      id: stage.id,
      title: localize(stage.title, locale, stage.id),
      final: stage.final === true,
      initial: stage.id === opening,
      tracks: (stage.tracks ?? []).map((track) => ({
        id: track.id,
        // DSL v2: a track present only at some levels says at which
        title: localize(track.title, locale, track.id) + (track.levels === undefined ? '' : ` · ${words.atLevels(levels.filter((level) => track.levels?.includes(level) === true).join(words.list))}`),
        events: track.on.map((t) => label(plan, t, locale)),
      })),
      stays: [],
      deadlines: plan.deadlines
        .filter((d) => (d.from === 'enter' && d.stage === stage.id) || (d.from !== 'enter' && stage.id === opening))
        .map((d) => ({ id: d.id, title: localize(d.title, locale, d.id), due: dueWords(d.due, levels, locale) })),
    };
    if (owner !== undefined) out.owner = owner;
    return out;
  });
  const byId = new Map(stages.map((s) => [s.id, s]));
  const edges: PlanGraphEdge[] = [];
  const everywhere: PlanGraphLabel[] = [];
  const add = (from: string, t: Transition | SharedTransition, kind: 'event' | 'shared'): void => {
    const base = label(plan, t, locale);
    if (t.targets !== undefined && t.targets.length > 0) {
      for (const branch of t.targets) {
        if (!known.has(branch.target)) continue;
        const condition = branch.when === undefined ? words.otherwise : conditionText(branch.when, words);
        edges.push({ ...base, from, to: branch.target, kind, condition: base.condition === undefined ? condition : `${base.condition} · ${condition}` });
      }
      return;
    }
    if (t.target === undefined) byId.get(from)?.stays.push(base);
    else if (known.has(t.target)) edges.push({ ...base, from, to: t.target, kind });
  };
  for (const stage of plan.stages) {
    if (stage.final === true) continue;
    for (const t of stage.on) add(stage.id, t, 'event');
    if (stage.done !== undefined && known.has(stage.done)) {
      edges.push({ from: stage.id, to: stage.done, kind: 'done', event: '', title: words.allTracksDone, by: [], byTitles: [] });
    }
  }
  for (const t of plan.transitions) {
    if (t.in === '*' && t.target === undefined && t.targets === undefined) {
      everywhere.push(label(plan, t, locale));
      continue;
    }
    const where = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in.filter((s) => known.has(s));
    for (const s of where) add(s, t, 'shared');
  }
  return { locale, stages, edges, teams: plan.teams.map((t) => ({ id: t.id, title: localize(t.title, locale, t.id) })), everywhere };
}

/** One row of a {@link deadlineMatrix}: a deadline at one severity level (or at every level when its due time is fixed). */
export interface DeadlineMatrixRow {
  deadline: string;
  title: string;
  /** The severity level, or `null` when the due time does not depend on it. */
  level: string | null;
  /** The due time as written (`30m`) and in words. */
  due: string;
  dueWords: string;
  /** `open`, or `enter <stage title>`. */
  from: string;
  /** Condition that arms it, as text. */
  when?: string;
  recurring: boolean;
  /** Event titles that meet it. */
  metBy: string[];
  /** Reminders in words: `10分钟前 → 信息员`. */
  reminders: string[];
  /** Breach actions in words. */
  breach: string[];
}

function actionWords(plan: PlanDefinition, action: Action, locale: string): string {
  if ('notify' in action) return `${locale === 'zh-CN' ? '通知' : 'notify'} ${action.notify.map((r) => byWords(plan, r, locale)).join(', ')}`;
  if ('record' in action) return `${locale === 'zh-CN' ? '记录' : 'record'} “${localize(action.record, locale)}”`;
  if ('regrade' in action) return `${locale === 'zh-CN' ? '调整等级' : 'regrade'} ${action.regrade}`;
  if ('effect' in action) {
    const effect = plan.effects.find((e) => e.id === action.effect);
    return localize(effect?.title, locale, action.effect);
  }
  return JSON.stringify(action);
}

/**
 * Every deadline × severity level as rows (due, from, metBy, reminders, breach actions), in the
 * plan's order: the table a planner holds against the paper plan. A deadline with a fixed due
 * time is one row (`level: null`).
 *
 * @example
 * deadlineMatrix(plan, { locale: 'en' }).filter((r) => r.deadline === 'strategy').map((r) => r.due); // ['1h', '1h', '2h', '4h']
 */
export function deadlineMatrix(plan: PlanDefinition, options: { locale?: string } = {}): DeadlineMatrixRow[] {
  const locale = diagramLocaleOf(plan, options.locale);
  const words = diagramWords(locale);
  const levels = plan.severity.map((l) => l.id);
  const rows: DeadlineMatrixRow[] = [];
  for (const deadline of plan.deadlines) {
    const stage = plan.stages.find((s) => s.id === deadline.stage);
    const from = deadline.from === 'enter' ? `${locale === 'zh-CN' ? '进入' : 'enter'} ${localize(stage?.title, locale, deadline.stage ?? '')}` : locale === 'zh-CN' ? '事件开始' : 'open';
    const base = {
      deadline: deadline.id,
      title: localize(deadline.title, locale, deadline.id),
      from,
      recurring: deadline.recurring === true,
      metBy: deadline.metBy.map((e) => localize(plan.events.find((x) => x.id === e)?.title, locale, e)),
      reminders: (deadline.remind ?? []).map((r) => `${durationWords(r.before, locale)}${locale === 'zh-CN' ? '前' : ' before'} → ${r.notify.map((n) => byWords(plan, n, locale)).join(', ')}`),
      breach: deadline.breach.map((a) => actionWords(plan, a, locale)),
      ...(deadline.when === undefined ? {} : { when: conditionText(deadline.when, words) }),
    };
    if (typeof deadline.due === 'string') {
      rows.push({ ...base, level: null, due: deadline.due, dueWords: durationWords(deadline.due, locale) });
      continue;
    }
    const keys = [...levels.filter((l) => Object.hasOwn(deadline.due as object, l))];
    for (const level of keys) {
      const due = (deadline.due as Record<string, string>)[level] ?? '';
      rows.push({ ...base, level, due, dueWords: durationWords(due, locale) });
    }
  }
  return rows;
}
