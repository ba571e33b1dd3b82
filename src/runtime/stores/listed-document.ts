import * as z from 'zod/mini';
import { checkSchema, describeIssues } from '../../validate/check-schema.js';
import type { Incident, IncidentSnapshot, TimelineEntry } from '../incident.js';
import type { ListedIncident } from '../listed-incident.js';
import { CorruptIncidentError, IncidentShape, TimelineEntryShape } from './incident-document.js';

const { timeline: _timeline, ...incidentFields } = IncidentShape.shape;

/** The shape of a list item: an incident document without `timeline`, with its last entry. */
const ListedShape = z.looseObject({ ...incidentFields, lastEntry: TimelineEntryShape });

/**
 * Validates a list item read from storage ({@link ListedIncident}: the incident's fields without
 * the timeline, and the timeline's last entry); throws {@link CorruptIncidentError} naming
 * `source` and the first problems otherwise.
 *
 * @example
 * ```ts
 * const listed = parseListedDocument({ ...stateFields, lastEntry }, '/var/lib/planwright/PO-1.state.json');
 * ```
 */
export function parseListedDocument(value: unknown, source: string): ListedIncident {
  const result = checkSchema(ListedShape, value);
  if (!result.success) throw new CorruptIncidentError(source, describeIssues(result.issues, 5));
  return value as ListedIncident;
}

/**
 * The list item of a whole incident: its fields without the timeline, and the timeline's last
 * entry (the same objects, not copies). Frozen when the incident is.
 *
 * @example
 * ```ts
 * listedOf(incident).lastEntry === incident.timeline.at(-1); // true
 * ```
 */
export function listedOf(incident: Incident): ListedIncident {
  const { timeline, ...fields } = incident;
  const listed = { ...fields, lastEntry: timeline[timeline.length - 1] } as ListedIncident;
  return Object.isFrozen(incident) ? Object.freeze(listed) : listed;
}

/**
 * The list item of a stored snapshot and its head entry: the snapshot's state (its `head`, which
 * `lastEntry` stands for, left out) and that entry. Frozen when the snapshot is.
 *
 * @example
 * ```ts
 * listedOfSnapshot(snapshot, headEntry).lastEntry.seq === snapshot.head.seq; // true
 * ```
 */
export function listedOfSnapshot(snapshot: IncidentSnapshot, lastEntry: TimelineEntry): ListedIncident {
  const { head: _head, ...fields } = snapshot;
  const listed = { ...fields, lastEntry } as unknown as ListedIncident;
  return Object.isFrozen(snapshot) ? Object.freeze(listed) : listed;
}
