import { describe, expect, it } from 'vitest';
import { BundleError, createBundle, loadBundle, PLANWRIGHT_VERSION, type PlanBundle } from '../../src/bundle/index.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { loadSeedDefinition } from '../compile/seed.js';

const roundTrip = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof BundleError ? error.code : `not a BundleError: ${String(error)}`;
  }
  return undefined;
}

describe('bundle', () => {
  it('createBundle writes the envelope with the package version and the canonical hash of the definition', () => {
    const definition = loadSeedDefinition();
    const bundle = createBundle(definition);
    expect(bundle).toMatchObject({ format: 'planwright-bundle', formatVersion: 1, planwright: PLANWRIGHT_VERSION, planId: 'public-opinion', planVersion: '1.0.0' });
    expect(bundle.hash).toBe(compilePlan(definition).hash);
    expect(bundle.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(bundle.definition)).toEqual(Object.keys(bundle.definition).sort());
  });

  it('a plan that uses no section added later hashes as before: its definition gains no empty key for them', () => {
    // Incidents store the plan hash they ran under; a new planwright must not move the hash of a
    // plan that did not change, or every stored incident of it would be refused as plan-mismatch.
    const definition = loadSeedDefinition() as unknown as Record<string, unknown>;
    const added = ['thresholds', 'suggestions', 'timing'];
    expect(added.filter((key) => key in definition)).toEqual([]);
    const bundled = createBundle(loadSeedDefinition()).definition as unknown as Record<string, unknown>;
    expect(added.filter((key) => key in bundled)).toEqual([]);
  });

  it('round trips through JSON text into a plan with the same hash and a working engine', async () => {
    const definition = loadSeedDefinition();
    const plan = loadBundle(roundTrip(createBundle(definition)));
    expect(plan.hash).toBe(compilePlan(definition).hash);
    expect(plan.definition).toEqual(definition);
    const engine = createEngine(roundTrip(createBundle(definition)) as unknown as PlanBundle, { clock: createManualClock('2024-05-01T08:00:00Z') });
    const incident = await engine.open({ by: { id: 'u', roles: ['info-officer'] }, title: 't', category: 'event' });
    expect(incident.planHash).toBe(plan.hash);
    expect(incident.deadlines[0]).toMatchObject({ id: 'report', dueAt: '2024-05-01T08:30:00.000Z' });
  });

  it('rejects a tampered definition (hash-mismatch)', () => {
    const bundle = roundTrip(createBundle(loadSeedDefinition()));
    const deadlines = (bundle['definition'] as { deadlines: Array<{ due: unknown }> }).deadlines;
    (deadlines[0] as { due: unknown }).due = '3h';
    expect(codeOf(() => loadBundle(bundle))).toBe('hash-mismatch');
  });

  it.each([
    ['not-a-bundle', (b: Record<string, unknown>) => ({ ...b, format: 'zip' })],
    ['not-a-bundle', (b: Record<string, unknown>) => ({ ...b, hash: 'abc' })],
    ['not-a-bundle', () => 'hello'],
    ['unsupported-format-version', (b: Record<string, unknown>) => ({ ...b, formatVersion: 2 })],
    ['invalid-definition', (b: Record<string, unknown>) => ({ ...b, definition: { ...(b['definition'] as object), stages: [] } })],
    ['invalid-definition', (b: Record<string, unknown>) => ({ ...b, planId: 'other' })],
  ])('rejects a bad bundle with %s', (code, edit) => {
    const bundle = roundTrip(createBundle(loadSeedDefinition()));
    expect(codeOf(() => loadBundle(edit(bundle)))).toBe(code);
  });

  it('refuses a definition nested too deeply to check with invalid-definition, not a RangeError', () => {
    const bundle = roundTrip(createBundle(loadSeedDefinition()));
    let when: unknown = { field: 'heat', exists: true };
    for (let i = 0; i < 50_000; i++) when = { not: when };
    const stages = (bundle['definition'] as { stages: Array<{ on: Array<{ when?: unknown }> }> }).stages;
    (stages[0]?.on[0] as { when?: unknown }).when = when;
    expect(codeOf(() => loadBundle(bundle))).toBe('invalid-definition');
  });

  it('names the bad places of an invalid definition', () => {
    const bundle = roundTrip(createBundle(loadSeedDefinition()));
    (bundle['definition'] as { roles: unknown }).roles = 'everyone';
    try {
      loadBundle(bundle);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BundleError);
      expect((error as BundleError).issues[0]?.path).toEqual(['definition', 'roles']);
    }
  });
});
