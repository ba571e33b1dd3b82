// The zod schema of a stored incident document, as src/runtime/stores/incident-document.ts had it
// before the runtime dropped zod: the oracle its validator and fast check are compared with.
import * as z from 'zod';
import { INCIDENT_ID_PATTERN } from '../../src/runtime/stores/incident-id.js';
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time');

const Actor = z.looseObject({ id: z.string(), roles: z.array(z.string()) });

const DeadlineInstance = z.looseObject({
  id: z.string(),
  instance: z.number().int().min(1),
  stage: z.string(),
  armedAt: isoTime,
  baseAt: isoTime.optional(),
  dueAt: isoTime,
  status: z.enum(['pending', 'met', 'breached', 'cancelled']),
  metAt: isoTime.optional(),
  breachedAt: isoTime.optional(),
  cancelledAt: isoTime.optional(),
  conditionEndedAt: isoTime.optional(),
  remindersSent: z.array(z.number()),
});

const TimelineEntry = z.looseObject({
  seq: z.number().int().min(0),
  at: isoTime,
  type: z.string(),
  by: Actor.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  result: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const PendingEffect = z.looseObject({
  id: z.string(),
  name: z.string(),
  at: isoTime,
  payload: z.record(z.string(), z.unknown()),
});

/**
 * The shape a store checks on every incident document it reads back (file, row) before use.
 * Unknown keys are kept (a newer engine may add fields); known keys must have the right types.
 */
export const ZodIncidentDocument = z.looseObject({
  id: z.string().regex(INCIDENT_ID_PATTERN, 'a valid incident id'),
  planId: z.string(),
  planVersion: z.string(),
  planHash: z.string(),
  title: z.string(),
  category: z.string(),
  stage: z.string(),
  state: z.unknown(),
  tracks: z.array(z.string()),
  severity: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  deadlines: z.array(DeadlineInstance),
  outbox: z.array(PendingEffect),
  timeline: z.array(TimelineEntry),
  version: z.number().int().min(1),
  openedAt: isoTime,
  closedAt: isoTime.nullable(),
  closed: z.boolean(),
});
