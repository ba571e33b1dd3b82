import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalJson } from '../../src/compile/canonical-json.js';
import { sha256Hex } from '../../src/compile/hash.js';
import { chainEntry } from '../../src/runtime/timeline.js';
import { createEngine, createManualClock, verifyTimeline, verifyTimelinePage, type Incident, type TimelineEntry } from '../../src/runtime/index.js';
import { must, openSeed, seedPlan } from './seed-fixtures.js';

async function sample(): Promise<Incident> {
  const engine = createEngine(seedPlan(), { clock: createManualClock('2024-05-01T08:00:00Z'), newId: () => 'PO-1' });
  const opened = await openSeed(engine);
  await must(engine, opened.id, 'REPORT');
  return must(engine, opened.id, 'ASSESS');
}

const clone = (i: Incident): Incident => JSON.parse(JSON.stringify(i)) as Incident;

describe('verifyTimeline', () => {
  it('accepts the chain the engine wrote (seq, prevHash, hash of canonical JSON)', async () => {
    const incident = await sample();
    expect(verifyTimeline(incident)).toEqual({ ok: true });
    expect(incident.timeline[0]?.prevHash).toBe('');
    expect(incident.timeline[1]?.prevHash).toBe(incident.timeline[0]?.hash);
    expect(incident.timeline.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  });

  it('detects an edited value, an edited actor, a removed entry and a re-hashed entry', async () => {
    const incident = await sample();
    const edited = clone(incident);
    (edited.timeline[5]?.data as Record<string, unknown>)['event'] = 'DISMISS';
    expect(verifyTimeline(edited)).toEqual({ ok: false, brokenAt: 5, reason: 'hash' });

    const actor = clone(incident);
    const opened = actor.timeline[0];
    if (opened?.by) opened.by.roles = ['department-head'];
    expect(verifyTimeline(actor)).toEqual({ ok: false, brokenAt: 0, reason: 'hash' });

    const removed = clone(incident);
    removed.timeline.splice(3, 1);
    expect(verifyTimeline(removed)).toMatchObject({ ok: false, brokenAt: 3 });

    const time = clone(incident);
    const entry = time.timeline[4];
    if (entry) entry.at = '2024-05-01T07:00:00.000Z';
    expect(verifyTimeline(time)).toEqual({ ok: false, brokenAt: 4, reason: 'hash' });
  });

  it('verifyTimelinePage checks a run from its first seq: its links and hashes, the first prevHash only at seq 0', async () => {
    const { timeline } = clone(await sample());
    expect(timeline.length).toBeGreaterThan(6);
    expect(verifyTimelinePage(timeline.slice(3, 6), 3)).toEqual({ ok: true });
    expect(verifyTimelinePage(timeline.slice(0, 4), 0)).toEqual({ ok: true });
    expect(verifyTimelinePage([], 7)).toEqual({ ok: true });
    // A run that is not where it says it starts, or has a gap.
    expect(verifyTimelinePage(timeline.slice(3, 6), 2)).toEqual({ ok: false, brokenAt: 2, reason: 'seq' });
    expect(verifyTimelinePage([timeline[3]!, timeline[5]!], 3)).toEqual({ ok: false, brokenAt: 4, reason: 'seq' });
    // Entry 4 edited and re-hashed: its own hash checks out, the link from entry 5 does not.
    const { hash: _hash, ...edited } = { ...timeline[4]!, by: { id: 'someone-else', roles: ['info-officer'] } };
    const rehashed: TimelineEntry = { ...edited, hash: sha256Hex(canonicalJson(edited)) };
    const forged = [timeline[3]!, rehashed, timeline[5]!];
    expect(verifyTimelinePage(forged, 3)).toEqual({ ok: false, brokenAt: 5, reason: 'prev-hash' });
    // Seen only by a run that holds both ends of the broken link.
    expect(verifyTimelinePage(forged.slice(0, 2), 3)).toEqual({ ok: true });
    expect(verifyTimelinePage([{ ...timeline[0]!, prevHash: 'x' }], 0)).toEqual({ ok: false, brokenAt: 0, reason: 'prev-hash' });
  });

  it('what the engine hands out is frozen', async () => {
    const incident = await sample();
    expect(Object.isFrozen(incident)).toBe(true);
    expect(Object.isFrozen(incident.timeline)).toBe(true);
    expect(Object.isFrozen(incident.deadlines[0])).toBe(true);
    expect(() => {
      (incident as { stage: string }).stage = 'closed';
    }).toThrow(TypeError);
  });

  it('chainEntry hashes exactly the canonical JSON of the entry, whatever the texts hold (quotes, control characters, CJK, emoji, lone surrogates)', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\u2028', '\ud800', '舆情 🚨', '\u0000\n'));
    fc.assert(
      fc.property(
        fc.record({
          at: text,
          type: text,
          result: text,
          by: fc.option(fc.record({ id: text, roles: fc.array(text, { maxLength: 3 }) }), { nil: undefined }),
          data: fc.option(fc.dictionary(text, fc.jsonValue()), { nil: undefined }),
          prev: fc.option(fc.record({ seq: fc.nat(), hash: text }), { nil: undefined }),
        }),
        ({ at, type, result, by, data, prev }) => {
          const fields = { at, type, result, ...(by === undefined ? {} : { by }), ...(data === undefined ? {} : { data: canonicalize(data) }) } as Parameters<typeof chainEntry>[1];
          const entry = chainEntry(prev, fields);
          const { hash, ...rest } = entry;
          expect(hash).toBe(sha256Hex(canonicalJson(rest)));
          expect(entry.seq).toBe(prev === undefined ? 0 : prev.seq + 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});
