import { canonicalJson } from '../compile/canonical-json.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { applyEvent, catchUp } from './apply-event.js';
import { msOf, withVersion } from './change.js';
import type { Incident, IncidentSnapshot, IncidentState, TimelineEntry } from './incident.js';
import { stateOf } from './incident-snapshot.js';
import { openIncident } from './open-incident.js';
import { recordDeliveries } from './record-deliveries.js';
import { bindState, checkIncidentBinding, stateDigest } from './state-binding.js';
import { verifyTimeline } from './timeline.js';

/**
 * Result of {@link verifyIncident}. `replayed`: how many timeline entries were re-derived by
 * replay (all of them for an incident bound since it was opened under this plan; fewer when
 * replay had to stop, see docs/semantics.md "State bound to the chain").
 */
export type IncidentVerification =
  | { ok: true; replayed: number }
  | {
      ok: false;
      /** The timeline position of the first disagreement (-1: the timeline is empty). */
      seq: number;
      /** What disagrees: `stage`, `data.<field>`, `deadlines[i].dueAt`, `version`, `timeline[seq].<key>`, `timeline`, `stateDigest`. */
      field?: string;
      /** The value the chain and the replay call for. */
      expected?: unknown;
      /** The value the incident holds. */
      actual?: unknown;
      reason: string;
    };

type Failure = Extract<IncidentVerification, { ok: false }>;

/**
 * Checks a whole incident against the plan: its hash chain (`verifyTimeline`), then a
 * deterministic replay of its saves through the engine's own code (open, each event accepted or
 * refused, each deadline firing, each effect delivery, each at its entry's time), comparing the
 * re-derived entries (whose hashes cover each save's `stateDigest`) with the stored ones and the
 * re-derived state with the stored state. Names the first disagreement. Where replay cannot run
 * (a part written before states were bound, a migration, a refusal whose data was too large to
 * keep) it checks the state against its head entry's digest instead.
 *
 * @example
 * const result = verifyIncident(plan, await engine.get(id));
 * if (!result.ok) console.error(`seq ${result.seq}: ${result.field ?? ''} ${result.reason}`);
 */
export function verifyIncident(plan: CompiledPlan, incident: Incident): IncidentVerification {
  const chain = verifyTimeline(incident);
  if (!chain.ok) {
    const seq = chain.brokenAt ?? 0;
    return { ok: false, seq, field: `timeline[${seq}].${chain.reason === 'hash' ? 'hash' : chain.reason === 'seq' ? 'seq' : 'prevHash'}`, reason: `the timeline's hash chain breaks at entry ${seq} (${chain.reason})` };
  }
  const replay = replayIncident(plan, incident);
  if (replay !== undefined && 'reason' in replay) return replay;
  // Replay stopped (or could not start): the state is checked against its head entry's digest.
  const problem = checkIncidentBinding(incident);
  if (problem !== undefined) {
    return {
      ok: false,
      seq: problem.seq,
      field: problem.reason === 'state-digest' ? 'stateDigest' : 'timeline',
      ...(problem.expected === undefined ? {} : { expected: problem.expected, actual: problem.actual }),
      reason: problem.message,
    };
  }
  return { ok: true, replayed: replay?.replayed ?? 0 };
}

/** Replays the incident's saves; a failure, how many entries it replayed when it had to stop early, or undefined when it could not start. */
function replayIncident(plan: CompiledPlan, incident: Incident): Failure | { replayed: number } | undefined {
  const { timeline } = incident;
  if (incident.planHash !== plan.hash || timeline[0]?.type !== 'opened' || timeline[0].stateDigest === undefined && !hasDigestAfterOpen(timeline)) return undefined;
  let current: IncidentSnapshot | undefined;
  /** Whether a save was sealed with the timeline index in its digest: every later one must be too. */
  let indexed = false;
  let start = 0;
  for (let end = 0; end < timeline.length; end++) {
    if ((timeline[end] as TimelineEntry).stateDigest === undefined) continue;
    const stored = timeline.slice(start, end + 1);
    const replayed = replaySave(plan, incident.id, current, stored);
    if (replayed === undefined) return { replayed: start };
    let derived = bindState(replayed.incident, replayed.entries);
    if (!indexed && derived.entries.at(-1)?.hash !== stored.at(-1)?.hash) {
      // A save sealed before the timeline index existed: its digest covers the state without it.
      const legacy = bindState(replayed.incident, replayed.entries, stateDigest(withoutIndex(replayed.incident)));
      if (legacy.entries.at(-1)?.hash === stored.at(-1)?.hash) derived = legacy;
    }
    const entryProblem = compareEntries(derived.entries, stored);
    if (entryProblem !== undefined) return entryProblem;
    indexed ||= derived.entries.at(-1)?.stateDigest === stateDigest(derived.snapshot);
    current = derived.snapshot;
    start = end + 1;
  }
  const last = timeline.length - 1;
  if (start < timeline.length) {
    return {
      ok: false,
      seq: start,
      field: 'timeline',
      reason: `the timeline ends inside a save: entries ${start}–${last} carry no stateDigest on their last entry (the timeline's tail was cut or the state edited)`,
    };
  }
  if (current === undefined) return undefined;
  // A document stored before the timeline index existed (never saved since) has none to compare.
  const expected = incident.timelineIndex === undefined ? withoutIndex(current) : stateOf(current);
  const difference = firstDifference(expected, stateOf(incident), '');
  if (difference !== undefined) {
    return {
      ok: false,
      seq: last,
      field: difference.path,
      expected: difference.expected,
      actual: difference.actual,
      reason: `the stored state differs from the state its timeline replays to, at ${difference.path}`,
    };
  }
  return { replayed: timeline.length };
}

/** The state without its timeline index (what a save sealed before the index existed covered). */
function withoutIndex(snapshot: IncidentSnapshot): IncidentState {
  const { timelineIndex: _index, ...state } = stateOf(snapshot);
  return state;
}

/** Whether the open save (the entries up to the first digest) could have been sealed: some entry carries a digest. */
function hasDigestAfterOpen(timeline: readonly TimelineEntry[]): boolean {
  return timeline.some((entry) => entry.stateDigest !== undefined);
}

/** Re-derives one save (its stored entries `group`, not yet sealed) from `current` through the engine's own code; undefined when it cannot be replayed. */
function replaySave(plan: CompiledPlan, id: string, current: IncidentSnapshot | undefined, group: readonly TimelineEntry[]): { incident: IncidentSnapshot; entries: readonly TimelineEntry[] } | undefined {
  const first = group[0] as TimelineEntry;
  const last = group[group.length - 1] as TimelineEntry;
  if (group.some((entry) => entry.type === 'migrated')) return undefined;
  if (current === undefined) {
    if (first.type !== 'opened' || first.by === undefined) return undefined;
    const opened = first.data ?? {};
    const severity = typeof opened['severity'] === 'string' ? opened['severity'] : null;
    const data = isRecord(opened['data']) ? opened['data'] : {};
    const result = openIncident(plan, { id, by: first.by, title: String(opened['title']), category: String(opened['category']), data, severity }, msOf(first.at));
    return result;
  }
  const sent = group.find((entry) => (entry.type === 'event' || entry.type === 'rejected') && entry.by !== undefined);
  if (sent !== undefined) {
    const recorded = sent.data ?? {};
    // A refusal of data too large to keep names only its keys: the data cannot be given again.
    if (sent.type === 'rejected' && 'dataKeys' in recorded) return undefined;
    const event = { type: String(recorded['event']), by: sent.by as NonNullable<TimelineEntry['by']>, data: recorded['data'] ?? {} };
    return applyEvent(plan, current, event, msOf(sent.at));
  }
  if (group.every((entry) => entry.type === 'effect-delivered' || entry.type === 'effect-failed')) {
    const outcomes = new Map<string, string | undefined>();
    for (const entry of group) {
      const data = entry.data ?? {};
      outcomes.set(String(data['effect']), entry.type === 'effect-failed' ? String(data['error']) : undefined);
    }
    return recordDeliveries(plan, current, outcomes, msOf(first.at));
  }
  // Deadlines and reminders fired by `runDue`, each stamped at its own due time.
  const entries: TimelineEntry[] = [];
  const caught = catchUp(plan, current, msOf(last.at), entries);
  return { incident: withVersion(caught, current.version + 1), entries };
}

/** The first stored entry of a save that differs from its replay, naming the key. */
function compareEntries(derived: readonly TimelineEntry[], stored: readonly TimelineEntry[]): Failure | undefined {
  const count = Math.max(derived.length, stored.length);
  for (let index = 0; index < count; index++) {
    const expected = derived[index];
    const actual = stored[index];
    if (expected !== undefined && actual !== undefined && expected.hash === actual.hash) continue;
    const seq = actual?.seq ?? (stored[stored.length - 1]?.seq ?? 0) + 1;
    if (expected === undefined || actual === undefined) {
      return {
        ok: false,
        seq,
        field: 'timeline',
        expected: expected?.type,
        actual: actual?.type,
        reason: `replaying the save ending at entry ${stored[stored.length - 1]?.seq} gives ${derived.length} entries, the timeline holds ${stored.length}`,
      };
    }
    // The hash differs whenever anything else does: the first other key names the cause.
    const { hash: _expectedHash, ...expectedFields } = expected;
    const { hash: _actualHash, ...actualFields } = actual;
    const difference = firstDifference(expectedFields, actualFields, `timeline[${seq}]`) ?? { path: `timeline[${seq}].hash`, expected: expected.hash, actual: actual.hash };
    const path = difference.path;
    return {
      ok: false,
      seq,
      field: path,
      expected: difference.expected,
      actual: difference.actual,
      reason: `entry ${seq} differs from what replaying the timeline gives, at ${path}${path.endsWith('stateDigest') ? ': the state that save produced was not the stored one' : ''}`,
    };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first path at which `expected` and `actual` differ (keys in sorted order), or undefined when they are equal as JSON. */
function firstDifference(expected: unknown, actual: unknown, path: string): { path: string; expected: unknown; actual: unknown } | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
      const found = firstDifference(expected[index], actual[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const found = firstDifference(expected[key], actual[key], path === '' ? key : `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (expected === actual) return undefined;
  if (expected !== undefined && actual !== undefined && canonicalJson(expected) === canonicalJson(actual)) return undefined;
  return { path, expected, actual };
}
