// Host guide samples: people and roles.
// #region doc:actor
import type { Actor } from '../../../src/runtime/index.js';

/** A user as your directory knows them. */
interface StaffMember {
  login: string;
  positions: string[];
}

/** Your organisation's positions → the plan's role ids, kept in one place. */
const PLAN_ROLES: Record<string, string[]> = {
  'Director, Public Service Bureau': ['department-head'],
  'Deputy Director (public service)': ['deputy-head'],
  'Head of Publicity': ['publicity-head'],
  'Duty Officer': ['info-officer'],
  'Hotline Agent': ['customer-service'],
};

export function actorOf(user: StaffMember): Actor {
  return { id: user.login, roles: user.positions.flatMap((p) => PLAN_ROLES[p] ?? []) };
}
// #endregion

// #region doc:allowed
import type { CompiledPlan, Incident } from '../../../src/runtime/index.js';

/** The events `person` may send to `incident` now (for the buttons of your UI). */
export function allowedEvents(plan: CompiledPlan, incident: Incident, person: Actor): string[] {
  if (incident.closed) return [];
  const places = [incident.stage, ...incident.tracks.map((track) => `${incident.stage}/${track}`)];
  const events = new Set<string>();
  for (const place of places) {
    for (const [event, roles] of Object.entries(plan.authorization[place] ?? {})) {
      if (person.roles.some((role) => roles.includes(role))) events.add(event);
    }
  }
  return [...events].sort();
}
// #endregion
