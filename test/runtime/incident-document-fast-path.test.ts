import { describe, expect, it } from 'vitest';
import { IncidentDocument, IncidentShape, incidentIssues, isValidIncidentFast } from '../../src/runtime/stores/incident-document.js';
import { deadline, effect, makeIncident, nextVersion } from '../stores/fixtures.js';
import { checkAllEdits, checkEdits, expectSame } from '../validate/oracle.js';
import { ZodIncidentDocument } from './incident-document-zod.js';

/** zod's report of the first problems, as incidentIssues words it. */
function zodIssues(value: unknown): string | undefined {
  const result = ZodIncidentDocument.safeParse(value);
  if (result.success) return undefined;
  return result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

const good = () =>
  nextVersion(
    makeIncident('PO-1', {
      severity: 'II',
      data: { nested: { list: [1, 'two', null, true] } },
      deadlines: [deadline('d', '2024-05-01T09:00:00.000Z', { metAt: '2024-05-01T08:30:00.000Z', remindersSent: [1, 2] })],
      outbox: [effect('PO-1', 0)],
    }),
    {},
    3,
  );

/** Paths into the document and values to put there (including removing the key). */
const bad: unknown[] = [undefined, null, 0, -1, 1.5, NaN, Infinity, '', 'x', 'not a time', '2024-05-01T08:00:00Z', true, [], ['a'], [1], {}, { id: 'x', roles: [] }];

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

function setAt(doc: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (v === undefined && !Array.isArray(o)) delete o[last];
  else o[last] = v;
  return copy;
}

describe('incident document fast path', () => {
  it('accepts valid documents', () => {
    expect(isValidIncidentFast(good())).toBe(true);
    expect(isValidIncidentFast(makeIncident('A'))).toBe(true);
    expect(incidentIssues(good())).toBeUndefined();
  });

  it('never accepts a document zod rejects (every path of a document, with every wrong value)', () => {
    const doc = good();
    const all = paths(doc);
    let compared = 0;
    for (const path of all)
      for (const v of bad) {
        const changed = setAt(doc, path, v);
        const zodOk = ZodIncidentDocument.safeParse(changed).success;
        if (isValidIncidentFast(changed)) expect(zodOk, JSON.stringify(path)).toBe(true);
        // and the result of incidentIssues is zod's either way, word for word
        expect(incidentIssues(changed), JSON.stringify(path)).toBe(zodIssues(changed));
        expect(IncidentDocument.safeParse(changed).success).toBe(zodOk);
        compared++;
      }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('incident document fast path, times', () => {
  it('accepts a time exactly when Date.parse reads it (the written form is tested without Date.parse)', () => {
    const doc = good();
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    let compared = 0;
    for (const year of [0, 1, 1900, 2023, 2024, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++)
          for (const time of ['00:00:00.000', '23:59:59.999', '24:00:00.000', '12:60:00.000', '12:00:60.000'])
            for (const zone of ['Z', '+08:00']) {
              const at = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${zone}`;
              expect(isValidIncidentFast({ ...doc, openedAt: at }), at).toBe(!Number.isNaN(Date.parse(at)));
              compared++;
            }
    expect(compared).toBeGreaterThan(20_000);
  });
});

describe('incident document fast path, odd objects', () => {
  it('leaves records with symbol keys, class instances or an own constructor to the full check', () => {
    for (const data of [{ [Symbol('s')]: 1 }, new (class X {})(), { constructor: () => 1 }, []]) {
      const doc = { ...good(), data };
      expect(isValidIncidentFast(doc)).toBe(false);
      if (!Object.getOwnPropertySymbols(data).length) expect(incidentIssues(doc)).toBe(zodIssues(doc));
    }
  });
});

describe('incident document validator (no zod) against the zod schema', () => {
  it('agrees on every path of a document with every odd value (acceptance, output, issues)', () => {
    const { compared, accepted } = checkAllEdits(IncidentShape, ZodIncidentDocument, good());
    expect(compared).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(0);
  });

  it('agrees on random edits (a value replaced, a key removed or added)', () => {
    checkEdits(IncidentShape, ZodIncidentDocument, good(), 500);
  });

  it('agrees on whole-document oddities', () => {
    for (const v of [undefined, null, [], 'x', 1, {}, { ...good(), extra: 1 }, Object.assign(Object.create(null), good())]) expectSame(IncidentShape, ZodIncidentDocument, v);
  });
});
