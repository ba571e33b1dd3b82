import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EventInput, OpenInput } from '../../src/runtime/engine-input.js';
import { checkAllEdits, checkEdits, expectSame, jsonValue } from '../validate/oracle.js';

// The zod schemas engine-input.ts used before the runtime dropped zod: the oracle.
const ZodActorInput = z.object({
  id: z.string().min(1).max(256),
  roles: z.array(z.string().min(1).max(64)).max(100),
});
const ZodEventInput = z.object({
  type: z.string().min(1).max(64),
  by: ZodActorInput,
  data: z.unknown().optional(),
});
const ZodEventData = z.record(z.string(), z.unknown());
const ZodOpenInput = z.object({
  by: ZodActorInput,
  title: z.string().min(1).max(1000),
  category: z.string().min(1).max(64),
  data: ZodEventData.optional(),
  severity: z.string().min(1).max(64).optional(),
});

const by = { id: 'u1', roles: ['info-officer', 'department-head'] };
const event = { type: 'REPORT', by, data: { heat: 3, channel: 'weibo' } };
const open = { by, title: 'Rumour', category: 'media', data: { heat: 1 }, severity: 'II' };
const long = (n: number) => 'x'.repeat(n);
const edges = ['', long(64), long(65), long(256), long(257), long(1000), long(1001), Array.from({ length: 101 }, () => 'r'), Array.from({ length: 100 }, () => 'r'), Array.from({ length: 101 }, () => 5)];

describe('engine input validators (no zod) against the zod schemas', () => {
  it('agree on every path of an event and of an open input, with odd and boundary values', () => {
    expect(checkAllEdits(EventInput, ZodEventInput, event).compared).toBeGreaterThan(300);
    expect(checkAllEdits(OpenInput, ZodOpenInput, open).compared).toBeGreaterThan(400);
    checkAllEdits(EventInput, ZodEventInput, event, edges);
    checkAllEdits(OpenInput, ZodOpenInput, open, edges);
  });

  it('agree on random edits and on random values', () => {
    checkEdits(EventInput, ZodEventInput, event, 400);
    checkEdits(OpenInput, ZodOpenInput, open, 400);
    fc.assert(
      fc.property(jsonValue, (v) => {
        expectSame(EventInput, ZodEventInput, v);
        expectSame(OpenInput, ZodOpenInput, v);
      }),
    );
  });

  it('agree on objects that are not plain JSON', () => {
    for (const data of [new Date(0), new (class Thing {})(), Object.create(null), [1]]) {
      expectSame(OpenInput, ZodOpenInput, { ...open, data });
      expectSame(EventInput, ZodEventInput, { ...event, data });
    }
  });
});
