import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/compile/canonical-json.js';
import { sha256Hex } from '../../src/compile/hash.js';
import { createEngine, createManualClock, memoryStore, type IncidentSnapshot, type IncidentStore, type TimelineEntry } from '../../src/runtime/index.js';
import { loadScenario } from '../../src/testing/scenario/load-scenario.js';
import { stepTime } from '../../src/testing/scenario/step-time.js';
import { planFile } from '../v2/support.js';

/**
 * `stateDigest` hashes an engine-built incident's JSON text as JSON.stringify writes it, without
 * the sorting walk of canonicalJson: that is right only if the engine builds every object of
 * every snapshot and entry with its keys in canonical order. This checks it on every save of every
 * drill of both plans (all their stages, tracks, deadlines, conditions, regrades and refusals):
 * the text as written equals the canonical text, and the digest sealed into the save's last entry
 * is the sha256 of the state's canonical JSON.
 */
describe('the engine builds canonical snapshots and entries', () => {
  for (const [planPath, drills] of [
    ['plans/public-opinion.plan.yaml', 'examples/drills/public-opinion'],
    ['plans/city-flood.plan.yaml', 'examples/drills/city-flood'],
  ] as const) {
    it(`on every save of the drills of ${planPath}`, async () => {
      const plan = planFile(planPath);
      let saves = 0;
      const inner = memoryStore();
      const store: IncidentStore = {
        ...inner,
        async save(snapshot: IncidentSnapshot, entries: readonly TimelineEntry[], expected: number) {
          const { head: _head, ...state } = snapshot;
          expect(JSON.stringify(state)).toBe(canonicalJson(state));
          for (const entry of entries) expect(JSON.stringify(entry)).toBe(canonicalJson(entry));
          expect(entries.at(-1)?.stateDigest).toBe(sha256Hex(canonicalJson(state)));
          saves++;
          return inner.save(snapshot, entries, expected);
        },
      };
      const files = readdirSync(drills).filter((f) => f.endsWith('.drill.yaml'));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const scenario = loadScenario(`${drills}/${file}`, { plan: plan.definition });
        const clock = createManualClock(scenario.start);
        const handlers = Object.fromEntries(['notify', ...(plan.definition.effects ?? []).map((effect) => effect.id)].map((name) => [name, async () => {}]));
        const engine = createEngine(plan, { clock, store, effects: handlers });
        const actor = (name: string) => ({ id: name, roles: scenario.people[name] ?? [] });
        const { by: opener, data, severity, ...open } = scenario.open;
        const opened = await engine.open({ ...open, by: actor(opener), ...(data === undefined ? {} : { data }), ...(severity === undefined ? {} : { severity }) });
        for (const step of scenario.steps) {
          const at = stepTime(scenario.start, step.at);
          if (at !== undefined && at > clock.now()) clock.set(new Date(at).toISOString());
          await engine.runDue();
          if (step.send === undefined || step.by === undefined) continue;
          const by = step.onBehalfOf === undefined ? actor(step.by) : { ...actor(step.by), onBehalfOf: actor(step.onBehalfOf) };
          await engine.send(opened.id, { type: step.send, by, data: step.data ?? {} });
        }
        await engine.dispose();
      }
      expect(saves).toBeGreaterThan(files.length * 3);
    });
  }
});
