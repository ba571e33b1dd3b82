/**
 * The child process of the crash test (test/robustness/crash.test.ts), bundled by the test with
 * esbuild so that it starts fast. It runs the seed plan's bundle on a `fileStore` until it is
 * killed: on start it fires what is overdue (`runDue`), prints `ready`, then opens incidents and
 * sends events to several incidents at once, moving its manual clock now and then. After every
 * `open` or `send` that resolved it prints an ack line, so the parent knows what must survive:
 *
 *   ack <incident id> <version> <timeline length> <hash of the last timeline entry> <clock ms>
 *
 * Arguments: <store dir> <bundle file> <clock start ms> <random seed>.
 */
import { readFileSync } from 'node:fs';
import { createEngine, createManualClock, type Actor, type Incident, type IncidentSnapshot, type PlanBundle } from '../../src/runtime/index.js';
import { fileStore } from '../../src/runtime/stores/file-store.js';

const [dir, bundleFile, startArg, seedArg] = process.argv.slice(2);
if (dir === undefined || bundleFile === undefined) throw new Error('usage: crash-child <dir> <bundle> <start ms> <seed>');
let seed = Number(seedArg ?? 1) >>> 0 || 1;
/** xorshift32: deterministic per child, different per restart. */
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const who = (id: string, role: string): Actor => ({ id, roles: [role] });
const SEND: Record<string, { by: Actor; data: Record<string, unknown> }> = {
  REPORT: { by: who('wang', 'info-officer'), data: { summary: 'Complaint video spreads', source: 'weibo', publicReaction: 'angry comments' } },
  ASSESS: { by: who('li', 'it-head'), data: { severity: 'II', nature: 'service complaint', scope: 'city', risk: 'protest' } },
  DISMISS: { by: who('zhang', 'department-head'), data: { reason: 'not a public-opinion incident' } },
  APPROVE_STRATEGY: { by: who('zhang', 'department-head'), data: { releasePlan: 'statement', mediaPlan: 'brief papers', publicPlan: 'hotline' } },
  PUBLISH_STATEMENT: { by: who('liu', 'publicity-head'), data: { statement: 'We are investigating.', channel: 'weibo' } },
  BRIEF_MEDIA: { by: who('sun', 'legal-counsel'), data: { briefing: 'Press briefing held' } },
  ENGAGE_PUBLIC: { by: who('liu', 'publicity-head'), data: { reply: 'Hotline open' } },
  RECORD_READING: { by: who('zhao', 'monitor'), data: { heat: 120, negativeShare: 0.4 } },
  ADJUST_STRATEGY: { by: who('li', 'it-head'), data: { reason: 'negative share rising' } },
  DECLARE_OVER: { by: who('chen', 'deputy-head'), data: { reason: 'heat back to normal' } },
  SUBMIT_REVIEW: { by: who('zhang', 'department-head'), data: { measures: 'statement', evaluation: 'effective', lessons: 'report faster' } },
  REGRADE: { by: who('chen', 'deputy-head'), data: { severity: 'I' } },
  NOTE: { by: who('xu', 'legal-head'), data: { note: 'call back the reporter' } },
};
const TRACK_EVENT: Record<string, string> = { release: 'PUBLISH_STATEMENT', media: 'BRIEF_MEDIA', public: 'ENGAGE_PUBLIC' };

/** A plausible next event for the incident (now and then one the engine rejects). */
function nextEvent(incident: Incident): string {
  const r = random();
  if (r < 0.08) return 'NOTE';
  if (r < 0.12) return 'SUBMIT_REVIEW'; // usually rejected: not in stage
  switch (incident.stage) {
    case 'report':
      return 'REPORT';
    case 'assess':
      return random() < 0.1 ? 'DISMISS' : 'ASSESS';
    case 'strategy':
      return random() < 0.15 ? 'REGRADE' : 'APPROVE_STRATEGY';
    case 'respond':
      return random() < 0.2 ? 'RECORD_READING' : (TRACK_EVENT[pick(incident.tracks)] ?? 'RECORD_READING');
    case 'monitor':
      return pick(['RECORD_READING', 'RECORD_READING', 'ADJUST_STRATEGY', 'DECLARE_OVER', 'DECLARE_OVER']);
    default:
      return 'SUBMIT_REVIEW';
  }
}

/** Reports an acknowledged save: the incident (whole, as `open` returns it, or a send's snapshot) with its timeline length and last hash. */
function ack(incident: Incident | IncidentSnapshot, now: number): void {
  const head = 'head' in incident ? incident.head : { seq: incident.timeline.length - 1, hash: incident.timeline.at(-1)?.hash ?? '-' };
  // Writes to a pipe are synchronous on Linux: once this returns, the parent will read the line.
  process.stdout.write(`ack ${incident.id} ${incident.version} ${head.seq + 1} ${head.seq < 0 ? '-' : head.hash} ${now}\n`);
}

const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as PlanBundle;
const clock = createManualClock(Number(startArg));
const store = fileStore(dir);
let made = 0;
const engine = createEngine(bundle, {
  clock,
  store,
  effects: { notify: async () => {}, publish: async () => {} },
  newId: () => `C${Number(seedArg).toString(36)}-${++made}`,
});
const fired = await engine.runDue();
process.stdout.write(`ready ${fired} ${clock.now()}\n`);

const open = new Set<string>();
for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
  const page = await engine.list({ open: true, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
  for (const incident of page.incidents) open.add(incident.id);
  cursor = page.next;
}
async function work(lane: number): Promise<void> {
  for (;;) {
    if (lane === 0 && random() < 0.1) {
      clock.advance(Math.floor(random() * 3 * 3_600_000));
      await engine.runDue();
    }
    if (open.size < 3 + lane || random() < 0.05) {
      const incident = await engine.open({ by: SEND['REPORT']?.by as Actor, title: 'Crash-test incident', category: 'media' });
      open.add(incident.id);
      ack(incident, clock.now());
      continue;
    }
    const ids = [...open].filter((_, i) => i % 3 === lane);
    const id = ids.length > 0 ? pick(ids) : pick([...open]);
    const current = await engine.get(id);
    if (current === undefined || current.closed) {
      open.delete(id);
      continue;
    }
    const type = nextEvent(current);
    const send = SEND[type] as { by: Actor; data: Record<string, unknown> };
    const result = await engine.send(id, { type, by: send.by, data: send.data });
    const incident = result.ok ? result.incident : result.incident;
    if (incident !== undefined) {
      ack(incident, clock.now());
      if (incident.closed) open.delete(id);
    }
  }
}
await Promise.all([work(0), work(1), work(2)]);
