import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import de from 'zod/v4/locales/de.js';
import { checkSchema } from '../../src/validate/check-schema.js';
import { EventInput, OpenInput } from '../../src/runtime/engine-input.js';

const english = en().localeError;

/** What zod says of `value` when asked with English messages: the reference checkSchema must equal. */
function reference(schema: z.ZodMiniType, value: unknown) {
  const result = z.safeParse(schema, value, { error: english });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.map((issue) => ({ path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))), message: issue.message })) };
}

/** Values near the event envelope's shape: valid ones and every kind of wrong part. */
const part = fc.oneof(fc.string({ maxLength: 70 }), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean());
const actor = fc.oneof(
  fc.record({ id: part, roles: fc.oneof(fc.array(part, { maxLength: 4 }), part) }, { requiredKeys: [] }),
  fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), roles: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }) }),
  part,
);
const envelope = fc.oneof(
  fc.record({ type: part, by: actor, data: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record({ type: fc.string({ minLength: 1, maxLength: 10 }), by: actor, title: part, category: part, severity: part }, { requiredKeys: ['type', 'by'] }),
  fc.anything({ maxDepth: 2 }),
);

describe('checkSchema', () => {
  afterEach(() => {
    z.config(en());
  });

  it('gives what zod gives with English messages, for valid and invalid values alike (property)', () => {
    fc.assert(
      fc.property(envelope, (value) => {
        expect(checkSchema(EventInput, value)).toEqual(reference(EventInput, value));
        expect(checkSchema(OpenInput, value)).toEqual(reference(OpenInput, value));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports in English even when the host configured zod for another language', () => {
    z.config(de());
    const result = checkSchema(EventInput, { type: '', by: { id: 'u1', roles: [] } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([{ path: ['type'], message: 'Too small: expected string to have >=1 characters' }]);
    // The host's own zod checks keep the host's language.
    const hosts = z.safeParse(z.string(), 1);
    expect(hosts.success).toBe(false);
    expect(hosts.error?.issues[0]?.message).toMatch(/^Ungültige Eingabe/);
  });
});
