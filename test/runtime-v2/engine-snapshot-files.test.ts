/**
 * `engine.snapshot(id)` on a file store: after a restart it reads the snapshot file (equal to the
 * whole incident without its timeline), and it refuses a state edited outside the engine. Its
 * answers on a memory store are tested in test/runtime/engine-snapshot.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, createManualClock, fileStore, CorruptIncidentError, type IncidentStore } from '../../src/runtime/index.js';
import { clerk, integrityPlan, T0 } from './integrity-plan.js';
import { editSnapshot } from './stored-files.js';

const plan = integrityPlan();

function newEngine(store: IncidentStore, ids: string[]) {
  let next = 0;
  return createEngine(plan, { clock: createManualClock(T0), store, newId: () => ids[next++] as string, effects: { notify: async () => {} } });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-snapshot-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('engine.snapshot', () => {
  it('reads a stored incident after a restart from its snapshot file, equal to the whole incident without its timeline', async () => {
    const written = fileStore(dir);
    const writer = newEngine(written, ['SN-1']);
    const opened = await writer.open({ by: clerk, title: 'one', category: 'any' });
    const sent = await writer.send(opened.id, { type: 'READING', by: clerk, data: { reading: 3 } });
    if (!sent.ok) throw new Error(sent.error.message);
    await writer.dispose();
    await written.close();
    const store = fileStore(dir);
    const reader = newEngine(store, []);
    const snapshot = await reader.snapshot(opened.id);
    const whole = await reader.get(opened.id);
    if (whole === undefined || snapshot === undefined) throw new Error('incident missing');
    const { timeline, ...state } = whole;
    const { head, ...snapshotState } = snapshot;
    expect(snapshotState).toEqual(state);
    expect(head).toEqual({ seq: timeline.length - 1, hash: timeline.at(-1)?.hash, at: timeline.at(-1)?.at });
    expect(snapshot.version).toBe(sent.incident.version);
    await reader.dispose();
    await store.close();
  });

  it('refuses an incident whose state was edited outside the engine (CorruptIncidentError), and only that one', async () => {
    const written = fileStore(dir);
    const writer = newEngine(written, ['SN-1', 'SN-2']);
    const forged = await writer.open({ by: clerk, title: 'forged', category: 'any' });
    const kept = await writer.open({ by: clerk, title: 'kept', category: 'any' });
    await writer.dispose();
    await written.close();
    expect(await editSnapshot(dir, forged.id, (s) => Object.assign(s, { title: 'rewritten' }))).toBeGreaterThan(0);
    const store = fileStore(dir);
    const reader = newEngine(store, []);
    await expect(reader.snapshot(forged.id)).rejects.toBeInstanceOf(CorruptIncidentError);
    expect((await reader.snapshot(kept.id))?.title).toBe('kept');
    await reader.dispose();
    await store.close();
  });
});
