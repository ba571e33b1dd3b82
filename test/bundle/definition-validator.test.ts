// The bundle's definition schema (zod/mini, src/plan-format/definition-schema.ts) against the DSL's PlanSchema it restates: same acceptance,
// same output (defaults applied), same issues (path and message, in order). When this fails after a
// change under src/dsl/schema, make the same change in src/plan-format/definition-schema.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { createBundle } from '../../src/bundle/create-bundle.js';
import { PlanDefinitionSchema as PlanDefinitionValidator } from '../../src/plan-format/definition-schema.js';
import { PlanSchema } from '../../src/dsl/schema/plan.js';
import { generatePlanObject } from '../fixtures/robustness/generate-plan.js';
import { checkAllEdits, checkEdits, expectSame, jsonValue, pathsOf, setAt } from '../validate/oracle.js';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const seedInput = parse(readFileSync(at('../../plans/public-opinion.plan.yaml'), 'utf8')) as Record<string, unknown>;
const seedOutput = JSON.parse(JSON.stringify(createBundle(PlanSchema.parse(seedInput)).definition)) as Record<string, unknown>;
const minimal = parse(readFileSync(at('../fixtures/valid/minimal.plan.yaml'), 'utf8')) as Record<string, unknown>;

/** Plan objects of every YAML fixture that is one document of JSON-like data. */
function fixtures(dir: string): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const name of readdirSync(at(dir)).filter((f) => /\.plan\.(yaml|json)$/.test(f))) {
    const docs = parseAllDocuments(readFileSync(at(`${dir}/${name}`), 'utf8'));
    if (!Array.isArray(docs) || docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0) continue;
    try {
      out.push([name, docs[0]?.toJS({ maxAliasCount: 100 })]);
    } catch {
      // alias bombs and the like never reach a bundle
    }
  }
  return out;
}

describe('the bundle definition schema (zod/mini) against PlanSchema', () => {
  it('accepts the seed plan as written and as bundled, with zod’s output', () => {
    expect(expectSame(PlanDefinitionValidator, PlanSchema, seedInput)).toBe(true);
    expect(expectSame(PlanDefinitionValidator, PlanSchema, seedOutput)).toBe(true);
    expect(expectSame(PlanDefinitionValidator, PlanSchema, minimal)).toBe(true);
  });

  it('agrees on every valid and broken fixture', () => {
    const all = [...fixtures('../fixtures/valid'), ...fixtures('../fixtures/broken')];
    expect(all.length).toBeGreaterThan(30);
    for (const [name, plan] of all) expectSame(PlanDefinitionValidator, PlanSchema, plan, name);
  });

  it('agrees on a plan with measures of every kind and a deadline owner, and on random edits of it', () => {
    const flood = parse(readFileSync(at('../fixtures/flood/urban-flood.plan.yaml'), 'utf8')) as Record<string, unknown>;
    expect(new Set((flood['measures'] as Array<{ kind: string }>).map((m) => m.kind)).size).toBe(6);
    expect(expectSame(PlanDefinitionValidator, PlanSchema, flood)).toBe(true);
    checkEdits(PlanDefinitionValidator, PlanSchema, flood, 800);
  });

  it('agrees on generated plans of several sizes', () => {
    for (const stages of [3, 10, 40]) expect(expectSame(PlanDefinitionValidator, PlanSchema, generatePlanObject({ stages }))).toBe(true);
  });

  it('agrees on every path of the minimal plan with every odd value', () => {
    const { compared, accepted } = checkAllEdits(PlanDefinitionValidator, PlanSchema, minimal);
    expect(compared).toBeGreaterThan(5000);
    expect(accepted).toBeGreaterThan(100);
  });

  it('agrees on random edits of the seed plan, as written and as bundled', () => {
    checkEdits(PlanDefinitionValidator, PlanSchema, seedInput, 1500);
    checkEdits(PlanDefinitionValidator, PlanSchema, seedOutput, 1500);
  }, 120_000); // 3,000 random edits, each parsed by both schemas: 31–40 s in loaded CI runs, over the 30 s default

  it('agrees on several edits at once', () => {
    const paths = pathsOf(seedInput);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.oneof(jsonValue, fc.constant(undefined))), { minLength: 2, maxLength: 6 }), (edits) => {
        let doc: unknown = seedInput;
        for (const [path, v] of edits) {
          try {
            doc = setAt(doc, path, v);
          } catch {
            // an earlier edit removed the path
          }
        }
        expectSame(PlanDefinitionValidator, PlanSchema, doc, JSON.stringify(edits));
      }),
      { numRuns: 500 },
    );
  }, 120_000); // 500 random multi-edits, each parsed by both schemas: slow on a loaded 2-core machine

  it('agrees on keys JSON can hold that objects treat specially', () => {
    for (const text of ['{"__proto__": 1}', '{"__proto__": {"x": 1}}', '{"constructor": "x"}', '{"toString": "x"}', '{"hasOwnProperty": 1}']) {
      const odd = JSON.parse(text) as Record<string, unknown>;
      for (const path of [[], ['roles', 0], ['stages', 0], ['deadlines', 0, 'due'], ['lint'], ['title'], ['fields', 0], ['migrations']])
        expectSame(PlanDefinitionValidator, PlanSchema, setAt(seedInput, path, { ...(path.length ? {} : seedInput), ...odd }), `${text} at ${path.join('.')}`);
    }
  });
});
