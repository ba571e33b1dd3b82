import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, verifyTimeline, type Incident, type IncidentStore } from '../../src/runtime/index.js';
import { fileStore } from '../../src/runtime/stores/file-store.js';
import { planFile } from './support.js';

const plan = planFile('plans/city-flood.plan.yaml');
const T0 = '2026-07-15T06:00:00.000Z';
const chen = { id: 'chen', roles: ['city-hq-commander'] };
const gao = { id: 'gao', roles: ['flood-hq-commander'] };
const wu = { id: 'wu', roles: ['district-officer'] };
const he = { id: 'he', roles: ['hydrologist'] };
const lin = { id: 'lin', roles: ['flood-hq-deputy'], onBehalfOf: gao };

/** An escalation IV → II → IV with occurrence-based reports, a band change and a delegated stand-down. */
const script: Array<{ minutes: number; by: { id: string; roles: string[] }; type: string; data: Record<string, unknown> }> = [
  { minutes: 10, by: chen, type: 'ACTIVATE', data: { responseLevel: 'IV' } },
  { minutes: 30, by: wu, type: 'DANGER_FOUND', data: { siteId: 'D-1', occurredAt: '2026-07-15T14:20:00+08:00', summary: 's' } },
  { minutes: 40, by: wu, type: 'DANGER_REPORTED', data: { siteId: 'D-1', summary: 's' } },
  { minutes: 60, by: he, type: 'WATER_READING', data: { riverLevel: 5.2, warningWaterLevel: 4, returnPeriod: 25 } },
  { minutes: 70, by: gao, type: 'ADJUST_LEVEL', data: { responseLevel: 'II', reason: 'r' } },
  { minutes: 200, by: gao, type: 'ADJUST_LEVEL', data: { responseLevel: 'IV', reason: 'r' } },
  { minutes: 260, by: chen, type: 'STAND_DOWN', data: { reason: 'r' } },
];

async function play(store: () => IncidentStore, split: number | undefined, finish: (s: IncidentStore) => Promise<void> = async () => {}): Promise<Incident> {
  const clock = createManualClock(T0);
  const options = (s: IncidentStore) => ({ clock, store: s, newId: () => 'CF-1', effects: { notify: async () => {} } });
  let current = store();
  let engine = createEngine(plan, options(current));
  const incident = await engine.open({ by: { id: 'ma', roles: ['met-forecaster'] }, title: 'flood', category: 'rainstorm', data: { warningColour: 'blue', returnPeriod: 5 } });
  for (const [i, step] of script.entries()) {
    if (i === split) {
      await engine.dispose();
      await finish(current);
      current = store();
      engine = createEngine(plan, options(current));
    }
    clock.set(Date.parse(T0) + step.minutes * 60_000);
    await engine.runDue();
    const result = await engine.send(incident.id, { type: step.type, by: step.by, data: step.data });
    if (!result.ok) throw new Error(`${step.type}: ${result.error.code} ${result.error.message}`);
  }
  clock.set(Date.parse(T0) + 400 * 60_000);
  await engine.runDue();
  const out = (await engine.get(incident.id)) as Incident;
  await engine.dispose();
  return out;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-v2-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('save and restore across level changes', () => {
  it('runs the same twice (deterministic), and a restart from a file store at any step gives the same incident', async () => {
    const reference = await play(() => memoryStore(), undefined);
    expect(reference.severity).toBe('IV');
    expect(reference.stage).toBe('review');
    expect(verifyTimeline(reference).ok).toBe(true);
    expect(reference.timeline.filter((e) => e.type === 'regraded').map((e) => `${e.data?.['from']}→${e.data?.['to']}`)).toEqual(['IV→II', 'II→IV']);
    expect(JSON.stringify(await play(() => memoryStore(), undefined))).toBe(JSON.stringify(reference));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: script.length - 1 }), async (split) => {
        const sub = await mkdtemp(join(dir, 'run-'));
        const restored = await play(() => fileStore(sub), split, async (s) => (s as ReturnType<typeof fileStore>).close());
        expect(JSON.stringify(restored)).toBe(JSON.stringify(reference));
      }),
      { numRuns: 6 },
    );
  });

  it('keeps the delegate and the principal through a restore', async () => {
    const clock = createManualClock(T0);
    const first = fileStore(dir);
    let engine = createEngine(plan, { clock, store: first, newId: () => 'CF-2', effects: { notify: async () => {} } });
    const incident = await engine.open({ by: { id: 'ma', roles: ['met-forecaster'] }, title: 'flood', category: 'rainstorm' });
    expect((await engine.send(incident.id, { type: 'ACTIVATE', by: lin, data: { responseLevel: 'II' } })).ok).toBe(true);
    await engine.dispose();
    await first.close();
    engine = createEngine(plan, { clock, store: fileStore(dir), newId: () => 'CF-3', effects: { notify: async () => {} } });
    const restored = (await engine.get(incident.id)) as Incident;
    expect(restored.timeline.find((e) => e.type === 'event')?.by).toEqual({ id: 'lin', onBehalfOf: { id: 'gao', roles: ['flood-hq-commander'] }, roles: ['flood-hq-deputy'] });
    expect(verifyTimeline(restored).ok).toBe(true);
    await engine.dispose();
  });
});
