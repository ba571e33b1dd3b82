/**
 * A child process for the multi-process store tests: it plays a tiny engine on a shared
 * postgresStore (events are read-modify-write saves with retry on conflict; due deadlines are
 * claimed with claimDue and fired by marking them breached). It prints one JSON line per
 * acknowledged event, fired deadline and claim.
 *
 * Run: node --import tsx test/stores/pg-store-worker.ts '<json WorkerOptions>'
 */
import { postgresStore } from '../../src/postgres/index.js';
import type { DueDeadline } from '../../src/runtime/stores/store.js';
import { VersionConflictError } from '../../src/runtime/stores/store.js';
import { appendEntry, deadline, put } from './fixtures.js';

export interface WorkerOptions {
  url: string;
  schema: string;
  owner: string;
  ids: string[];
  /** How long to work (ms), unless stopped earlier with SIGTERM. */
  runMs: number;
  leaseMs: number;
  /** Recurring instances up to this number are re-armed `rearmMs` after a firing. */
  maxInstance: number;
  rearmMs: number;
  /** After this many events, claim everything due, print it and hang (to be killed). */
  hangAfter?: number;
  hangLeaseMs?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as WorkerOptions;
const store = postgresStore({ connectionString: options.url, schema: options.schema, max: 2, autoMigrate: false });
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
const now = (): string => new Date().toISOString();

async function sendEvent(id: string, eventId: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const incident = await store.get(id);
    if (incident === undefined) throw new Error(`missing ${id}`);
    const next = {
      ...incident,
      version: incident.version + 1,
      data: { ...incident.data, count: ((incident.data['count'] as number | undefined) ?? 0) + 1 },
      timeline: appendEntry(incident.timeline, { at: now(), type: 'event', result: 'accepted', data: { eventId } }),
    };
    try {
      await put(store, next, incident.version);
      return attempt;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}

async function fire(item: DueDeadline): Promise<void> {
  for (;;) {
    const incident = await store.get(item.incidentId);
    if (incident === undefined) throw new Error(`missing ${item.incidentId}`);
    const index = incident.deadlines.findIndex((d) => d.id === item.deadlineId && d.instance === item.instance);
    const inst = incident.deadlines[index];
    if (inst === undefined || inst.status !== 'pending') return say({ stale: item });
    const at = now();
    const deadlines = incident.deadlines.map((d, i) => (i === index ? { ...d, status: 'breached' as const, breachedAt: at } : d));
    if (inst.instance < options.maxInstance) {
      deadlines.push(deadline(inst.id, new Date(Date.now() + options.rearmMs).toISOString(), { instance: inst.instance + 1, armedAt: at }));
    }
    const next = {
      ...incident,
      version: incident.version + 1,
      deadlines,
      timeline: appendEntry(incident.timeline, {
        at,
        type: 'deadline-breached',
        result: 'fired',
        data: { deadline: inst.id, instance: inst.instance, by: options.owner },
      }),
    };
    try {
      await put(store, next, incident.version);
      return say({ fired: `${item.incidentId}/${item.deadlineId}#${item.instance}`, at });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}

/** SIGTERM ends the run cleanly (the parent's way to say "enough" when the run length depends on others). */
let stopped = false;
process.on('SIGTERM', () => {
  stopped = true;
});

async function main(): Promise<void> {
  const end = Date.now() + options.runMs;
  let events = 0;
  let conflicts = 0;
  while (Date.now() < end && !stopped) {
    for (const item of await store.claimDue(now(), options.owner, options.leaseMs, 2)) await fire(item);
    const id = options.ids[Math.floor(Math.random() * options.ids.length)] as string;
    const eventId = `${options.owner}:${events}`;
    conflicts += (await sendEvent(id, eventId)) - 1;
    events++;
    say({ ack: eventId, incident: id });
    if (options.hangAfter !== undefined && events >= options.hangAfter) {
      // claim the next few pending items, due or not, as a process that is about to fire them would
      const claimed = await store.claimDue('9999-12-31T00:00:00.000Z', options.owner, options.hangLeaseMs ?? options.leaseMs, 5);
      say({ claimed: claimed.map((d) => `${d.incidentId}/${d.deadlineId}#${d.instance}`), claimedAt: Date.now() });
      say({ hanging: true });
      await new Promise(() => undefined); // never resolves: the parent kills this process
    }
  }
  say({ done: true, events, conflicts });
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
