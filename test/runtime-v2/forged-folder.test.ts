/**
 * Runtime v2 (issue #16), problem 2: the state is not bound to the hash chain. Edits made to a
 * file-store folder from outside — an incident's stage, a field value, a deadline's due time, or
 * its last timeline entry cut off — must make the engine refuse that incident as corrupt (a typed
 * error, for that incident only), and `verifyIncident(plan, incident)` must name the first
 * disagreement. Today the forged incident is accepted silently and `verifyIncident` does not exist.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as runtime from '../../src/runtime/index.js';
import { createEngine, createManualClock, fileStore, memoryStore, type Engine, type Incident } from '../../src/runtime/index.js';
import { clerk, integrityPlan, T0 } from './integrity-plan.js';
import { deleteLastTimelineEntry, editSnapshot } from './stored-files.js';

const plan = integrityPlan();
const FORGED = 'FG-01';
const UNTOUCHED = 'FG-02';
const note = (text: string) => ({ type: 'NOTE', by: clerk, data: { note: text } });

/** Opens two incidents at stage assess; the forged one gets READING 5, a NOTE and READING 9 (its last entry). */
async function play(engine: Engine): Promise<Incident> {
  await engine.open({ by: clerk, title: 'forged', category: 'any' });
  await engine.open({ by: clerk, title: 'untouched', category: 'any' });
  for (const event of [
    { type: 'READING', by: clerk, data: { reading: 5 } },
    note('first note'),
    { type: 'READING', by: clerk, data: { reading: 9 } },
  ]) {
    const result = await engine.send(FORGED, event);
    if (!result.ok) throw new Error(`${event.type}: ${result.error.code} ${result.error.message}`);
  }
  const incident = await engine.get(FORGED);
  if (incident === undefined) throw new Error('incident missing');
  return incident;
}

function newEngine(store: runtime.IncidentStore) {
  let next = 0;
  const ids = [FORGED, UNTOUCHED];
  return createEngine(plan, { clock: createManualClock(T0), store, newId: () => ids[next++] as string, effects: { notify: async () => {} } });
}

/** How a promise settled: its value, or the error it rejected with. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

/** The code of a typed engine error (a `PlanwrightError` has one), or undefined. */
const codeOf = (error: unknown): string | undefined => (runtime.isPlanwrightError(error) ? String((error as { code?: unknown }).code) : undefined);

/** The four forgeries, as edits of the snapshot (or of the timeline) in the folder and of an incident in memory. */
const forgeries: Array<{ name: string; names: RegExp; folder: (dir: string) => Promise<unknown>; memory: (incident: Incident) => Incident }> = [
  {
    name: "the stage (and the machine state) moved from assess to review",
    names: /stage|state/,
    folder: (dir) => editSnapshot(dir, FORGED, (s) => Object.assign(s, { stage: 'review', state: 'review' })),
    memory: (incident) => ({ ...incident, stage: 'review', state: 'review' }),
  },
  {
    name: 'a field value changed (reading 9 → 500)',
    names: /reading|data/,
    folder: (dir) => editSnapshot(dir, FORGED, (s) => Object.assign(s['data'] as object, { reading: 500 })),
    memory: (incident) => ({ ...incident, data: { ...incident.data, reading: 500 } }),
  },
  {
    name: "a deadline's dueAt moved to 2099",
    names: /dueAt|deadline/,
    folder: (dir) =>
      editSnapshot(dir, FORGED, (s) => {
        for (const d of s['deadlines'] as Array<Record<string, unknown>>) d['dueAt'] = '2099-01-01T00:00:00.000Z';
      }),
    memory: (incident) => ({ ...incident, deadlines: incident.deadlines.map((d) => ({ ...d, dueAt: '2099-01-01T00:00:00.000Z' })) }),
  },
  {
    name: 'the last timeline entry deleted',
    names: /timeline|head|entry|hash|reading|data/,
    folder: (dir) => deleteLastTimelineEntry(dir, FORGED),
    memory: (incident) => ({ ...incident, timeline: incident.timeline.slice(0, -1) }),
  },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-forged-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runtime v2: a file-store folder edited from outside', () => {
  for (const forgery of forgeries) {
    it(`refuses the incident as corrupt when ${forgery.name}; the other incident keeps working`, async () => {
      const written = fileStore(dir);
      const writer = newEngine(written);
      await play(writer);
      await writer.dispose();
      await written.close();
      await forgery.folder(dir);

      const store = fileStore(dir);
      const reader = newEngine(store);
      try {
        // The other incident of the folder is unaffected (reads and takes events).
        expect((await reader.get(UNTOUCHED))?.stage).toBe('assess');
        expect((await reader.send(UNTOUCHED, note('still here'))).ok).toBe(true);
        // The forged one is refused with a typed corrupt error, by get and by send.
        const read = await settle(reader.get(FORGED));
        expect(read.value, 'engine.get returned the forged incident instead of refusing it').toBeUndefined();
        expect(codeOf(read.error)).toMatch(/corrupt/);
        const sent = await settle(reader.send(FORGED, note('on a forged incident')));
        const sendCode = sent.error === undefined ? (sent.value?.ok === false ? sent.value.error.code : undefined) : codeOf(sent.error);
        expect(sendCode, 'engine.send accepted an event on the forged incident').toMatch(/corrupt/);
      } finally {
        await reader.dispose();
        await store.close();
      }
    });

    it(`verifyIncident(plan, incident) names the first disagreement when ${forgery.name}`, async () => {
      const engine = newEngine(memoryStore());
      const genuine = await play(engine);
      await engine.dispose();
      // Looked up on the module namespace so that this file compiles before verifyIncident exists.
      const verifyIncident = (runtime as Record<string, unknown>)['verifyIncident'];
      expect(typeof verifyIncident, 'planwright/runtime exports no verifyIncident').toBe('function');
      const verify = verifyIncident as (plan: runtime.CompiledPlan, incident: Incident) => { ok: boolean };
      expect(verify(plan, genuine).ok).toBe(true);
      const result = verify(plan, forgery.memory(structuredClone(genuine) as Incident));
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).toMatch(forgery.names);
    });
  }
});
