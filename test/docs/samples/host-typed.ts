// Host guide samples: typed plans (`planwright types`, and PlanTypesOf for a definePlan plan).
// The generated declarations are the type tests' file for the seed plan; the guide shows the
// import as the host writes it (`./plan-types.js`, next to the host's code).
// #region doc:typed-engine
import { createEngine, type Actor, type Clock, type CompiledPlan, type EffectHandlers } from '../../../src/runtime/index.js';
import type { PublicOpinionPlan } from '../../types/generated/public-opinion-types.js';

type Role = PublicOpinionPlan['roles'];

/** What goes out, as your messaging wants it: no casts, the payload's keys are known. */
const effects = (outbox: string[]): EffectHandlers<PublicOpinionPlan> => ({
  notify: (effect, { incident }) => {
    const { roles } = effect.payload; // readonly Role[]
    const why =
      effect.payload.reason !== undefined
        ? `deadline ${effect.payload.deadline} ${effect.payload.reason === 'reminder' ? 'due soon' : 'missed'}`
        : effect.payload.event !== undefined
          ? `after ${effect.payload.event}`
          : `entering ${effect.payload.stage}`;
    outbox.push(`${incident.title} → ${roles.join(', ')}: ${why}`);
  },
  publish: (effect) => {
    outbox.push(`publish ${effect.payload.template}: ${effect.payload.text ?? ''}`);
  },
});

export function typedEngine(plan: CompiledPlan, clock: Clock, outbox: string[]) {
  return createEngine<PublicOpinionPlan>(plan, { clock, effects: effects(outbox) });
}
// #endregion

// #region doc:typed-actor
/** Roles from your login session are plain strings: keep the plan's, drop the rest. */
export function actorOf(plan: CompiledPlan, login: string, sessionRoles: readonly string[]): Actor<Role> {
  const isRole = (role: string): role is Role => plan.roles.has(role);
  return { id: login, roles: sessionRoles.filter(isRole) };
}
// #endregion

// #region doc:define-plan
import { compilePlan, definePlan, loadPlan, type PlanTypesOf } from '../../../src/index.js';

export const sirenPlan = definePlan({
  planwright: 1, id: 'siren-test', version: '1.0.0', title: 'Siren test',
  severity: [{ id: 'routine', title: 'Routine' }], categories: [{ id: 'drill', title: 'Drill' }],
  roles: [{ id: 'operator', title: 'Operator' }],
  fields: [{ id: 'zone', type: 'enum', values: ['north', 'south'] }],
  events: [{ id: 'SOUNDED', requires: ['zone'] }],
  stages: [
    { id: 'waiting', title: 'Waiting', on: [{ event: 'SOUNDED', by: ['operator'], target: 'done' }] },
    { id: 'done', title: 'Done', final: true },
  ],
});
type SirenPlan = PlanTypesOf<typeof sirenPlan>; // the interface `planwright types` would write

export const sirenEngine = () => createEngine<SirenPlan>(compilePlan(loadPlan(sirenPlan)));
// engine.send(id, { type: 'SOUNDED', by, data: { zone: 'east' } }) does not compile: 'east' is no zone
// #endregion
