// Issue 17: the engine validates one reading of its input, never the live object. A getter that
// answers differently on each read cannot pass validation as text and be stored as an object,
// and a Proxy that throws is an `invalid-data` refusal, not the caller's own exception.
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { createEngine, createManualClock, EngineError, type Engine } from '../../src/runtime/index.js';

const plan = compilePlan(loadPlan({ file: 'test/fixtures/valid/minimal.plan.yaml' }));
const chief = { id: 'c1', roles: ['chief'] };

function engineOf(): Engine {
  let n = 0;
  return createEngine(plan, { clock: createManualClock('2026-03-02T01:00:00Z'), newId: () => `IN-${++n}`, effects: { publish: async () => {} } });
}

/** An object whose getter answers `first` on the first read and `later` on every other read, counting reads. */
function shifty(key: string, first: unknown, later: unknown): { value: Record<string, unknown>; reads: () => number } {
  let reads = 0;
  const value = {};
  Object.defineProperty(value, key, { enumerable: true, get: () => (reads++ === 0 ? first : later) });
  return { value: value as Record<string, unknown>, reads: () => reads };
}

const throwing = new Proxy({}, {
  get() {
    throw new Error('boom from the proxy');
  },
  ownKeys() {
    throw new Error('boom from the proxy');
  },
  getPrototypeOf() {
    throw new Error('boom from the proxy');
  },
});

describe('engine input is read once (issue 17)', () => {
  it('a getter that changes its answer is read once: the text it gave is what is validated and stored', async () => {
    const engine = engineOf();
    const incident = await engine.open({ by: chief, title: 'Water main', category: 'any' });
    const data = shifty('level', 'high', { not: 'a severity' });
    const result = await engine.send(incident.id, { type: 'OPEN_CASE', by: chief, data: data.value });
    expect(result.ok).toBe(true);
    expect(data.reads()).toBe(1);
    const stored = await engine.get(incident.id);
    expect([stored?.stage, stored?.data['level'], stored?.severity]).toEqual(['act', 'high', 'high']);
    expect(JSON.stringify(stored?.timeline.at(-1))).not.toContain('not');
  });

  it('the same in the opening data and title', async () => {
    const engine = engineOf();
    const title = shifty('title', 'Water main', { injected: true });
    const opened = await engine.open({ by: chief, category: 'any', ...{}, get title() { return title.value['title'] as string; } });
    expect(title.reads()).toBe(1);
    expect(opened.title).toBe('Water main');
  });

  it('a Proxy that throws, as the event or as its data, is an invalid-data refusal', async () => {
    const engine = engineOf();
    const incident = await engine.open({ by: chief, title: 'Water main', category: 'any' });
    const asEvent = await engine.send(incident.id, throwing as never);
    expect(asEvent).toEqual({ ok: false, error: { code: 'invalid-data', message: 'invalid event: reading it threw: boom from the proxy', details: { issues: [{ path: '', message: 'reading it threw: boom from the proxy' }] } } });
    const asData = await engine.send(incident.id, { type: 'OPEN_CASE', by: chief, data: throwing as never });
    expect(asData.ok === false && asData.error.code).toBe('invalid-data');
    const asRoles = await engine.send(incident.id, { type: 'OPEN_CASE', by: { id: 'c1', roles: throwing as never }, data: { level: 'high' } });
    expect(asRoles.ok === false && asRoles.error.code).toBe('invalid-data');
    expect((await engine.get(incident.id))?.stage).toBe('triage');
  });

  it('a Proxy that throws, given to open, is an EngineError invalid-data', async () => {
    const engine = engineOf();
    const error = await engine.open(throwing as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('invalid-data');
  });

  it('cyclic data is refused as invalid-data and recorded, not a stack overflow', async () => {
    const engine = engineOf();
    const incident = await engine.open({ by: chief, title: 'Water main', category: 'any' });
    const cyclic: Record<string, unknown> = { level: 'high' };
    cyclic['self'] = cyclic;
    const result = await engine.send(incident.id, { type: 'OPEN_CASE', by: chief, data: cyclic });
    expect(result.ok === false && result.error.code).toBe('invalid-data');
    expect((await engine.get(incident.id))?.timeline.filter((e) => e.type === 'rejected')).toHaveLength(1);
  });

  it('a Proxy that answers consistently is read like the object it stands for', async () => {
    const engine = engineOf();
    const incident = await engine.open({ by: chief, title: 'Water main', category: 'any' });
    const result = await engine.send(incident.id, new Proxy({ type: 'OPEN_CASE', by: chief, data: { level: 'low' } }, {}));
    expect(result.ok && result.incident.data['level']).toBe('low');
  });
});
