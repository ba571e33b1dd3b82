import { expect } from 'vitest';
import { verifyTimeline, type Incident } from '../../src/runtime/index.js';

/** Counts of what a multi-process engine run left in the incidents. */
export interface EngineRunSummary {
  notes: number;
  breaches: number;
  reminders: number;
  effects: number;
}

const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Asserts the invariants of a multi-process engine run at virtual time `finalTime` (ms):
 * timelines verify; each NOTE applied at most once and every acknowledged one exactly once;
 * each deadline instance breached at most once (exactly once if breached), no pending instance
 * overdue; each reminder sent at most once; outboxes empty and every effect recorded once.
 */
export function checkEngineRun(incidents: readonly Incident[], acked: ReadonlySet<string>, finalTime: number): EngineRunSummary {
  const notes = new Map<string, number>();
  let breaches = 0;
  let reminders = 0;
  let effects = 0;
  for (const incident of incidents) {
    expect(verifyTimeline(incident), `timeline of ${incident.id}`).toEqual({ ok: true });
    const breached = new Map<string, number>();
    const reminded = new Map<string, number>();
    const recorded = new Map<string, number>();
    const requested = new Set<string>();
    for (const entry of incident.timeline) {
      const data = entry.data ?? {};
      if (entry.type === 'event' && data['event'] === 'NOTE') bump(notes, String((data['data'] as { note: string }).note));
      if (entry.type === 'deadline-breached') bump(breached, `${String(data['deadline'])}#${String(data['instance'])}`);
      if (entry.type === 'reminder') bump(reminded, `${String(data['deadline'])}#${String(data['instance'])}@${String(data['before'])}`);
      if (entry.type === 'effect-delivered' || entry.type === 'effect-failed') bump(recorded, String(data['effect']));
    }
    for (const [key, n] of breached) expect(n, `${incident.id} ${key} breached once`).toBe(1);
    for (const [key, n] of reminded) expect(n, `${incident.id} reminder ${key} sent once`).toBe(1);
    for (const d of incident.deadlines) {
      const key = `${d.id}#${d.instance}`;
      if (d.status === 'breached') expect(breached.get(key), `${incident.id} ${key} has its breach entry`).toBe(1);
      if (d.status === 'pending') expect(Date.parse(d.dueAt), `${incident.id} ${key} is not overdue`).toBeGreaterThan(finalTime);
      if (d.status !== 'breached') expect(breached.has(key), `${incident.id} ${key} (${d.status}) was not breached`).toBe(false);
    }
    expect(incident.outbox, `${incident.id} outbox delivered`).toEqual([]);
    for (const [id, n] of recorded) expect(n, `${incident.id} effect ${id} recorded once`).toBe(1);
    for (const id of recorded.keys()) requested.add(id);
    breaches += breached.size;
    reminders += reminded.size;
    effects += recorded.size;
  }
  for (const [note, n] of notes) expect(n, `event ${note} applied once`).toBe(1);
  for (const note of acked) expect(notes.get(note), `acknowledged event ${note}`).toBe(1);
  return { notes: notes.size, breaches, reminders, effects };
}
