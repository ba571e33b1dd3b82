import type { Action } from '../../dsl/schema/action.js';
import type { Deadline } from '../../dsl/schema/deadline.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../../dsl/schema/transition.js';
import { byEntries } from '../../plan-format/by-entries.js';
import { DiagramLabels, diagramLocaleOf } from './diagram-labels.js';

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

function label(labels: DiagramLabels, t: Transition | SharedTransition): PlanGraphLabel {
  const out: PlanGraphLabel = {
    event: t.event,
    title: labels.event(t.event),
    by: byEntries(t.by),
    // A per-level `by` (DSL v2): one line per level.
    byTitles: Array.isArray(t.by)
      ? t.by.map((entry) => labels.who(entry))
      : Object.entries(t.by).map(([level, entries]) => `${level}: ${labels.whoList(entries)}`),
  };
  if (t.when !== undefined) out.condition = labels.condition(t.when);
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
  // One source of titles and words for every diagram (DiagramLabels), without ids: the page shows ids on hover.
  const labels = new DiagramLabels(plan, locale, false);
  const words = labels.words;
  const known = new Set(plan.stages.map((s) => s.id));
  const teams = new Map(plan.teams.map((team) => [team.id, team]));
  const opening = plan.stages[0]?.id;
  // The deadlines each stage arms: `from: enter` ones by their stage, every other start at the opening stage.
  const armed = new Map<string, Deadline[]>();
  for (const deadline of plan.deadlines) {
    const stage = deadline.from === 'enter' ? deadline.stage : opening;
    if (stage === undefined) continue;
    const list = armed.get(stage) ?? [];
    list.push(deadline);
    armed.set(stage, list);
  }
  const stages: PlanGraphStage[] = plan.stages.map((stage) => {
    const out: PlanGraphStage = {
      id: stage.id,
      title: labels.item(stage),
      final: stage.final === true,
      initial: stage.id === opening,
      tracks: (stage.tracks ?? []).map((track) => ({
        id: track.id,
        // DSL v2: a track present only at some levels says at which
        title: labels.item(track) + labels.trackLevels(track),
        events: track.on.map((t) => label(labels, t)),
      })),
      stays: [],
      deadlines: (armed.get(stage.id) ?? []).map((d) => ({ id: d.id, title: labels.item(d), due: labels.due(d.due) })),
    };
    if (stage.owner !== undefined) out.owner = { id: stage.owner, title: labels.item(teams.get(stage.owner) ?? { id: stage.owner }) };
    return out;
  });
  const byId = new Map(stages.map((s) => [s.id, s]));
  const edges: PlanGraphEdge[] = [];
  const everywhere: PlanGraphLabel[] = [];
  const add = (from: string, t: Transition | SharedTransition, kind: 'event' | 'shared'): void => {
    const base = label(labels, t);
    if (t.targets !== undefined && t.targets.length > 0) {
      for (const branch of t.targets) {
        if (!known.has(branch.target)) continue;
        const condition = branch.when === undefined ? words.otherwise : labels.condition(branch.when);
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
      everywhere.push(label(labels, t));
      continue;
    }
    const where = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in.filter((s) => known.has(s));
    for (const s of where) add(s, t, 'shared');
  }
  return { locale, stages, edges, teams: plan.teams.map((t) => ({ id: t.id, title: labels.item(t) })), everywhere };
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

function actionWords(labels: DiagramLabels, effects: ReadonlyMap<string, { id: string; title?: Parameters<DiagramLabels['item']>[0]['title'] }>, action: Action): string {
  const words = labels.words;
  if ('notify' in action) return `${words.notify} ${action.notify.map((r) => labels.who(r)).join(words.list)}`;
  if ('record' in action) return `${words.record} “${labels.item({ id: '', title: action.record })}”`;
  if ('regrade' in action) return `${words.regrade} ${action.regrade}`;
  if ('effect' in action) return labels.item(effects.get(action.effect) ?? { id: action.effect });
  return JSON.stringify(action);
}

/** A due time as written in the plan: `30m`, `21:00` (a clock time), `rainfall: 12h, 6h` (by band). */
function dueAsWritten(due: Deadline['due']): string {
  if (typeof due === 'string') return due;
  if ('clock' in due && typeof due.clock === 'string') return due.clock;
  if ('band' in due && typeof due.band === 'string') {
    const banded = due as { band: string; bands: ReadonlyArray<{ below?: number; due: string }> };
    return `${banded.band}: ${banded.bands.map((band) => (band.below === undefined ? band.due : `< ${band.below} ${band.due}`)).join(', ')}`;
  }
  return JSON.stringify(due);
}

/**
 * Every deadline × severity level as rows (due, from, metBy, reminders, breach actions), in the
 * plan's order: the table a planner holds against the paper plan. A deadline whose due time does
 * not depend on the level (one duration, a clock time, bands of a measured field) is one row
 * (`level: null`). Titles and words come from the same labels as the Mermaid diagrams (DiagramLabels).
 *
 * @example
 * deadlineMatrix(plan, { locale: 'en' }).filter((r) => r.deadline === 'strategy').map((r) => r.due); // ['1h', '1h', '2h', '4h']
 */
export function deadlineMatrix(plan: PlanDefinition, options: { locale?: string } = {}): DeadlineMatrixRow[] {
  const locale = diagramLocaleOf(plan, options.locale);
  const labels = new DiagramLabels(plan, locale, false);
  const words = labels.words;
  const stages = new Map(plan.stages.map((stage) => [stage.id, stage]));
  const effects = new Map(plan.effects.map((effect) => [effect.id, effect]));
  const rows: DeadlineMatrixRow[] = [];
  for (const deadline of plan.deadlines) {
    const stageId = deadline.stage ?? '';
    const from = deadline.from === 'enter' ? words.fromEntering(labels.item(stages.get(stageId) ?? { id: stageId })) : words.fromOpen;
    const base = {
      deadline: deadline.id,
      title: labels.item(deadline),
      from,
      recurring: deadline.recurring === true,
      metBy: deadline.metBy.map((event) => labels.event(event)),
      reminders: (deadline.remind ?? []).map((r) => `${words.before(labels.duration(r.before))} → ${r.notify.map((n) => labels.who(n)).join(words.list)}`),
      breach: deadline.breach.map((action) => actionWords(labels, effects, action)),
      ...(deadline.when === undefined ? {} : { when: labels.condition(deadline.when) }),
    };
    const due = deadline.due;
    if (typeof due === 'string' || 'clock' in due || 'band' in due) {
      rows.push({ ...base, level: null, due: dueAsWritten(due), dueWords: labels.due(due) });
      continue;
    }
    const perLevel = due as Record<string, string>;
    for (const level of plan.severity.map((l) => l.id).filter((id) => Object.hasOwn(perLevel, id))) {
      const text = perLevel[level] ?? '';
      rows.push({ ...base, level, due: text, dueWords: labels.duration(text) });
    }
  }
  return rows;
}
