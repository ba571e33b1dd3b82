import { formatShortDuration, tryParseDuration } from '../../compile/duration.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import { defineRule } from '../rule.js';
import type { StageGraph } from '../stage-graph.js';

/** The time the plan's own deadlines allow before a grading event, and how it gets there. */
export interface GradingTime {
  /** Milliseconds from open. */
  readonly ms: number;
  /** The grading event. */
  readonly event: string;
  /** Stages from the opening stage to the one that accepts the event. */
  readonly stages: readonly string[];
}

/**
 * The least dues, in ms, of the single-duration deadlines by the event that meets them: from open
 * (`open`), and from entering each stage (`enter`, keyed by stage then event). Built once per check,
 * so each step of the path search below is a lookup, not a pass over every deadline.
 */
interface PaceTable {
  readonly open: Map<string, number>;
  readonly enter: Map<string, Map<string, number>>;
}

function paceTable(plan: PlanDefinition): PaceTable {
  const open = new Map<string, number>();
  const enter = new Map<string, Map<string, number>>();
  const keepLeast = (into: Map<string, number>, event: string, ms: number): void => {
    const known = into.get(event);
    if (known === undefined || ms < known) into.set(event, ms);
  };
  for (const deadline of plan.deadlines) {
    // DSL v2 starts (an event, a condition) pace no step.
    if ((deadline.from !== 'open' && deadline.from !== 'enter') || typeof deadline.due !== 'string') continue;
    const ms = tryParseDuration(deadline.due);
    if (ms === undefined) continue;
    let into = open;
    if (deadline.from === 'enter') {
      const stage = deadline.stage ?? '';
      into = enter.get(stage) ?? new Map<string, number>();
      enter.set(stage, into);
    }
    for (const event of deadline.metBy) keepLeast(into, event, ms);
  }
  return { open, enter };
}

/**
 * The quickest path to grading as the plan itself paces it: from the opening stage, each step
 * (an event that moves the incident from stage X to stage Y) takes the time the plan gives it —
 * the due of a `from: enter` deadline of X met by that event, and no less than the due of a
 * `from: open` deadline met by it (steps no single-duration deadline paces take no time) — and
 * the grading event itself is paced the same way in the stage that accepts it. The least total
 * over every path and every grading event (an event that requires or may carry the severity
 * field); `undefined` when no event sets the severity or none is reachable.
 */
export function quickestGrading(plan: PlanDefinition, graph: StageGraph): GradingTime | undefined {
  const severityField = plan.fields.find((f) => f.type === 'severity')?.id;
  if (severityField === undefined || graph.opening === undefined) return undefined;
  const grading = new Set(plan.events.filter((e) => e.requires.includes(severityField) || (e.optional ?? []).includes(severityField)).map((e) => e.id));
  if (grading.size === 0) return undefined;
  const pace = paceTable(plan);
  const arrival = (from: string, at: number, event: string | undefined): number => {
    if (event === undefined) return at;
    const enter = pace.enter.get(from)?.get(event) ?? 0;
    return Math.max(at + enter, pace.open.get(event) ?? 0);
  };
  // Dijkstra over stages (step times are never negative); each stage keeps the one it was reached
  // from, and the path is spelled out only for the answer.
  const best = new Map<string, { ms: number; previous?: string }>([[graph.opening, { ms: 0 }]]);
  const done = new Set<string>();
  let answer: { ms: number; event: string; stage: string } | undefined;
  for (;;) {
    let current: string | undefined;
    let currentMs = Infinity;
    for (const [stage, entry] of best) {
      if (!done.has(stage) && entry.ms < currentMs) {
        current = stage;
        currentMs = entry.ms;
      }
    }
    if (current === undefined) break;
    done.add(current);
    if (graph.finals.has(current)) continue;
    for (const site of graph.sites.get(current) ?? []) {
      const event = site.declaration.transition.event;
      if (!grading.has(event)) continue;
      const ms = arrival(current, currentMs, event);
      if (answer === undefined || ms < answer.ms) answer = { ms, event, stage: current };
    }
    for (const edge of graph.edges.get(current) ?? []) {
      const ms = arrival(current, currentMs, edge.event);
      const known = best.get(edge.to);
      if (!done.has(edge.to) && (known === undefined || ms < known.ms)) best.set(edge.to, { ms, previous: current });
    }
  }
  if (answer === undefined) return undefined;
  const stages: string[] = [];
  for (let stage: string | undefined = answer.stage; stage !== undefined && stages.length <= best.size; stage = best.get(stage)?.previous) stages.push(stage);
  return { ms: answer.ms, event: answer.event, stages: stages.reverse() };
}

/**
 * A per-level `due` measured from open (`from: open`, `due: { I: 30m, … }`) is armed only once
 * the level is known, but its due time still counts from the open. When a level's duration is no
 * longer than the quickest path to grading that the plan's own deadlines pace
 * ({@link quickestGrading}), an incident graded in the time the plan allows finds the deadline
 * already due: it breaches on grading.
 */
export const perLevelDeadlineBeforeGrading = defineRule({
  id: 'per-level-deadline-before-grading',
  defaultSeverity: 'warning',
  description: 'A per-level deadline from open whose due for a level is not longer than the time the plan allows before grading.',
  messages: {
    beforeGrading: {
      en: 'Deadline "{{deadline}}" counts from open but is armed only once the level is set by {{event}}; the plan allows {{allowed}} to get there ({{path}}), and its due for {{levels}} is not longer: graded in that time, the incident breaches it at once. Count it from the grading stage (from: enter, stage: {{stage}}) or give those levels more time.',
      'zh-CN': '时限“{{deadline}}”从事件开始计时，但要等 {{event}} 定级后才生效；按预案自己的时限，定级最快要 {{allowed}}（{{path}}），而 {{levels}} 级的时长并不比它长：在这段时间内定级，时限一生效就已超时。请改为从定级阶段起计时（from: enter, stage: {{stage}}），或给这些等级更长的时间。',
    },
  },
  check(ctx) {
    const { plan, graph } = ctx;
    let grading: GradingTime | undefined | null = null;
    plan.deadlines.forEach((deadline, i) => {
      if (deadline.from !== 'open' || typeof deadline.due === 'string' || 'clock' in deadline.due || 'band' in deadline.due) return;
      if (grading === null) grading = quickestGrading(plan, graph);
      if (grading === undefined || grading.ms <= 0) return;
      const allowed = grading.ms;
      const short = plan.severity
        .map((level) => level.id)
        .filter((level) => {
          const text = (deadline.due as Record<string, string>)[level];
          const ms = text === undefined ? undefined : tryParseDuration(text);
          return ms !== undefined && ms <= allowed;
        });
      const first = short[0];
      if (first === undefined) return;
      ctx.report(['deadlines', i, 'due', first], 'beforeGrading', {
        deadline: deadline.id,
        event: grading.event,
        allowed: formatShortDuration(allowed),
        path: grading.stages.join(' → '),
        levels: short.join(', '),
        stage: grading.stages[grading.stages.length - 1] ?? '',
      });
    });
  },
});
