import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EDITOR_KEYWORDS, planJsonSchema } from '../../src/dsl/plan-json-schema.js';

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

  it('describes every node in English and Chinese (markdownDescription), as yaml-language-server shows it', () => {
    const nodes: Array<Record<string, unknown>> = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        nodes.push(node as Record<string, unknown>);
        // errorMessage holds messages by keyword ({ pattern: '…' }), not a schema.
        for (const [key, value] of Object.entries(node)) if (key !== 'errorMessage') walk(value);
      }
    };
    walk(planJsonSchema());
    const described = nodes.filter((n) => typeof n.description === 'string');
    expect(described.length).toBeGreaterThan(100);
    for (const node of described) {
      const markdown = String(node.markdownDescription);
      expect(markdown.startsWith(String(node.description)), String(node.description)).toBe(true);
      expect(markdown, `no Chinese for: ${String(node.description)}`).toMatch(/\n\n.*[\u4e00-\u9fff]/s);
    }
    const patterned = nodes.filter((n) => typeof n.pattern === 'string');
    expect(patterned.length).toBeGreaterThan(50);
    for (const node of patterned) {
      expect(node.patternErrorMessage, String(node.pattern)).toEqual(expect.any(String));
      // In words, not the regex.
      expect(String(node.patternErrorMessage)).not.toMatch(/[\^$]|\\d|\[A-Z/);
      expect(node.errorMessage).toEqual({ pattern: node.patternErrorMessage });
    }
    // The duration branch of `due` (beside `immediately`, a clock time, bands and a per-level map).
    const due = ((planJsonSchema().properties as Record<string, { items: { properties: Record<string, { anyOf: Array<Record<string, unknown>> }> } }>).deadlines?.items.properties.due?.anyOf ?? []).find(
      (branch) => typeof branch['pattern'] === 'string',
    );
    expect(due?.patternErrorMessage).toBe('A duration such as 30m, 2h, 1h30m, 7d or PT30M (not 30分钟 or 半小时). / 时长应写成 30m、2h、1h30m、7d 或 PT30M（不能写 30分钟、半小时）。');
    expect(due?.markdownDescription).toBe('A duration: 30m, 2h, 1h30m, 7d, 45s, or ISO 8601 such as PT30M.\n\n时长：30m、2h、1h30m、7d、45s，或 ISO 8601 形式如 PT30M。');
  });

  describe('validated with ajv', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    // The texts schema.json adds for editors are annotations to a validator.
    for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword(keyword);
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
