import { allowedRoles, changeDirection, judgedLevels, mayFire } from '../compile/level-authority.js';
import { canonicalize } from '../compile/canonical-json.js';
import type { CompiledPlan, CompiledTransition } from '../compile/compiled-plan.js';
import { evaluateCondition } from '../compile/conditions.js';
import { checkData, type DataIssue } from '../compile/field-validators.js';
import type { TakenParams } from '../compile/to-machine.js';
import type { Actor, IncidentSnapshot } from './incident.js';
import { snapshotOf, type MachineAction } from './machine-state.js';
import { hasLevelTracks } from './level-tracks.js';
import { rememberedStep } from './remembered-steps.js';
import { sendError, type SendError } from './send-error.js';
import { judgeSuggestions, type SuggestionOutcome } from './suggested-levels.js';

/** An event after envelope validation. */
export interface ValidEvent {
  type: string;
  by: Actor;
  /** The raw data as given (checked here). */
  data: unknown;
}

/**
 * An event the plan accepts here: the transition it takes, its canonical data, and the machine's
 * step (next state value and actions) taken through XState's public API.
 */
export interface AcceptedEvent {
  transition: CompiledTransition;
  data: Record<string, unknown>;
  value: unknown;
  actions: readonly MachineAction[];
  /** Suggested levels the event concerns (DSL v2), recorded on its timeline entry. */
  suggestions?: SuggestionOutcome[];
  /** What the transition's conditions read (incident data, event data, `severity.previous` / `severity.change`), made when first asked. */
  view: () => Readonly<Record<string, unknown>>;
}

const firersByPlan = new WeakMap<CompiledPlan, Map<string, Set<string>>>();

/** For each event type, the roles that may send it in some stage (built once per plan, not per send). */
function firersOf(plan: CompiledPlan): Map<string, Set<string>> {
  let known = firersByPlan.get(plan);
  if (known === undefined) {
    firersByPlan.set(plan, (known = new Map()));
    for (const row of Object.values(plan.authorization)) {
      for (const [type, roles] of Object.entries(row)) known.set(type, new Set([...(known.get(type) ?? []), ...roles]));
    }
  }
  return known;
}

/**
 * Decides, without changing anything, whether `event` is accepted by `incident` as it is: the
 * event is known, the incident open, the sender authorized (roles, team positions, per-level
 * authority), the data valid, a transition's guards hold, and the machine takes the same
 * transition. Returns the accepted event (transition, data, machine step) or the refusal.
 * @internal
 *
 * @example
 * const decision = decideEvent(plan, incident, { type: 'REPORT', by, data });
 * if ('error' in decision) console.log(decision.error.code); // e.g. 'unauthorized'
 */
export function decideEvent(plan: CompiledPlan, incident: IncidentSnapshot, event: ValidEvent): AcceptedEvent | { error: SendError } {
  const declaration = plan.events.get(event.type);
  if (declaration === undefined) {
    return { error: sendError('unknown-event', `the plan has no event "${event.type}"`, { event: event.type }) };
  }
  if (incident.closed) {
    return { error: sendError('closed', `incident ${incident.id} is closed`, { event: event.type, stage: incident.stage }) };
  }
  // Someone who may fire this event in no stage at all is refused as unauthorized, wherever the
  // incident is (drills-and-cli.md: a customer-service rep sending APPROVE_STRATEGY is `unauthorized`,
  // and the refusal does not tell them which stage the incident is in).
  const firers = firersOf(plan).get(event.type);
  const principal = event.by.onBehalfOf;
  if (!event.by.roles.some((role) => firers?.has(role)) && !(principal?.roles.some((role) => firers?.has(role)) ?? false)) {
    const allowed = [...(firers ?? [])].sort();
    return {
      error: sendError('unauthorized', `${event.by.id} (${event.by.roles.join(', ') || 'no roles'}) may not send "${event.type}" in any stage`, {
        allowed,
        event: event.type,
        roles: [...event.by.roles],
        stage: incident.stage,
      }),
    };
  }
  const stage = plan.stages.get(incident.stage);
  const candidates: CompiledTransition[] = [];
  if (stage !== undefined) {
    for (const track of stage.trackIds) {
      if (incident.tracks.includes(track)) for (const t of stage.tracks.get(track)?.get(event.type) ?? []) candidates.push(t);
    }
    for (const t of stage.on.get(event.type) ?? []) candidates.push(t);
  }
  if (candidates.length === 0) {
    const acceptedIn = Object.entries(plan.authorization)
      .filter(([, row]) => row[event.type] !== undefined)
      .map(([where]) => where);
    return {
      error: sendError('not-in-stage', `event "${event.type}" is not accepted in stage "${incident.stage}"`, {
        acceptedIn,
        event: event.type,
        stage: incident.stage,
        tracks: [...incident.tracks],
      }),
    };
  }
  // The levels a per-level `by` is judged at (DSL v2): the current one, the one the data requests, the higher.
  const rawData = event.data;
  const field = plan.severityField;
  const requested = field !== undefined && rawData !== null && typeof rawData === 'object' && !Array.isArray(rawData) ? (rawData as Record<string, unknown>)[field] : undefined;
  const levels = judgedLevels(plan.severityOrder, incident.severity, requested);
  const authorized = candidates.filter((t) => mayFire(event.by, t, levels));
  if (authorized.length === 0) {
    const allowed = [...new Set(candidates.flatMap((t) => allowedRoles(t, levels)))].sort();
    const details: Record<string, unknown> = { allowed, event: event.type, roles: [...event.by.roles], stage: incident.stage };
    const perLevel = candidates.find((t) => t.rolesByLevel !== undefined);
    let where = 'here';
    if (perLevel !== undefined) {
      const authority = perLevel.authority ?? 'current';
      details['authority'] = authority;
      details['level'] = levels[authority];
      where = `at level ${levels[authority] ?? '(none)'}`;
    }
    return {
      error: sendError('unauthorized', `${event.by.id} (${event.by.roles.join(', ') || 'no roles'}) may not send "${event.type}" ${where}`, details),
    };
  }
  const raw = event.data ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: sendError('invalid-data', 'event data must be an object of field values', { event: event.type }) };
  }
  const data = raw as Record<string, unknown>;
  const extra = [...new Set(authorized.flatMap((t) => t.requires))];
  const issues = checkData(plan.fields, data, declaration.requires, extra.length === 0 ? declaration.optional : [...declaration.optional, ...extra]);
  if (issues.length > 0) return { error: invalidData(event.type, issues) };
  // The values conditions read (incident data with the event data laid over it), made only if one is read.
  let laid: Record<string, unknown> | undefined;
  const values = (): Record<string, unknown> =>
    (laid ??= {
      ...incident.data,
      ...data,
      'severity.change': changeDirection(plan.severityOrder, incident.severity, levels.requested),
      'severity.previous': incident.severity,
    });
  // Conditions read `severity` as the level the event requests (docs/dsl-v2.md §3), whatever the
  // plan's severity field is called. Every guard the machine could consult for this event here, evaluated once: which transition
  // the engine takes (the first whose guards all hold), and the outcomes that key the machine's
  // remembered step (one character per XState transition: a branch per target).
  let missing: DataIssue[] = [];
  let conditionFailed = false;
  let chosen: CompiledTransition | undefined;
  let outcomes = '';
  for (const t of candidates) {
    let holds = authorized.includes(t);
    if (holds && t.requires.length > 0) {
      const lacking = t.requires.filter((f) => data[f] === undefined);
      if (lacking.length > 0) {
        holds = false;
        if (chosen === undefined && missing.length === 0) missing = lacking.map((field) => ({ field, problem: 'missing', message: `field "${field}" is required here` }));
      }
    }
    if (holds && t.when !== undefined && !evaluateCondition(t.when, values(), levels.requested)) {
      holds = false;
      if (chosen === undefined) conditionFailed = true;
    }
    if (t.targets === undefined) {
      outcomes += holds ? '1' : '0';
    } else {
      let branch = false;
      for (const b of t.targets) {
        const taken = holds && (b.when === undefined || evaluateCondition(b.when, values(), levels.requested));
        outcomes += taken ? '1' : '0';
        branch ||= taken;
      }
      if (holds && !branch && chosen === undefined) conditionFailed = true;
      holds &&= branch;
    }
    if (holds && chosen === undefined) chosen = t;
  }
  if (chosen !== undefined) {
    // A suggested level (DSL v2): another choice is refused without its reason.
    const judged = plan.suggestions.length === 0 ? undefined : judgeSuggestions(plan, incident.data, data);
    if (judged !== undefined && judged.issues.length > 0) {
      const refusal = invalidData(event.type, judged.issues);
      refusal.details['suggestions'] = judged.outcomes;
      return { error: refusal };
    }
    const clean = canonicalize({ ...data });
    const { value, actions } = rememberedStep(
      plan,
      snapshotOf(plan, incident),
      // The outcomes are laid out by the candidates, which the active tracks decide; a stage
      // entered with level-gated tracks (DSL v2) also depends on the level after the event.
      `${event.type}\u0000${incident.tracks.join(',')}${hasLevelTracks(plan) ? `\u0000${levels.requested}` : ''}`,
      outcomes,
      () => ({ type: event.type, by: event.by, data: clean, scope: { values: values(), severity: levels.requested, levels, level: levels.requested } }),
    );
    const taken = actions.find((a) => a.type === 'taken');
    if (taken === undefined || (taken.params as TakenParams).key !== chosen.key) {
      // The machine and the engine disagree: a compiler bug, never a plan's fault.
      throw new Error(`planwright: machine took ${JSON.stringify(taken?.params)} for ${event.type}, engine chose ${chosen.key}`);
    }
    return judged === undefined || judged.outcomes.length === 0
      ? { transition: chosen, data: clean, value, actions, view: values }
      : { transition: chosen, data: clean, value, actions, view: values, suggestions: judged.outcomes };
  }
  if (missing.length > 0) return { error: invalidData(event.type, missing) };
  return {
    error: sendError('not-in-stage', `event "${event.type}" is not enabled in stage "${incident.stage}": its condition does not hold`, {
      conditionFailed,
      event: event.type,
      stage: incident.stage,
    }),
  };
}

function invalidData(event: string, issues: DataIssue[]): { code: 'invalid-data'; message: string; details: Record<string, unknown> } {
  return sendError('invalid-data', issues.map((i) => i.message).join('; '), {
    event,
    issues: issues.map((i) => ({ field: i.field, message: i.message, problem: i.problem })),
  }) as { code: 'invalid-data'; message: string; details: Record<string, unknown> };
}

