/**
 * Runtime v2 (issue #16), problem 1: the cost of an event grows with the incident's history,
 * because a save rewrites the whole document. Counted here without timing: the bytes a `fileStore`
 * save writes into its folder (a replaced file counts whole, an appended one its growth; see
 * `bytesWritten`). A NOTE on an incident with 10,000 timeline entries must write about as many
 * bytes as one on an incident with 100. The timing figures are in bench/history.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, createManualClock, fileStore, memoryStore, type Engine, type Incident } from '../../src/runtime/index.js';
import { clerk, integrityPlan, T0 } from './integrity-plan.js';
import { bytesWritten, folderState } from './stored-files.js';

const plan = integrityPlan();
const SHORT = 'HS-short';
const LONG = 'HS-long';
const note = (text: string) => ({ type: 'NOTE', by: clerk, data: { note: text } });

/** An incident with at least `entries` timeline entries (NOTE events), built in memory. */
async function incidentWith(engine: Engine, id: string, entries: number): Promise<Incident> {
  const opened = await engine.open({ by: clerk, title: id, category: 'any' });
  let length = opened.timeline.length;
  while (length < entries) {
    const result = await engine.send(id, note(`history ${length}`));
    if (!result.ok) throw new Error(result.error.message);
    length = result.incident.head.seq + 1;
  }
  return (await engine.get(id)) as Incident;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runtime v2: per-event cost flat in history', () => {
  it('a fileStore save at 10,000 timeline entries writes about as many bytes as at 100', { timeout: 120_000 }, async () => {
    const ids = [SHORT, LONG];
    let next = 0;
    const builder = createEngine(plan, { clock: createManualClock(T0), store: memoryStore(), newId: () => ids[next++] as string });
    const short = await incidentWith(builder, SHORT, 100);
    const long = await incidentWith(builder, LONG, 10_000);
    await builder.dispose();
    expect(long.timeline.length).toBe(10_000);
    // Written in the layout of planwright before v2 (one <id>.json document each, exactly what
    // that fileStore wrote), which v2 migrates on open.
    for (const incident of [short, long]) await writeFile(join(dir, `${incident.id}.json`), JSON.stringify(incident));

    const store = fileStore(dir);
    const engine = createEngine(plan, { clock: createManualClock(T0), store });
    try {
      const written: Record<string, number[]> = { [SHORT]: [], [LONG]: [] };
      for (let round = 0; round < 7; round++) {
        for (const id of ids) {
          const before = await folderState(dir);
          const result = await engine.send(id, note(`measured ${round}`));
          expect(result.ok).toBe(true);
          // The first two rounds warm up (a migration on first write may rewrite everything once).
          if (round >= 2) (written[id] as number[]).push(bytesWritten(before, await folderState(dir)));
        }
      }
      const atShort = median(written[SHORT] as number[]);
      const atLong = median(written[LONG] as number[]);
      expect(atShort).toBeGreaterThan(0);
      expect(atLong, `bytes written per save: ${atShort} at 100 entries, ${atLong} at 10,000`).toBeLessThanOrEqual(1.2 * atShort);
    } finally {
      await engine.dispose();
      await store.close();
    }
  });
});
