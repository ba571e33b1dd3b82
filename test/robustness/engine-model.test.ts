/**
 * Model-based test of the engine on the seed plan: random sequences of valid and invalid events by
 * random people, with random clock jumps, checked after every step against an independent model of
 * the plan written from design/seed-plan.md (stages, tracks, who may send what, which data is
 * valid). Invariants after every step:
 * - the engine accepts exactly what the model accepts, and rejects with the model's code;
 * - no stage (or track) change without an accepted, authorized, valid event — clock jumps and
 *   deadline firings change no stage (the seed plan's breaches only notify and record);
 * - a rejection changes nothing but the timeline; the timeline only grows and its hash chain verifies;
 * - each deadline instance breaches at most once, and nothing due stays pending after `runDue`;
 * - saving the incident (as JSON text) at a random step and restoring it into a new engine, then
 *   continuing with the same steps, gives byte-for-byte the same incident as not restoring.
 *
 * CI runs 1,000 sequences; `PLANWRIGHT_MODEL_RUNS=<n>` runs n.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import { createEngine, createManualClock, memoryStore, verifyTimeline, type Actor, type Engine, type EngineEvent, type Incident, type SendResult } from '../../src/runtime/index.js';
import { seedPlan } from '../runtime/seed-fixtures.js';
import { runsFrom, seedFrom } from './support.js';
import { put } from '../stores/fixtures.js';

const RUNS = runsFrom('PLANWRIGHT_MODEL_RUNS', 1000);
const START = '2024-05-01T08:00:00.000Z';

// ---- the model (from design/seed-plan.md, not from the compiled plan) ------------------------

const ROLES = [
  'department-head', 'deputy-head', 'publicity-head', 'legal-head', 'it-head', 'service-head', 'info-officer', 'monitor',
  'legal-counsel', 'customer-service', 'social-worker', 'counselor', 'admin-head', 'finance-staff', 'logistics-staff',
] as const;
const ANALYSIS = ['it-head', 'info-officer', 'monitor'];
const COMMAND_LEAD = ['department-head', 'deputy-head'];
const COMMUNICATION = ['publicity-head', 'legal-counsel', 'customer-service', 'social-worker', 'counselor'];
const LOGISTICS = ['admin-head', 'finance-staff', 'logistics-staff'];
const OPEN_STAGES = ['report', 'assess', 'strategy', 'respond', 'monitor', 'review'];
const TRACKS = { PUBLISH_STATEMENT: 'release', BRIEF_MEDIA: 'media', ENGAGE_PUBLIC: 'public' } as const;

type FieldType = { type: 'text' } | { type: 'number'; min?: number; max?: number } | { type: 'enum'; values: string[] } | { type: 'severity' };
const LEVELS = ['I', 'II', 'III', 'IV'];
const FIELDS: Record<string, FieldType> = {
  summary: { type: 'text' }, source: { type: 'text' }, publicReaction: { type: 'text' }, severity: { type: 'severity' },
  nature: { type: 'text' }, scope: { type: 'text' }, risk: { type: 'text' }, reason: { type: 'text' },
  releasePlan: { type: 'text' }, mediaPlan: { type: 'text' }, publicPlan: { type: 'text' }, statement: { type: 'text' },
  channel: { type: 'enum', values: ['website', 'weibo', 'wechat', 'press-conference', 'app', 'other'] },
  briefing: { type: 'text' }, reply: { type: 'text' }, heat: { type: 'number', min: 0 }, negativeShare: { type: 'number', min: 0, max: 1 },
  measures: { type: 'text' }, evaluation: { type: 'text' }, lessons: { type: 'text' }, support: { type: 'text' }, note: { type: 'text' },
};

interface EventRule {
  requires: string[];
  optional?: string[];
  /** Stages (or `respond` tracks, for the track events) where it is accepted. */
  in: string[];
  by: readonly string[];
  /** Where it goes (undefined: stays). */
  to?: string;
}
const EVENTS: Record<string, EventRule> = {
  REPORT: { requires: ['summary', 'source', 'publicReaction'], in: ['report'], by: ANALYSIS, to: 'assess' },
  ASSESS: { requires: ['severity', 'nature', 'scope', 'risk'], in: ['assess'], by: ['it-head'], to: 'strategy' },
  DISMISS: { requires: ['reason'], in: ['assess'], by: COMMAND_LEAD, to: 'closed' },
  APPROVE_STRATEGY: { requires: ['releasePlan', 'mediaPlan', 'publicPlan'], in: ['strategy'], by: COMMAND_LEAD, to: 'respond' },
  PUBLISH_STATEMENT: { requires: ['statement', 'channel'], in: ['respond'], by: COMMUNICATION },
  BRIEF_MEDIA: { requires: ['briefing'], in: ['respond'], by: COMMUNICATION },
  ENGAGE_PUBLIC: { requires: ['reply'], in: ['respond'], by: COMMUNICATION },
  RECORD_READING: { requires: ['heat', 'negativeShare'], optional: ['note'], in: ['respond', 'monitor'], by: ANALYSIS },
  ADJUST_STRATEGY: { requires: ['reason'], in: ['monitor'], by: [...COMMAND_LEAD, 'it-head'], to: 'strategy' },
  DECLARE_OVER: { requires: ['reason'], in: ['monitor'], by: COMMAND_LEAD, to: 'review' },
  SUBMIT_REVIEW: { requires: ['measures', 'evaluation', 'lessons'], in: ['review'], by: COMMAND_LEAD, to: 'closed' },
  REGRADE: { requires: ['severity'], optional: ['reason'], in: ['strategy', 'respond', 'monitor'], by: COMMAND_LEAD },
  LOG_SUPPORT: { requires: ['support'], in: OPEN_STAGES, by: LOGISTICS },
  NOTE: { requires: ['note'], in: OPEN_STAGES, by: ROLES },
};
const EVENT_TYPES = Object.keys(EVENTS);

interface Model {
  stage: string;
  tracks: Set<string>;
  closed: boolean;
}

function accepted(model: Model, type: string): boolean {
  const rule = EVENTS[type];
  if (rule === undefined || !rule.in.includes(model.stage)) return false;
  const track = TRACKS[type as keyof typeof TRACKS];
  return track === undefined || model.tracks.has(track);
}

function validValue(field: string, value: unknown): boolean {
  const f = FIELDS[field];
  if (f === undefined) return false;
  switch (f.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 10_000;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (f.min === undefined || value >= f.min) && (f.max === undefined || value <= f.max);
    case 'enum':
      return typeof value === 'string' && f.values.includes(value);
    case 'severity':
      return typeof value === 'string' && LEVELS.includes(value);
  }
}

function validData(rule: EventRule, data: unknown): boolean {
  const raw = data ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const record = raw as Record<string, unknown>;
  if (!rule.requires.every((f) => record[f] !== undefined)) return false;
  const allowed = new Set([...rule.requires, ...(rule.optional ?? [])]);
  return Object.entries(record).every(([k, v]) => allowed.has(k) && (v === undefined || validValue(k, v)));
}

type Prediction = { ok: true } | { ok: false; code: string };

function predict(model: Model, event: EngineEvent): Prediction {
  const rule = EVENTS[event.type];
  if (rule === undefined) return { ok: false, code: 'unknown-event' };
  if (model.closed) return { ok: false, code: 'closed' };
  // Someone who may send the event in no stage is unauthorized wherever the incident is
  // (each seed event has one set of senders, so "anywhere" and "here" are the same set).
  if (!event.by.roles.some((r) => rule.by.includes(r))) return { ok: false, code: 'unauthorized' };
  if (!accepted(model, event.type)) return { ok: false, code: 'not-in-stage' };
  if (!validData(rule, event.data)) return { ok: false, code: 'invalid-data' };
  return { ok: true };
}

function step(model: Model, type: string): void {
  const rule = EVENTS[type] as EventRule;
  const track = TRACKS[type as keyof typeof TRACKS];
  if (track !== undefined) {
    model.tracks.delete(track);
    if (model.tracks.size === 0) model.stage = 'monitor';
    return;
  }
  if (rule.to === undefined) return;
  model.stage = rule.to;
  model.tracks = rule.to === 'respond' ? new Set(Object.values(TRACKS)) : new Set();
  if (rule.to === 'closed') model.closed = true;
}

// ---- people, data and steps ----------------------------------------------------------------

const PEOPLE: Actor[] = [
  ...ROLES.map((r, i) => ({ id: `p${i}`, roles: [r] })),
  { id: 'chief', roles: ['department-head', 'publicity-head'] },
  { id: 'analyst', roles: ['journalist', 'monitor'] },
  { id: 'outsider', roles: ['journalist'] },
  { id: 'nobody', roles: [] },
  { id: 'ctl\u0000\u001b[31m\u202e', roles: ['counselor'] },
];

type Variant = 'valid' | 'missing' | 'extra' | 'undeclared' | 'wrong-type' | 'out-of-range' | 'not-object' | 'too-long' | 'none';
const VARIANTS: Variant[] = ['missing', 'extra', 'undeclared', 'wrong-type', 'out-of-range', 'not-object', 'too-long', 'none'];
const TEXTS = ['ok', '中文 说明', 'line\nbreak', 'ctl \u0000\u0007\u001b', '😀', '', ' '.repeat(3), 'x'.repeat(10_000)];

function validFor(type: string, pick: number): Record<string, unknown> {
  const rule = EVENTS[type];
  if (rule === undefined) return { note: 'x' };
  const data: Record<string, unknown> = {};
  const fields = [...rule.requires, ...(pick % 3 === 0 ? (rule.optional ?? []) : [])];
  fields.forEach((field, i) => {
    const f = FIELDS[field] as FieldType;
    const k = pick + i * 7;
    if (f.type === 'text') data[field] = TEXTS[k % TEXTS.length];
    else if (f.type === 'enum') data[field] = f.values[k % f.values.length];
    else if (f.type === 'severity') data[field] = LEVELS[k % LEVELS.length];
    else data[field] = f.max === undefined ? (k % 5) * 37.5 : (k % 11) / 10;
  });
  return data;
}

function dataFor(type: string, variant: Variant, pick: number): unknown {
  const valid = validFor(type, pick);
  const rule = EVENTS[type];
  const first = rule?.requires[0] ?? 'note';
  switch (variant) {
    case 'valid':
      return valid;
    case 'none':
      return undefined;
    case 'missing': {
      const { [first]: _gone, ...rest } = valid;
      return rest;
    }
    case 'extra':
      return { ...valid, bogus: 1 };
    case 'undeclared':
      return { ...valid, [type === 'REPORT' ? 'severity' : 'summary']: type === 'REPORT' ? 'I' : 'x' };
    case 'wrong-type':
      return { ...valid, [first]: FIELDS[first]?.type === 'number' ? 'many' : 12345 };
    case 'out-of-range':
      if (type === 'RECORD_READING') return { ...valid, negativeShare: 1.5 };
      if (FIELDS[first]?.type === 'severity') return { ...valid, [first]: 'V' };
      if (FIELDS[first]?.type === 'enum') return { ...valid, [first]: 'carrier-pigeon' };
      return { ...valid, [first]: Number.NaN };
    case 'not-object':
      return pick % 2 === 0 ? ['a', 'b'] : 'text';
    case 'too-long':
      return { ...valid, [type === 'RECORD_READING' ? 'note' : first]: 'y'.repeat(10_001) };
  }
}

type Step =
  | { kind: 'progress'; pick: number }
  | { kind: 'send'; type: string; person: number; variant: Variant; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'bad-envelope'; which: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.nat().map((pick) => ({ kind: 'progress' as const, pick })) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      type: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...EVENT_TYPES) }, { weight: 1, arbitrary: fc.constantFrom('UNKNOWN', 'report', 'NOTE ') }),
      person: fc.nat({ max: PEOPLE.length - 1 }),
      variant: fc.oneof({ weight: 3, arbitrary: fc.constant('valid' as Variant) }, { weight: 2, arbitrary: fc.constantFrom(...VARIANTS) }),
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.integer({ min: 0, max: 5 * 60_000 }), fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 0, max: 8 * 86_400_000 }))
      .map((ms) => ({ kind: 'advance' as const, ms })),
  },
  { weight: 1, arbitrary: fc.nat({ max: 4 }).map((which) => ({ kind: 'bad-envelope' as const, which })) },
);

/** The event a step sends (given the model for `progress`), or undefined for a clock jump. */
function eventOf(s: Step, model: Model): EngineEvent | unknown | undefined {
  switch (s.kind) {
    case 'advance':
      return undefined;
    case 'progress': {
      const open = EVENT_TYPES.filter((t) => accepted(model, t) && t !== 'NOTE' && t !== 'LOG_SUPPORT');
      const type = open.length === 0 ? 'NOTE' : (open[s.pick % open.length] as string);
      const allowed = PEOPLE.filter((p) => p.roles.some((r) => EVENTS[type]?.by.includes(r)));
      const by = allowed[s.pick % Math.max(1, allowed.length)] ?? (PEOPLE[0] as Actor);
      return { type, by, data: validFor(type, s.pick) };
    }
    case 'send':
      return { type: s.type, by: PEOPLE[s.person] as Actor, data: dataFor(s.type, s.variant, s.pick) };
    case 'bad-envelope':
      return [
        { type: '', by: PEOPLE[0], data: {} },
        { type: 'NOTE', by: { id: '', roles: ['monitor'] }, data: { note: 'x' } },
        { type: 'NOTE', by: { id: 'x', roles: 'monitor' }, data: { note: 'x' } },
        { type: 'N'.repeat(65), by: PEOPLE[0], data: {} },
        { type: 'NOTE', by: { id: 'x', roles: Array.from({ length: 101 }, () => 'monitor') }, data: { note: 'x' } },
      ][s.which];
  }
}

// ---- running -------------------------------------------------------------------------------

/** A deterministic host: notify succeeds, publish always fails (so `effect-failed` entries happen too). */
const effects = {
  notify: async () => {},
  publish: async () => {
    throw new Error('channel down');
  },
};

interface Side {
  engine: Engine;
  clock: ReturnType<typeof createManualClock>;
}

function side(): Side {
  const clock = createManualClock(START);
  return { engine: createEngine(seedPlan(), { clock, effects, newId: () => 'MODEL-1' }), clock };
}

/** Applies one step; returns the send result (undefined for a clock jump). */
async function apply(s: Side, id: string, event: unknown): Promise<SendResult | undefined> {
  if (event === undefined) return undefined;
  return s.engine.send(id, event as EngineEvent);
}

async function jump(s: Side, ms: number): Promise<void> {
  s.clock.advance(ms);
  await s.engine.runDue();
}

function fail(message: string, trace: string[]): never {
  throw new Error(`${message}\nsteps:\n  ${trace.join('\n  ')}`);
}

function checkInvariants(before: Incident, after: Incident, now: number, trace: string[]): void {
  const v = verifyTimeline(after);
  if (!v.ok) fail(`timeline does not verify at ${v.brokenAt} (${v.reason})`, trace);
  if (after.timeline.length < before.timeline.length) fail('the timeline shrank', trace);
  for (let i = 0; i < before.timeline.length; i++) {
    if (after.timeline[i]?.hash !== before.timeline[i]?.hash) fail(`timeline entry ${i} changed`, trace);
  }
  if (after.version < before.version) fail('the version went back', trace);
  const breaches = new Map<string, number>();
  for (const e of after.timeline) {
    if (e.type !== 'deadline-breached') continue;
    const key = `${String(e.data?.['deadline'])}#${String(e.data?.['instance'])}`;
    breaches.set(key, (breaches.get(key) ?? 0) + 1);
  }
  for (const [key, n] of breaches) if (n > 1) fail(`deadline instance ${key} breached ${n} times`, trace);
  for (const d of after.deadlines) {
    const n = breaches.get(`${d.id}#${d.instance}`) ?? 0;
    if ((d.status === 'breached') !== (n === 1)) fail(`deadline ${d.id}#${d.instance} is ${d.status} with ${n} breach entries`, trace);
    if (d.status === 'pending' && Date.parse(d.dueAt) <= now) fail(`deadline ${d.id}#${d.instance} due ${d.dueAt} is still pending at ${new Date(now).toISOString()}`, trace);
  }
}

function sameState(a: Incident, b: Incident): boolean {
  return a.stage === b.stage && canonicalJson(a.state) === canonicalJson(b.state) && a.tracks.join() === b.tracks.join() && a.closed === b.closed;
}

async function runSequence(steps: Step[], restoreAt: number): Promise<void> {
  const main = side();
  const opened = await main.engine.open({ by: PEOPLE[6] as Actor, title: 'Model incident', category: 'media' });
  const id = opened.id;
  const model: Model = { stage: 'report', tracks: new Set(), closed: false };
  let current = opened;
  let twin: Side | undefined;
  const trace: string[] = [];
  const restore = async (): Promise<Side> => {
    const t: Side = { clock: createManualClock(main.clock.now()), engine: undefined as unknown as Engine };
    const store = memoryStore();
    // Saved whole into a new store, as a host moving its incidents would.
    await put(store, JSON.parse(JSON.stringify(current)) as Incident, 0);
    t.engine = createEngine(seedPlan(), { clock: t.clock, store, effects, newId: () => 'MODEL-1' });
    trace.push(`-- saved and restored into a new engine (version ${current.version})`);
    return t;
  };
  for (let i = 0; i <= steps.length; i++) {
    if (i === restoreAt) twin = await restore();
    const s = steps[i];
    if (s === undefined) break;
    const before = current;
    if (s.kind === 'advance') {
      trace.push(`advance ${s.ms} ms`);
      await jump(main, s.ms);
      if (twin !== undefined) await jump(twin, s.ms);
      current = (await main.engine.get(id)) as Incident;
      if (!sameState(before, current)) fail(`the clock jump changed the stage from ${before.stage} to ${current.stage}`, trace);
      if (canonicalJson(before.data) !== canonicalJson(current.data) || before.severity !== current.severity) fail('the clock jump changed the data', trace);
      checkInvariants(before, current, main.clock.now(), trace);
      continue;
    }
    const event = eventOf(s, model);
    const e = event as Partial<EngineEvent>;
    trace.push(`${s.kind} ${String(e.type)} by ${JSON.stringify(e.by)} data ${JSON.stringify(e.data)?.slice(0, 80)}`);
    main.clock.advance(1000);
    twin?.clock.advance(1000);
    const result = (await apply(main, id, event)) as SendResult;
    const twinResult = twin === undefined ? undefined : await apply(twin, id, event);
    if (twinResult !== undefined && twinResult.ok !== result.ok) fail(`the restored engine ${twinResult.ok ? 'accepted' : 'rejected'} what the other did not`, trace);
    const expected: Prediction = s.kind === 'bad-envelope' ? { ok: false, code: 'invalid-data' } : predict(model, event as EngineEvent);
    const got = result.ok ? 'accepted' : result.error.code;
    if (got !== (expected.ok ? 'accepted' : expected.code)) {
      fail(`engine ${got}${result.ok ? '' : ` (${result.error.message.slice(0, 200)})`}, model ${expected.ok ? 'accepts' : expected.code}`, trace);
    }
    current = (await main.engine.get(id)) as Incident;
    if (result.ok) {
      step(model, (event as EngineEvent).type);
    } else {
      if (!sameState(before, current)) fail(`a rejected event (${result.error.code}) moved the incident from ${before.stage} to ${current.stage}`, trace);
      if (canonicalJson(before.data) !== canonicalJson(current.data) || before.severity !== current.severity) fail('a rejected event changed the data', trace);
      if (canonicalJson(before.deadlines) !== canonicalJson(current.deadlines)) fail('a rejected event changed the deadlines', trace);
      const added = current.timeline.slice(before.timeline.length).map((x) => x.type);
      const wanted = s.kind === 'bad-envelope' ? [] : ['rejected'];
      if (added.join() !== wanted.join()) fail(`a rejection added ${JSON.stringify(added)} to the timeline`, trace);
    }
    if (current.stage !== model.stage || current.closed !== model.closed) fail(`engine in ${current.stage} (closed ${current.closed}), model in ${model.stage}`, trace);
    if ([...current.tracks].sort().join() !== [...model.tracks].sort().join()) fail(`engine tracks ${current.tracks.join()}, model ${[...model.tracks].join()}`, trace);
    if (current.stage !== before.stage && !result.ok) fail('stage changed without an accepted event', trace);
    checkInvariants(before, current, main.clock.now(), trace);
  }
  if (twin !== undefined) {
    const restored = (await twin.engine.get(id)) as Incident;
    if (canonicalJson(restored) !== canonicalJson(current)) {
      const a = current.timeline.map((x) => x.type);
      const b = restored.timeline.map((x) => x.type);
      fail(`restored run differs: version ${restored.version} vs ${current.version}; timelines ${JSON.stringify(b)} vs ${JSON.stringify(a)}`, trace);
    }
    await twin.engine.dispose();
  }
  await main.engine.dispose();
}

describe(`engine against a model of the seed plan (${RUNS} sequences)`, () => {
  it('accepts and rejects as the model says; invariants hold after every step; save/restore changes nothing', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 24 }).chain((s) => fc.tuple(fc.constant(s), fc.nat({ max: s.length }))),
        async ([s, restoreAt]) => {
          steps += s.length;
          await runSequence(s, restoreAt);
        },
      ),
      { numRuns: RUNS, seed: seedFrom(4242) },
    );
    expect(steps).toBeGreaterThan(RUNS);
  }, 600_000);

  it('the model reaches every stage of the seed plan (the sequences are not stuck at the start)', async () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 24 }), (s) => {
        const model: Model = { stage: 'report', tracks: new Set(), closed: false };
        for (const x of s) {
          if (x.kind === 'advance') continue;
          const event = eventOf(x, model) as EngineEvent;
          if (x.kind !== 'bad-envelope' && predict(model, event).ok) step(model, event.type);
          reached.add(model.stage);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    expect([...reached].sort()).toEqual(['assess', 'closed', 'monitor', 'report', 'respond', 'review', 'strategy']);
  });
});
