import { stageOwnerAt } from '../compile/level-duties.js';
import { byEntries } from '../plan-format/by-entries.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/**
 * The teams an accepted event counts for: the teams of the `by` positions (`command.leader`,
 * `analysis`, …) of the transitions for `event` in `stage` that the actor's roles fill. A `by`
 * naming a role directly (or `any-role`) counts for every team holding one of the actor's roles.
 *
 * @example
 * ```ts
 * eventTeams(plan, 'assess', 'ASSESS', ['it-head']); // ['analysis']
 * ```
 */
export function eventTeams(plan: PlanDefinition, stage: string, event: string, roles: readonly string[]): string[] {
  const out = new Set<string>();
  const teams = new Map(plan.teams.map((t) => [t.id, t]));
  const holds = (teamId: string, position?: string): boolean => {
    const t = teams.get(teamId);
    if (t === undefined) return false;
    const pos =
      position === 'leader' ? [t.leader] : position === 'deputy' ? [t.deputy] : position === 'members' ? t.members : [t.leader, t.deputy, ...t.members];
    return pos.some((r) => r !== undefined && roles.includes(r));
  };
  for (const by of byLists(plan, stage, event)) {
    for (const entry of by) {
      const [teamId, position] = entry.split('.') as [string, string | undefined];
      if (teams.has(teamId)) {
        if (holds(teamId, position)) out.add(teamId);
      } else {
        for (const t of plan.teams) if (holds(t.id) && (entry === 'any-role' || roles.includes(entry))) out.add(t.id);
      }
    }
  }
  return plan.teams.map((t) => t.id).filter((id) => out.has(id));
}

function byLists(plan: PlanDefinition, stage: string, event: string): string[][] {
  const out: string[][] = [];
  const s = plan.stages.find((x) => x.id === stage);
  for (const t of s?.on ?? []) if (t.event === event) out.push(byEntries(t.by));
  for (const track of s?.tracks ?? []) for (const t of track.on) if (t.event === event) out.push(byEntries(t.by));
  for (const t of plan.transitions) {
    const inStage = t.in === '*' ? s !== undefined && s.final !== true : t.in.includes(stage);
    if (inStage && t.event === event) out.push(byEntries(t.by));
  }
  return out;
}

/**
 * The team responsible for meeting a deadline: its `owner` when the plan names one; else the owner
 * of the track whose events meet it (in the deadline's own stage for `from: enter`, then in plan
 * order), falling back to the owner of the stage that accepts a meeting event — at `level`, the
 * stage's `ownerByLevel` entry when it has one (DSL v2).
 *
 * @example
 * ```ts
 * deadlineTeam(plan, 'pump-out'); // 'drainage' — a track owned by drainage meets it
 * ```
 */
export function deadlineTeam(plan: PlanDefinition, deadlineId: string, level: string | null = null): string | undefined {
  const d = plan.deadlines.find((x) => x.id === deadlineId);
  if (d === undefined) return undefined;
  if (d.owner !== undefined) return d.owner;
  const meets = (t: { event: string }): boolean => d.metBy.includes(t.event);
  const ownStage = d.from === 'enter' && d.stage !== undefined ? plan.stages.find((s) => s.id === d.stage) : undefined;
  const stages = ownStage === undefined ? plan.stages : [ownStage, ...plan.stages.filter((s) => s !== ownStage)];
  for (const s of stages) {
    // DSL v2: a stage's owner at the level (`ownerByLevel`), when the level is known.
    const owner = stageOwnerAt(s, level);
    for (const track of s.tracks ?? []) if (track.on.some(meets)) return track.owner ?? owner;
    if (s === ownStage) return owner;
    if (s.on.some(meets)) return owner;
    const shared = plan.transitions.some((t) => meets(t) && (t.in === '*' ? s.final !== true : t.in.includes(s.id)));
    if (shared) return owner;
  }
  return undefined;
}

/**
 * The incident's level at an instant (ISO 8601), read from its timeline: the level at open, then
 * each accepted event that set the plan's severity field and each `regraded` entry up to then.
 *
 * @example
 * ```ts
 * levelAt(plan, incident, instance.breachedAt ?? instance.dueAt); // 'II'
 * ```
 */
export function levelAt(plan: PlanDefinition, incident: { timeline: readonly { type: string; at: string; data?: Record<string, unknown> }[] }, at: string): string | null {
  const field = plan.fields.find((f) => f.type === 'severity')?.id;
  const levels = new Set(plan.severity.map((s) => s.id));
  const when = Date.parse(at);
  let level: string | null = null;
  for (const e of incident.timeline) {
    if (Date.parse(e.at) > when) break;
    let next: unknown;
    if (e.type === 'opened') next = e.data?.['severity'];
    else if (e.type === 'regraded') next = e.data?.['to'];
    else if (e.type === 'event' && field !== undefined) next = (e.data?.['data'] as Record<string, unknown> | undefined)?.[field];
    if (typeof next === 'string' && levels.has(next)) level = next;
  }
  return level;
}
