/**
 * Property tests of level-gated tracks (DSL v2 §4): over random runs of level changes (by events
 * and by a breach's regrade), track completions and time, the tracks follow the rule of
 * docs/dsl-v2.md §4 at every step; two runs are identical (determinism); and a run saved to a
 * file store and restored by a new engine at any step, mid-way through a level change with the
 * gated track in progress, ends exactly as the run that never stopped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, createManualClock, memoryStore, verifyTimeline, type Incident, type IncidentStore } from '../../src/runtime/index.js';
import { fileStore } from '../../src/runtime/stores/file-store.js';
import { levelDutiesPlan } from './level-duties-support.js';
import { planOf } from './support.js';

/** The fixture plus a deadline whose breach raises the level (a level change without an event). */
const plan = planOf(`${levelDutiesPlan}
deadlines:
  - { id: slow, from: enter, stage: live, due: 1h, metBy: [REPORTED], breach: [{ regrade: up }] }
`);
const T0 = Date.parse('2026-07-01T00:00:00.000Z');
const clerk = { id: 'cl', roles: ['clerk'] };

type Step = { kind: 'level'; level: 'A' | 'B' } | { kind: 'base' } | { kind: 'extra' } | { kind: 'wait'; minutes: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<'A' | 'B'>('A', 'B').map((level) => ({ kind: 'level' as const, level })),
  fc.constant({ kind: 'base' as const }),
  fc.constant({ kind: 'extra' as const }),
  fc.integer({ min: 1, max: 50 }).map((minutes) => ({ kind: 'wait' as const, minutes })),
);

async function play(start: 'A' | 'B', steps: readonly Step[], store: () => IncidentStore, split?: number, finish?: (s: IncidentStore) => Promise<void>): Promise<{ incident: Incident; checked: number }> {
  const clock = createManualClock(T0);
  const options = (s: IncidentStore) => ({ clock, store: s, newId: () => 'LD-1', effects: { notify: async () => {} } });
  let current = store();
  let engine = createEngine(plan, options(current));
  const opened = await engine.open({ by: clerk, title: 't', category: 'any' });
  expect((await engine.send(opened.id, { type: 'START', by: clerk, data: { level: start } })).ok).toBe(true);
  let checked = 0;
  for (const [i, s] of steps.entries()) {
    if (i === split) {
      await engine.dispose();
      await finish?.(current);
      current = store();
      engine = createEngine(plan, options(current));
    }
    if (s.kind === 'wait') {
      clock.set(clock.now() + s.minutes * 60_000);
      await engine.runDue();
    } else {
      const type = s.kind === 'level' ? 'CHANGE' : s.kind === 'base' ? 'REPORTED' : 'READING';
      const data = s.kind === 'level' ? { level: s.level } : s.kind === 'base' ? { site: 'x' } : { value: 1 };
      await engine.send(opened.id, { type, by: clerk, data });
    }
    const now = (await engine.get(opened.id)) as Incident;
    if (now.stage === 'live') {
      // The rule: base pending until done; extra pending iff the level is A and it is not done, else absent or done.
      const regions = (now.state as { live: Record<string, string> }).live;
      if (regions['extra'] !== 'done') expect(regions['extra']).toBe(now.severity === 'A' ? 'pending' : 'absent');
      expect(now.tracks).toEqual(['base', 'extra'].filter((t) => regions[t] === 'pending'));
      expect(regions['base'] === 'done' && regions['extra'] !== 'pending').toBe(false);
      checked++;
    } else {
      // Left only when base is done and extra is done or set aside at B.
      const last = [...now.timeline].reverse().find((e) => e.type === 'stage-entered');
      expect(last?.data?.['stage']).toBe('end');
      expect(now.closed).toBe(true);
    }
  }
  const incident = (await engine.get(opened.id)) as Incident;
  await engine.dispose();
  return { incident, checked };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planwright-level-tracks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('level-gated tracks, property', () => {
  it('follow the level at every step, deterministically, and survive a save and restore at any step', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<'A' | 'B'>('A', 'B'), fc.array(step, { minLength: 1, maxLength: 12 }), fc.nat(), async (start, steps, at) => {
        const reference = await play(start, steps, () => memoryStore());
        expect(verifyTimeline(reference.incident).ok).toBe(true);
        const again = await play(start, steps, () => memoryStore());
        expect(JSON.stringify(again.incident)).toBe(JSON.stringify(reference.incident));
        const split = at % steps.length;
        const sub = await mkdtemp(join(dir, 'run-'));
        const restored = await play(start, steps, () => fileStore(sub), split, async (s) => (s as ReturnType<typeof fileStore>).close());
        expect(JSON.stringify(restored.incident)).toBe(JSON.stringify(reference.incident));
        runs += reference.checked > 0 ? 1 : 0;
      }),
      { numRuns: 40, seed: 1807 },
    );
    expect(runs).toBeGreaterThan(20);
  });

  it('a breach that raises the level adds the track at the breach, recorded after it', async () => {
    const { incident } = await play('B', [{ kind: 'wait', minutes: 61 }], () => memoryStore());
    const types = incident.timeline.map((e) => e.type);
    expect(types.slice(types.indexOf('deadline-breached'))).toEqual(['deadline-breached', 'regraded', 'track-added']);
    expect(incident.tracks).toEqual(['base', 'extra']);
    expect(incident.severity).toBe('A');
  });
});
