/**
 * Runtime v2 (issue #16), problem 2, second half: one unreadable file in a file-store folder made
 * every call on every incident throw `CorruptIncidentError`, so no deadline fired at all. With the
 * incident's files replaced by garbage, every other incident must keep working and its deadline
 * must fire; the garbage one alone is refused with a typed corrupt error.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as runtime from '../../src/runtime/index.js';
import { createEngine, createManualClock, fileStore } from '../../src/runtime/index.js';
import { clerk, integrityPlan, T0 } from './integrity-plan.js';
import { incidentFiles } from './stored-files.js';

const plan = integrityPlan();
const COUNT = 12;
const ids = Array.from({ length: COUNT }, (_, i) => `GB-${String(i + 1).padStart(2, '0')}`);
const GARBAGE = ids[4] as string;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-garbage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runtime v2: one garbage file among many incidents', () => {
  it("keeps every other incident working and fires their deadlines; refuses only the garbage one", async () => {
    const clock = createManualClock(T0);
    let next = 0;
    const options = (store: runtime.IncidentStore) => ({ clock, store, newId: () => ids[next++] as string, effects: { notify: async () => {} } });
    const written = fileStore(dir);
    const writer = createEngine(plan, options(written));
    for (let i = 0; i < COUNT; i++) await writer.open({ by: clerk, title: `incident ${i}`, category: 'any' });
    await writer.dispose();
    await written.close();
    // Every file of one incident (today its <id>.json) overwritten with bytes that are not JSON.
    const files = await incidentFiles(dir, GARBAGE);
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) await writeFile(path, '{"id": "GB-05", "stage": \u0000 garbage');

    const store = fileStore(dir);
    const reports: runtime.EngineInspection[] = [];
    const engine = createEngine(plan, { ...options(store), inspect: (event: runtime.EngineInspection) => void reports.push(event) });
    try {
      await engine.ready();
      // The engine says which incident it cannot read, and why (the file named).
      const about = reports.filter((report) => report.type === 'error' && report.incidentId === GARBAGE);
      expect(about).toHaveLength(1);
      expect(JSON.stringify(about[0])).toMatch(/GB-05\.state\.json: not valid JSON/);
      clock.advance(2 * 60 * 60_000); // every assess-in-time deadline (due after 1 h) is past due
      const fired = await engine.runDue().catch((error: unknown) => error);
      expect(fired, 'runDue failed for the whole store because of one incident').toBe(COUNT - 1);
      for (const id of ids.filter((other) => other !== GARBAGE)) {
        const incident = await engine.get(id);
        expect(incident?.deadlines.map((d) => `${d.id}:${d.status}`)).toEqual(['assess-in-time:breached']);
        expect((await engine.send(id, { type: 'NOTE', by: clerk, data: { note: 'still working' } })).ok).toBe(true);
      }
      const refused = await engine.get(GARBAGE).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(runtime.isPlanwrightError(refused)).toBe(true);
      expect(String((refused as { code?: unknown }).code)).toMatch(/corrupt/);
    } finally {
      await engine.dispose();
      await store.close();
    }
  });
});
