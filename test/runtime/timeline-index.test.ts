import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/compile/canonical-json.js';
import { EMPTY_TIMELINE_INDEX, indexEntry } from '../../src/runtime/timeline-index.js';

/** Plan ids (a letter, then letters, digits, "-" or "_"), a few that sort or name awkwardly included. */
const id = fc.oneof(fc.constantFrom('assess', 'report', 'b', 'a-1', 'A', 'Z_9', 'constructor', 'toString'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,5}$/));
const entry = fc.oneof(
  fc.record({ type: fc.constant('stage-entered' as const), data: fc.record({ stage: id }) }),
  fc.record({ type: fc.constant('deadline-armed' as const), data: fc.record({ deadline: id }) }),
  fc.record({ type: fc.constant('regraded' as const), data: fc.record({ from: id, to: id }) }),
  fc.record({ type: fc.constant('event' as const), data: fc.record({ stage: id, deadline: id, from: id }) }),
);

describe('indexEntry', () => {
  it('keeps the index canonical without sorting it again, and equal to the index made by sorting (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        let index = EMPTY_TIMELINE_INDEX;
        // The reference: the same updates by spreading, then sorted by canonicalize.
        let reference: Record<string, unknown> = { ...EMPTY_TIMELINE_INDEX };
        entries.forEach((fields, seq) => {
          const at = new Date(Date.UTC(2024, 4, 1, 8, seq)).toISOString();
          index = indexEntry(index, { ...fields, seq, at });
          const data = fields.data as Record<string, string>;
          const r = reference as { stageEntered: Record<string, unknown>; deadlineArmed: Record<string, unknown> };
          if (fields.type === 'stage-entered') reference = { ...r, stageEntered: defined(r.stageEntered, data['stage'] as string, { at, seq }) };
          if (fields.type === 'deadline-armed') reference = { ...r, deadlineArmed: defined(r.deadlineArmed, data['deadline'] as string, seq) };
          if (fields.type === 'regraded') reference = { ...r, regradedFrom: data['from'] };
        });
        expect(JSON.stringify(index)).toBe(JSON.stringify(canonicalize(reference)));
      }),
      { numRuns: 1000 },
    );
  });
});

function defined(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...record };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
