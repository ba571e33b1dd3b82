/**
 * The engine asks XState for a step once per state value, event type and guard outcomes and
 * remembers it (src/runtime/remembered-steps.ts). These tests drive engines with random events by
 * random people with random data, on a generated plan with conditional branches (`targets` with
 * `when`), parallel tracks and loops, and on the seed plan, and check every step against a fresh
 * XState `transition()` from the incident's state: the remembered step, made for some earlier event,
 * must be exactly what XState does for this one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/compile/canonical-json.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { TakenParams } from '../../src/compile/to-machine.js';
import { checkPlan } from '../../src/dsl/check-plan.js';
import { snapshotOf, stateFields } from '../../src/runtime/machine-state.js';
import { machineStepReference } from './machine-step-reference.js';
import { createEngine, createManualClock, type Actor, type Incident, type IncidentSnapshot } from '../../src/runtime/index.js';
import { generatePlanYaml } from '../fixtures/robustness/generate-plan.js';
import { seedFrom } from '../robustness/support.js';
import { eventData, people, seedPlan } from './seed-fixtures.js';

/** A random step: an event of the plan, or (`pick` set) one the incident's stage handles, sent by someone it authorizes or not. */
interface Step {
  type: string;
  by: Actor;
  data: Record<string, unknown>;
  pick?: { event: number; role: number; authorized: boolean; dropRequired: boolean } | undefined;
}

/** The step as sent: a `pick` chooses among the events of the stage (tracks included) and the roles of their transitions. */
function resolve(plan: CompiledPlan, incident: Pick<Incident, 'stage' | 'tracks' | 'severity' | 'data'>, step: Step): Step {
  if (step.pick === undefined) return step;
  const stage = plan.stages.get(incident.stage);
  const own = stage === undefined ? [] : [...stage.on.values()].flat();
  const tracks = stage === undefined ? [] : [...stage.tracks.values()].flatMap((m) => [...m.values()]).flat();
  // Mostly transitions that move the incident (to a stage, or a track to done), so runs get far.
  const moving = [...own.filter((t) => t.target !== undefined || t.targets !== undefined), ...tracks];
  const transitions = step.pick.event % 5 !== 0 && moving.length > 0 ? moving : [...own, ...tracks];
  const t = transitions[Math.floor(step.pick.event / 5) % Math.max(1, transitions.length)];
  if (t === undefined) return step;
  const role = t.roles[step.pick.role % Math.max(1, t.roles.length)];
  const roles = step.pick.authorized && role !== undefined ? [...step.by.roles, role] : step.by.roles;
  // The data: the fields the event declares, taken from the drawn values (one required field dropped if asked).
  const declared = plan.events.get(t.event);
  const fields = declared === undefined ? [] : [...declared.requires, ...declared.optional].filter((_, i) => !(step.pick?.dropRequired === true && i === 0));
  const data = Object.fromEntries(fields.filter((f) => step.data[f] !== undefined).map((f) => [f, step.data[f]]));
  return { type: t.event, by: { id: step.by.id, roles }, data };
}

/** Sends `steps` to one incident; after each, compares the engine's incident with XState's own step from the state before. */
async function checkAgainstXState(
  plan: CompiledPlan,
  opener: Actor,
  steps: Step[],
  branches = new Set<string>(),
  severity?: string,
): Promise<{ accepted: number; moved: number }> {
  const engine = createEngine(plan, { clock: createManualClock('2024-05-01T08:00:00Z'), effects: { notify: async () => {}, publish: async () => {} } });
  let incident: Incident | IncidentSnapshot = await engine.open({ by: opener, title: 't', category: plan.definition.categories[0]?.id ?? 'x', ...(severity === undefined ? {} : { severity }) });
  let accepted = 0;
  let moved = 0;
  for (const given of steps) {
    const before = incident;
    const step = resolve(plan, before, given);
    const result = await engine.send(incident.id, step);
    incident = result.incident ?? incident;
    const reference = machineStepReference(plan, snapshotOf(plan, before), {
      type: step.type,
      by: step.by,
      data: canonicalize({ ...step.data }),
      scope: { values: { ...before.data, ...step.data }, severity: before.severity },
    });
    const takenByXState = reference.actions.filter((a) => a.type === 'taken').map((a) => (a.params as TakenParams).key);
    if (result.ok) {
      accepted++;
      const entry = result.entries.find((e) => e.type === 'event');
      expect(entry?.data?.['transition']).toBe(takenByXState[0]);
      expect(result.incident.state).toEqual(stateFields(plan, reference.value).state);
      if (JSON.stringify(result.incident.state) !== JSON.stringify(before.state)) moved++;
      if (plan.transitions.get(takenByXState[0] ?? '')?.targets !== undefined) branches.add(`${before.stage}>${result.incident.stage}`);
    } else if (result.error.code === 'unauthorized' || result.error.code === 'not-in-stage') {
      // Refused because no transition's guards hold: XState takes none either.
      expect(takenByXState).toEqual([]);
      expect(result.incident?.state ?? before.state).toEqual(before.state);
    }
  }
  await engine.dispose();
  return { accepted, moved };
}

describe('remembered machine steps', () => {
  it('on a generated plan with conditional branches, tracks and loops, every step is XState’s own for that event', async () => {
    const checked = checkPlan({ text: generatePlanYaml({ stages: 12 }) });
    expect(checked.ok).toBe(true);
    const plan = compilePlan(checked.plan as NonNullable<typeof checked.plan>);
    const events = [...plan.events.keys()];
    const roles = ['commander', 'lead-0', 'deputy-0', 'member-0a', 'member-0b', 'lead-1', 'member-1a', 'member-1b', 'nobody'];
    const step = fc.record({
      type: fc.constantFrom(...events),
      by: fc.record({ id: fc.constant('p'), roles: fc.subarray(roles, { minLength: 0, maxLength: 3 }) }),
      pick: fc.option(fc.record({ event: fc.nat(), role: fc.nat(), authorized: fc.boolean(), dropRequired: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { nil: undefined, freq: 5 }),
      data: fc.record(
        {
          note: fc.constantFrom('n', 'another note'),
          reason: fc.constant('r'),
          count: fc.integer({ min: 0, max: 20 }),
          channel: fc.constantFrom('web', 'phone', 'press'),
          severity: fc.constantFrom('I', 'II', 'III', 'IV'),
        },
        { requiredKeys: ['note', 'reason', 'severity'] },
      ),
    });
    let accepted = 0;
    let moved = 0;
    const branches = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), fc.option(fc.constantFrom('I', 'II', 'III', 'IV'), { nil: undefined }), async (steps, severity) => {
        const r = await checkAgainstXState(plan, { id: 'c', roles: ['commander'] }, steps, branches, severity);
        accepted += r.accepted;
        moved += r.moved;
      }),
      { numRuns: 150, seed: seedFrom(1701) },
    );
    // The runs went somewhere: many steps accepted, many moving the incident, and conditional
    // branches taken to more than one target from each stage that has them (s2 and s7).
    expect(accepted).toBeGreaterThan(300);
    expect(moved).toBeGreaterThan(100);
    expect([...branches].sort()).toEqual(expect.arrayContaining(['s2>s3', 's2>s4']));
  });

  it('on the seed plan, random people sending every event give XState’s own steps', async () => {
    const plan = seedPlan();
    // Valid values of every field; a picked event takes the ones it declares.
    const dataPool = Object.assign({}, ...Object.values(eventData)) as Record<string, unknown>;
    const step = fc.record({
      type: fc.constantFrom(...Object.keys(eventData)),
      by: fc.constantFrom(...Object.values(people), { id: 'both', roles: ['publicity-head', 'legal-counsel'] }),
      pick: fc.option(fc.record({ event: fc.nat(), role: fc.nat(), authorized: fc.boolean(), dropRequired: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { nil: undefined, freq: 5 }),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 50 }), async (steps) => {
        const r = await checkAgainstXState(
          plan,
          people.infoOfficer,
          steps.map((s) => ({ ...s, data: s.pick === undefined ? (eventData[s.type] ?? {}) : dataPool })),
        );
        accepted += r.accepted;
      }),
      { numRuns: 150, seed: seedFrom(1702) },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
