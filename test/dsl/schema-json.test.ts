import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planJsonSchema } from '../../src/dsl/plan-json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

describe('schema.json', () => {
  it('is up to date with the zod schema (run npx tsx scripts/write-schema.ts)', () => {
    expect(read('schema.json')).toBe(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  });

  it('is a titled draft 2020-12 schema with descriptions', () => {
    const schema = planJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('planwright plan');
    expect(schema.description).toBe('An emergency response plan for planwright.');
    const properties = schema.properties as Record<string, { description?: string }>;
    expect(properties.stages?.description).toBe('Stages, the opening stage first.');
  });

  describe('validated with ajv', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(read('schema.json')) as object);

    it.each(['plans/public-opinion.plan.yaml', 'test/fixtures/valid/minimal.plan.yaml', 'test/fixtures/valid/minimal.plan.json'])(
      'accepts %s',
      (file) => {
        expect(read(file).slice(0, 120)).toContain('../schema.json');
        const valid = validate(parse(read(file)));
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
      },
    );

    it('rejects an unknown key and a wrong type', () => {
      expect(validate(parse(read('test/fixtures/broken/unknown-key.plan.yaml')))).toBe(false);
      expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'tittle' } }));
      expect(validate(parse(read('test/fixtures/broken/wrong-type-version.plan.yaml')))).toBe(false);
      expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/version', keyword: 'type' }));
    });
  });
});
