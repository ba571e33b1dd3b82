/**
 * Runtime v2 (issue #16): the engine's hot path reads no timeline. What it used to find by walking
 * the timeline back (the last regrade's previous level, the entry into a stage and whether a
 * deadline was armed since) is kept in the snapshot as its `timelineIndex`, bound to the chain with
 * the rest of the state. Incidents stored before the index existed (their saves sealed with the
 * digest of the state without it) are migrated on first read: the index is derived from their
 * timeline once, then stored, bound, by their next save.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresStore } from '../../src/postgres/index.js';
import {
  createEngine,
  createManualClock,
  fileStore,
  memoryStore,
  stateDigest,
  verifyIncident,
  type Incident,
  type IncidentStore,
} from '../../src/runtime/index.js';
import { indexTimeline } from '../../src/runtime/timeline-index.js';
import { fixtureSnapshot, put } from '../stores/fixtures.js';
import { dropSchema, PG_URL, queryTestDatabase, requirePostgres, testSchemaName } from '../stores/pg-test-database.js';
import { people, seedPlan } from '../runtime/seed-fixtures.js';
import { editSnapshot } from './stored-files.js';

const plan = seedPlan();
const FIXTURE = new URL('../fixtures/runtime-v2/incident-before-timeline-index.json', import.meta.url);
const ID = 'V1-1';

/** The incident as planwright wrote it before the timeline index (see write-incident-before-timeline-index.mts). */
async function storedBefore(): Promise<Incident> {
  return JSON.parse(await readFile(FIXTURE, 'utf8')) as Incident;
}

const note = (text: string) => ({ type: 'NOTE', by: people.legalHead, data: { note: text } });

/** `store` with every `timeline` read counted. */
function counting(store: IncidentStore): { store: IncidentStore; timelineReads: () => number } {
  let reads = 0;
  const counted: IncidentStore = Object.create(store) as IncidentStore;
  counted.timeline = (id, page) => {
    reads++;
    return store.timeline(id, page);
  };
  return { store: counted, timelineReads: () => reads };
}

/** An engine on `store` with its clock an hour after the incident's last entry. */
function engineOn(store: IncidentStore, incident: Incident) {
  const clock = createManualClock(Date.parse(incident.timeline.at(-1)?.at ?? '') + 3_600_000);
  return createEngine(plan, { clock, store, effects: { notify: async () => {}, publish: async () => {} } });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-index-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('timeline index', () => {
  it('an incident stored before the index has none, and verifies: replay accepts saves sealed without it', async () => {
    const before = await storedBefore();
    expect(before.timelineIndex).toBeUndefined();
    expect(before.timeline.filter((entry) => entry.type === 'regraded')).toHaveLength(1);
    expect(before.timeline.filter((entry) => entry.type === 'stage-entered' && entry.data?.['stage'] === 'strategy')).toHaveLength(2);
    expect(verifyIncident(plan, before)).toEqual({ ok: true, replayed: before.timeline.length });
  });

  it('fileStore: a folder written before the index is read (the index derived from the timeline once) and stored, bound, by the next save', async () => {
    const before = await storedBefore();
    await writeFile(join(dir, `${ID}.json`), JSON.stringify(before)); // the layout before runtime v2, migrated on open
    const files = fileStore(dir);
    const { store, timelineReads } = counting(files);
    const engine = engineOn(store, before);
    try {
      expect((await engine.send(ID, note('first after the upgrade'))).ok).toBe(true);
      expect(timelineReads()).toBe(1);
      const second = await engine.send(ID, note('second'));
      expect(second.ok).toBe(true);
      expect(timelineReads()).toBe(1); // the snapshot the engine keeps has its index
      const after = (await engine.get(ID)) as Incident;
      expect(after.timelineIndex).toEqual(indexTimeline(after.timeline));
      expect(after.timelineIndex).toMatchObject({ regradedFrom: 'III', stageEntered: { strategy: { seq: expect.any(Number) } } });
      expect(after.timeline.at(-1)?.stateDigest).toBe(stateDigest(after));
      expect(verifyIncident(plan, after)).toEqual({ ok: true, replayed: after.timeline.length });
      // On disk: the state file holds the index (it is the state the last entry's digest covers).
      const state = JSON.parse(await readFile(join(dir, `${ID}.state.json`), 'utf8')) as Record<string, unknown>;
      expect(state['timelineIndex']).toEqual(after.timelineIndex);
    } finally {
      await engine.dispose();
    }
    // A new engine reads the stored snapshot with its index: no timeline read.
    const next = engineOn(store, before);
    try {
      expect((await next.send(ID, note('after a restart'))).ok).toBe(true);
      expect(timelineReads()).toBe(1);
    } finally {
      await next.dispose();
      await files.close();
    }
  });

  it('fileStore: an edited timeline index is refused as corrupt (it is bound to the chain)', async () => {
    const before = await storedBefore();
    await writeFile(join(dir, `${ID}.json`), JSON.stringify(before));
    const written = fileStore(dir);
    const writer = engineOn(written, before);
    expect((await writer.send(ID, note('stores the index'))).ok).toBe(true);
    await writer.dispose();
    await written.close();
    await editSnapshot(dir, ID, (snapshot) => {
      (snapshot['timelineIndex'] as Record<string, unknown>)['regradedFrom'] = 'I';
    });
    const store = fileStore(dir);
    const reader = engineOn(store, before);
    try {
      const sent = await reader.send(ID, note('on an edited index'));
      expect(sent.ok ? 'accepted' : [sent.error.code, sent.error.message]).toEqual(['corrupt', expect.stringMatching(/stateDigest/)]);
    } finally {
      await reader.dispose();
      await store.close();
    }
  });

  it('verifyIncident names an edited timeline index', async () => {
    const engine = engineOn(memoryStore(), await storedBefore());
    const opened = await engine.open({ by: people.infoOfficer, title: 't', category: 'media' });
    await engine.dispose();
    const edited = { ...opened, timelineIndex: { ...opened.timelineIndex!, deadlineArmed: { ...opened.timelineIndex!.deadlineArmed, report: 0 } } };
    expect(verifyIncident(plan, opened)).toMatchObject({ ok: true });
    expect(verifyIncident(plan, edited)).toMatchObject({ ok: false, field: 'timelineIndex.deadlineArmed.report', actual: 0 });
  });

  it('postgresStore: rows written before the index are read (derived once) and the next save stores it', async () => {
    await requirePostgres();
    const schema = testSchemaName('pw_index');
    const rows = postgresStore({ connectionString: PG_URL, schema, max: 2 });
    try {
      await rows.migrate();
      const before = await storedBefore();
      // What postgresStore wrote before the index: the state without it, and the timeline rows.
      await put(rows, before, 0);
      const { store, timelineReads } = counting(rows);
      const engine = engineOn(store, before);
      try {
        expect((await engine.send(ID, note('first after the upgrade'))).ok).toBe(true);
        expect((await engine.send(ID, note('second'))).ok).toBe(true);
        expect(timelineReads()).toBe(1);
      } finally {
        await engine.dispose();
      }
      const [row] = await queryTestDatabase<{ doc: Record<string, unknown> }>(`SELECT doc FROM "${schema}".incidents WHERE id = $1`, [ID]);
      const after = (await rows.get(ID)) as Incident;
      expect(row?.doc['timelineIndex']).toEqual(indexTimeline(after.timeline));
      expect(verifyIncident(plan, after)).toEqual({ ok: true, replayed: after.timeline.length });
      const restarted = engineOn(store, before);
      try {
        expect((await restarted.send(ID, note('after a restart'))).ok).toBe(true);
        expect(timelineReads()).toBe(1);
      } finally {
        await restarted.dispose();
      }
    } finally {
      await rows.close();
      await dropSchema(schema);
    }
  });

  it('memoryStore: a snapshot saved without an index (a host importing old incidents) is read the same way', async () => {
    const before = await storedBefore();
    const memory = memoryStore();
    await memory.save(fixtureSnapshot(before), before.timeline, 0);
    const { store, timelineReads } = counting(memory);
    const engine = engineOn(store, before);
    try {
      const sent = await engine.send(ID, note('imported'));
      expect(sent.ok && sent.incident.timelineIndex).toEqual(indexTimeline([...before.timeline, ...(sent.ok ? sent.entries : [])]));
      expect(timelineReads()).toBe(1);
    } finally {
      await engine.dispose();
    }
  });
});
