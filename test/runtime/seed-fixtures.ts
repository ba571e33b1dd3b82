import { compilePlan } from '../../src/compile/compile-plan.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { Actor, Engine, EngineEvent, Incident } from '../../src/runtime/index.js';
import { loadSeedDefinition } from '../compile/seed.js';

let compiled: CompiledPlan | undefined;
/** The seed plan, compiled once per test file. */
export function seedPlan(): CompiledPlan {
  compiled ??= compilePlan(loadSeedDefinition());
  return compiled;
}

const actor = (id: string, ...roles: string[]): Actor => ({ id, roles });
/** People of the seed plan, one per role used in tests. */
export const people = {
  infoOfficer: actor('wang', 'info-officer'),
  monitor: actor('zhao', 'monitor'),
  itHead: actor('li', 'it-head'),
  deptHead: actor('zhang', 'department-head'),
  deputy: actor('chen', 'deputy-head'),
  publicity: actor('liu', 'publicity-head'),
  counsel: actor('sun', 'legal-counsel'),
  admin: actor('zhou', 'admin-head'),
  finance: actor('wu', 'finance-staff'),
  legalHead: actor('xu', 'legal-head'),
  outsider: actor('nobody', 'journalist'),
} as const;

/** Valid data for every event of the seed plan. */
export const eventData: Record<string, Record<string, unknown>> = {
  REPORT: { summary: 'Complaint video spreads', source: 'weibo', publicReaction: 'angry comments' },
  ASSESS: { severity: 'II', nature: 'service complaint', scope: 'city', risk: 'protest' },
  DISMISS: { reason: 'not a public-opinion incident' },
  APPROVE_STRATEGY: { releasePlan: 'statement at 12:00', mediaPlan: 'brief city papers', publicPlan: 'hotline' },
  PUBLISH_STATEMENT: { statement: 'We are investigating.', channel: 'weibo' },
  BRIEF_MEDIA: { briefing: 'Press briefing held' },
  ENGAGE_PUBLIC: { reply: 'Hotline open' },
  RECORD_READING: { heat: 120, negativeShare: 0.4 },
  ADJUST_STRATEGY: { reason: 'negative share rising' },
  DECLARE_OVER: { reason: 'heat back to normal' },
  SUBMIT_REVIEW: { measures: 'statement, briefing', evaluation: 'effective', lessons: 'report faster' },
  REGRADE: { severity: 'I' },
  LOG_SUPPORT: { support: 'two extra hotline staff' },
  NOTE: { note: 'call back the reporter' },
};

/** Who sends each event in the happy path. */
export const sender: Record<string, Actor> = {
  REPORT: people.infoOfficer,
  ASSESS: people.itHead,
  DISMISS: people.deptHead,
  APPROVE_STRATEGY: people.deptHead,
  PUBLISH_STATEMENT: people.publicity,
  BRIEF_MEDIA: people.counsel,
  ENGAGE_PUBLIC: people.publicity,
  RECORD_READING: people.monitor,
  ADJUST_STRATEGY: people.itHead,
  DECLARE_OVER: people.deputy,
  SUBMIT_REVIEW: people.deptHead,
  REGRADE: people.deputy,
  LOG_SUPPORT: people.finance,
  NOTE: people.legalHead,
};

/** An event of the seed plan with its usual sender and data (data may be overridden). */
export function ev(type: string, data?: Record<string, unknown>, by?: Actor): EngineEvent {
  return { type, by: by ?? sender[type] ?? people.outsider, data: data ?? eventData[type] ?? {} };
}

/**
 * Sends an event, fails the test if it is rejected, and returns the incident whole (`engine.get`:
 * the send's result is its snapshot, without the timeline). Checks that the send's snapshot and
 * entries are the stored incident's state and the end of its timeline.
 */
export async function must(engine: Engine, id: string, type: string, data?: Record<string, unknown>): Promise<Incident> {
  const result = await engine.send(id, ev(type, data));
  if (!result.ok) throw new Error(`${type} rejected: ${result.error.code} ${result.error.message}`);
  const whole = await engine.get(id);
  if (whole === undefined) throw new Error(`${type}: incident ${id} is gone`);
  const { head, ...state } = result.incident;
  const { timeline, ...stored } = whole;
  if (JSON.stringify(state) !== JSON.stringify(stored) || timeline.at(-1)?.hash !== head.hash) throw new Error(`${type}: the send's snapshot is not the stored incident`);
  if (JSON.stringify(timeline.slice(timeline.length - result.entries.length)) !== JSON.stringify(result.entries)) throw new Error(`${type}: the send's entries are not the end of the stored timeline`);
  return whole;
}

/** Opens an incident of the seed plan. */
export function openSeed(engine: Engine, extra: { severity?: string } = {}): Promise<Incident> {
  return engine.open({ by: people.infoOfficer, title: 'Hotline complaint video', category: 'media', ...extra });
}

/** A deadline instance by id (and instance number, default the latest). */
export function deadline(incident: Incident, id: string, instance?: number) {
  const list = incident.deadlines.filter((d) => d.id === id);
  return instance === undefined ? list[list.length - 1] : list.find((d) => d.instance === instance);
}

/** ISO text of `start` + minutes. */
export function at(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}
