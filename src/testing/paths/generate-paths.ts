import type { CompiledPlan } from '../../compile/compiled-plan.js';
import { createManualClock } from '../../runtime/clock.js';
import { createEngine } from '../../runtime/engine.js';
import type { Incident } from '../../runtime/incident.js';
import { snapshotFromIncident } from '../../runtime/incident-snapshot.js';
import { memoryStore } from '../../runtime/stores/memory-store.js';
import { compiledPlanOf, type TestingPlan } from '../compiled-plan-of.js';
import { sampleData } from './sample-data.js';

/** One step of a generated path: send an event, or let a deadline breach (advance to its due time). */
export type PathStep =
  | {
      kind: 'send';
      /** Offset from the incident's opening (ms). */
      atMs: number;
      stage: string;
      event: string;
      /** A role allowed to send it there. */
      role: string;
      data: Record<string, unknown>;
    }
  | { kind: 'breach'; atMs: number; deadline: string };

/** A path and where it leads. */
export interface PlanPath {
  steps: PathStep[];
  /** The incident at the end of the path. */
  stage: string;
  breaches: string[];
  severity: string | null;
  closed: boolean;
}

/** Options of {@link generatePaths}. */
export interface GeneratePathsOptions {
  /** The value sent for the plan's severity field (default: the most severe level). */
  severity?: string;
  /** Simulated start time (default 2026-01-01T00:00:00Z). */
  start?: string;
  /** Longest path explored (default 30 steps). */
  maxDepth?: number;
  /** Most distinct states explored (default 2000). */
  maxStates?: number;
}

/** Shortest paths from opening to every stage and to the first breach of every deadline. */
export interface GeneratedPaths {
  /** Stage id → the shortest path that reaches it. */
  stages: Record<string, PlanPath>;
  /** Deadline id → the shortest path whose last step breaches it. */
  breaches: Record<string, PlanPath>;
  /** Stages and deadlines no explored path reached. */
  unreachable: { stages: string[]; breaches: string[] };
  /** Distinct states explored. */
  states: number;
}

interface Node {
  steps: PathStep[];
  incident: Incident;
  now: number;
}

/**
 * Finds the shortest event paths from an incident's opening to every stage of a plan, and to
 * the first breach of every deadline, by breadth-first search over the running engine: each step
 * either sends an event the current stage accepts (as a role allowed to, with sample data for the
 * required fields), or lets a pending deadline breach by moving the clock to its due time (which
 * XState's test model cannot do with `after`). States are told apart by stage, pending tracks,
 * severity and pending deadlines. Conditions (`when`) that sample data does not satisfy
 * are not explored.
 *
 * @example
 * ```ts
 * const paths = await generatePaths(plan);
 * paths.stages['closed']?.steps.map((s) => (s.kind === 'send' ? s.event : `breach ${s.deadline}`)); // ['REPORT', 'DISMISS']
 * paths.breaches['assess']?.steps.length; // 2: REPORT, then let assess breach
 * ```
 */
export async function generatePaths(plan: TestingPlan, options: GeneratePathsOptions = {}): Promise<GeneratedPaths> {
  const compiled = compiledPlanOf(plan);
  const definition = compiled.definition;
  const severity = options.severity ?? compiled.severityOrder[0] ?? '';
  const maxDepth = options.maxDepth ?? 30;
  const maxStates = options.maxStates ?? 2000;
  const start = Date.parse(options.start ?? '2026-01-01T00:00:00Z');
  const opener = definition.roles[0]?.id ?? 'role';

  const root = await openAt(compiled, start, opener);
  const stages: Record<string, PlanPath> = {};
  const breaches: Record<string, PlanPath> = {};
  const allStages = definition.stages.map((s) => s.id);
  const allDeadlines = definition.deadlines.map((d) => d.id);
  const record = (node: Node): void => {
    const path = (): PlanPath => toPath(node);
    if (stages[node.incident.stage] === undefined) stages[node.incident.stage] = path();
    for (const d of node.incident.deadlines) if (d.status === 'breached' && breaches[d.id] === undefined) breaches[d.id] = path();
  };
  const onceOnly = new Set(definition.deadlines.filter((d) => d.from === 'open').map((d) => d.id));
  const seen = new Set<string>([stateKey(root, onceOnly)]);
  const queue: Node[] = [{ steps: [], incident: root, now: start }];
  record(queue[0] as Node);

  while (queue.length > 0 && seen.size < maxStates) {
    if (allStages.every((s) => stages[s]) && allDeadlines.every((d) => breaches[d])) break;
    const node = queue.shift() as Node;
    if (node.incident.closed || node.steps.length >= maxDepth) continue;
    for (const step of candidates(compiled, node, severity)) {
      const child = await apply(compiled, node, step);
      if (child === undefined) continue;
      record(child);
      const key = stateKey(child.incident, onceOnly);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(child);
    }
  }
  return {
    stages,
    breaches,
    unreachable: { stages: allStages.filter((s) => !stages[s]), breaches: allDeadlines.filter((d) => !breaches[d]) },
    states: seen.size,
  };
}

function toPath(node: Node): PlanPath {
  return {
    steps: node.steps,
    stage: node.incident.stage,
    breaches: [...new Set(node.incident.deadlines.filter((d) => d.status === 'breached').map((d) => d.id))],
    severity: node.incident.severity,
    closed: node.incident.closed,
  };
}

/**
 * What tells two states apart for the search: stage, pending tracks, severity, closed, the
 * deadlines pending now, and the `from: open` deadlines already armed once (they never re-arm).
 * Past outcomes are left out: they cannot change what is reachable next, and every first
 * reach of a stage or a breach is recorded when it happens.
 */
function stateKey(incident: Incident, onceOnly: ReadonlySet<string>): string {
  const pending = [...new Set(incident.deadlines.filter((d) => d.status === 'pending').map((d) => d.id))].sort();
  const used = [...new Set(incident.deadlines.filter((d) => onceOnly.has(d.id)).map((d) => d.id))].sort();
  return JSON.stringify([incident.stage, [...incident.tracks].sort(), incident.severity, incident.closed, pending, used]);
}

/** Every step worth trying from a node: each accepted event once, then each pending deadline's breach. */
function candidates(plan: CompiledPlan, node: Node, severity: string): PathStep[] {
  const { incident, now } = node;
  const atMs = now - Date.parse(incident.openedAt);
  const stage = plan.stages.get(incident.stage);
  const out: PathStep[] = [];
  if (stage !== undefined) {
    const events: Array<[string, string | undefined]> = [];
    for (const track of stage.trackIds) {
      if (!incident.tracks.includes(track)) continue;
      for (const event of stage.tracks.get(track)?.keys() ?? []) events.push([event, track]);
    }
    for (const event of stage.on.keys()) events.push([event, undefined]);
    for (const [event, track] of events) {
      const where = track === undefined ? incident.stage : `${incident.stage}/${track}`;
      const role = plan.authorization[where]?.[event]?.[0];
      if (role === undefined) continue;
      out.push({ kind: 'send', atMs, stage: incident.stage, event, role, data: sampleData(plan, incident.stage, event, track, { severity, now }) });
    }
  }
  const pending = new Map<string, number>();
  for (const d of incident.deadlines) {
    if (d.status !== 'pending') continue;
    const due = Date.parse(d.dueAt);
    if (!pending.has(d.id) || due < (pending.get(d.id) as number)) pending.set(d.id, due);
  }
  for (const [deadline, due] of [...pending].sort((a, b) => a[1] - b[1])) {
    out.push({ kind: 'breach', atMs: Math.max(due, now) - Date.parse(incident.openedAt), deadline });
  }
  return out;
}

async function openAt(plan: CompiledPlan, start: number, role: string): Promise<Incident> {
  const engine = createEngine(plan, { clock: createManualClock(start), store: memoryStore(), newId: () => 'path-1' });
  const incident = await engine.open({ by: { id: 'opener', roles: [role] }, title: 'generated path', category: plan.definition.categories[0]?.id ?? 'event' });
  await engine.dispose();
  return incident;
}

/** Runs one step on a copy of the node's incident (a new engine over a store holding it). */
async function apply(plan: CompiledPlan, node: Node, step: PathStep): Promise<Node | undefined> {
  const store = memoryStore();
  await store.save(snapshotFromIncident(node.incident), node.incident.timeline, 0);
  const at = Date.parse(node.incident.openedAt) + step.atMs;
  const clock = createManualClock(at);
  const engine = createEngine(plan, { clock, store });
  try {
    let incident: Incident | undefined;
    if (step.kind === 'send') {
      const result = await engine.send(node.incident.id, { type: step.event, by: { id: step.role, roles: [step.role] }, data: step.data });
      if (!result.ok) return undefined;
      incident = await engine.get(node.incident.id);
      if (incident === undefined) return undefined;
    } else {
      await engine.runDue();
      incident = await engine.get(node.incident.id);
      if (incident === undefined || !incident.deadlines.some((d) => d.id === step.deadline && d.status === 'breached')) return undefined;
    }
    return { steps: [...node.steps, step], incident, now: Math.max(at, node.now) };
  } finally {
    await engine.dispose();
  }
}
