import type { Incident, TimelineEntry } from './incident.js';
import type { LoosePlanTypes, PlanTypes } from './typed-plan.js';

/**
 * An incident as a list shows it: every field of the {@link Incident} except its timeline, and
 * the timeline's last entry (`lastEntry`: when and what happened last, and the seal that binds
 * the state to the chain). A page of incidents reads no timeline, however long the incidents'
 * histories are; `engine.get(id)` gives the whole incident.
 *
 * @example
 * ```ts
 * const { incidents } = await engine.list({ open: true });
 * incidents[0]?.lastEntry.at; // when the first listed incident last changed
 * ```
 */
export type ListedIncident<T extends PlanTypes = LoosePlanTypes> = Omit<Incident<T>, 'timeline'> & {
  /** The last entry of the incident's timeline (`seq` is the timeline's length minus one). */
  lastEntry: TimelineEntry;
};
