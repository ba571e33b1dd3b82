import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { loadPlan } from '../../src/dsl/load-plan.js';
import { isTypeName, planTypeName, planTypesDeclaration } from '../../src/typegen/plan-types-declaration.js';
import { typeFixtures, WRITE_TYPE_FIXTURES } from '../../scripts/type-fixtures.js';

const repo = resolve(import.meta.dirname, '../..');
let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  dir = '';
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: repo });
  return { code, out, err };
}

/** The declaration parsed by TypeScript: its syntax errors, top-level statements, and the interface's members by name. */
function parsed(text: string): { errors: string[]; statements: string[]; members: Map<string, string> } {
  const file = ts.createSourceFile('plan-types.d.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const errors = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const statements = file.statements.map((s) => ts.SyntaxKind[s.kind]);
  const members = new Map<string, string>();
  const declared = file.statements.find(ts.isInterfaceDeclaration);
  for (const member of declared?.members ?? []) if (member.name !== undefined) members.set(member.name.getText(file), member.getText(file));
  return { errors, statements, members };
}

const floodText = (): string => planTypesDeclaration(loadPlan({ file: 'plans/city-flood.plan.yaml' }));

describe('planTypesDeclaration', () => {
  it('writes one interface with the nine parts of PlanTypes', () => {
    const { errors, statements, members } = parsed(floodText());
    expect(errors).toEqual([]);
    expect(statements).toEqual(['InterfaceDeclaration']);
    expect([...members.keys()]).toEqual(['events', 'stages', 'roles', 'categories', 'severities', 'deadlines', 'effects', 'templates', 'fields']);
  });

  it('types each event’s data from the plan’s fields: required, optional (?), enum and severity unions', () => {
    const text = floodText();
    expect(text).toContain('    WATER_READING: { riverLevel: number; warningWaterLevel?: number; reservoirLevel?: number; designFloodLevel?: number; returnPeriod?: number };\n');
    expect(text).toContain('    WARNING_ISSUED: { warningColour: "blue" | "yellow" | "orange" | "red" };\n');
    expect(text).toContain('    ACTIVATE: { responseLevel: "I" | "II" | "III" | "IV"; reason?: string };\n');
    expect(text).toContain('    DANGER_FOUND: { siteId: string; occurredAt: string; summary: string };\n');
    expect(text).toContain('  stages: "watch" | "response" | "review" | "closed";\n');
    expect(text).toContain('  effects: never;\n');
    expect(text).toMatch(/^export interface CityFloodPlan \{$/m);
  });

  it('adds the fields a transition requires as optional, and types an event without fields as carrying none', () => {
    const fixture = typeFixtures().find((f) => f.source.endsWith('pump-station.plan.ts'));
    expect(fixture?.text).toContain('    EVACUATE: { note?: string };\n');
    expect(fixture?.text).toContain('    CHECK: Record<string, never>;\n');
    expect(fixture?.text).toContain('    PUMPS: { pumps?: "all" | "some" | "none"; powerCut?: boolean };\n');
    expect(fixture?.text).toContain('  effects: "sound-siren";\n');
  });

  it('keeps plan text inside comments: a title that ends the comment, breaks the line or reorders text stays a comment', () => {
    const hostile = 'x */ } export const pwned = 1; /* \n export let more = 2; \u202e\u0007';
    const plan = loadPlan({ file: 'plans/city-flood.plan.yaml' });
    const fields = plan.fields.map((field, index) => (index === 0 ? { ...field, title: hostile } : field));
    const events = plan.events.map((event, index) => (index === 0 ? { ...event, title: { en: hostile } } : event));
    const text = planTypesDeclaration({ ...plan, title: hostile, fields, events }, { source: 'evil\n*/ export const x = 1;' });
    const { errors, statements, members } = parsed(text);
    expect(errors).toEqual([]);
    expect(statements).toEqual(['InterfaceDeclaration']);
    expect(members.size).toBe(9);
    expect(text).toContain('/** x *\\/ } export const pwned = 1; /* export let more = 2; */');
    expect(text).not.toMatch(/[\u202e\u0007]/);
  });

  it('quotes ids that are not identifiers', () => {
    const plan = loadPlan({ file: 'plans/city-flood.plan.yaml' });
    const fields = [...plan.fields, { id: 'water-depth', type: 'number' as const }];
    const events = plan.events.map((event, index) => (index === 0 ? { ...event, optional: ['water-depth'] } : event));
    const text = planTypesDeclaration({ ...plan, fields, events });
    expect(text).toContain('    WARNING_ISSUED: { warningColour: "blue" | "yellow" | "orange" | "red"; "water-depth"?: number };\n');
    expect(text).toContain('    "water-depth": number;\n');
    expect(parsed(text).errors).toEqual([]);
  });

  it('names the interface from the plan id, or as asked (a TypeScript identifier only)', () => {
    expect(planTypeName('city-flood')).toBe('CityFloodPlan');
    expect(planTypeName('public_opinion')).toBe('PublicOpinionPlan');
    expect(planTypeName('x')).toBe('XPlan');
    expect(isTypeName('FloodTypes')).toBe(true);
    expect(isTypeName('flood-types')).toBe(false);
    expect(isTypeName('1Plan')).toBe(false);
    expect(isTypeName('string')).toBe(false);
    expect(() => planTypesDeclaration(loadPlan({ file: 'plans/city-flood.plan.yaml' }), { name: 'a b' })).toThrow('not a TypeScript type name: "a b"');
  });
});

describe('the type tests’ declaration files', () => {
  it.each(typeFixtures().map((f) => [f.path, f] as const))('%s is what planwright types writes now (else run the script)', (_, fixture) => {
    expect(readFileSync(fixture.path, 'utf8'), `${fixture.path} is out of date: run ${WRITE_TYPE_FIXTURES}`).toBe(fixture.text);
  });
});

describe('planwright types', () => {
  it('writes the seed’s declarations from the plan file (exit 0), byte for byte the type tests’ file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-types-'));
    const file = join(dir, 'out', 'plan-types.d.ts');
    const { code, out } = await cli('types', 'plans/public-opinion.plan.yaml', '-o', file, '--locale', 'en');
    expect(code).toBe(0);
    expect(out).toBe(`${file}: types of plan public-opinion 1.0.0 (interface PublicOpinionPlan)\n`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync('test/types/generated/public-opinion-types.d.ts', 'utf8'));
  });

  it('reads a bundle too, and writes the same interface as from its plan file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-types-'));
    const bundle = join(dir, 'flood.json');
    expect((await cli('bundle', 'plans/city-flood.plan.yaml', '-o', bundle)).code).toBe(0);
    const file = join(dir, 'flood-types.d.ts');
    const { code, out } = await cli('types', bundle, '-o', file, '--name', 'FloodTypes', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ ok: true, file, planId: 'city-flood', planVersion: '1.0.0', name: 'FloodTypes' });
    const body = (text: string) => text.slice(text.indexOf('\n\n'));
    const expected = readFileSync('test/types/generated/city-flood-types.d.ts', 'utf8').replaceAll('CityFloodPlan', 'FloodTypes');
    expect(body(readFileSync(file, 'utf8'))).toBe(body(expected));
    const bundleHash = (JSON.parse(readFileSync(bundle, 'utf8')) as { hash: string }).hash.slice(0, 12);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`// Written by \`planwright types\` from ${bundle}: plan city-flood 1.0.0 (sha256 ${bundleHash}…).`);
  });

  it('exit 1 for a bundle whose hash does not match, naming the code; nothing written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-types-'));
    const bundle = join(dir, 'flood.json');
    await cli('bundle', 'plans/city-flood.plan.yaml', '-o', bundle);
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('"version":"1.0.0"', '"version":"1.0.1"'));
    const { code, out } = await cli('types', bundle, '-o', join(dir, 't.d.ts'), '--locale', 'en');
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`^${bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error hash-mismatch: `));
    expect(() => readFileSync(join(dir, 't.d.ts'))).toThrow();
  });

  it('exit 1 for a plan with errors, exit 2 without -o, with a bad --name, or for a missing file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'planwright-types-'));
    const bad = join(dir, 'bad.plan.yaml');
    writeFileSync(bad, readFileSync('plans/city-flood.plan.yaml', 'utf8').replace('requires: [warningColour]', 'requires: [warningColor]'));
    const broken = await cli('types', bad, '-o', join(dir, 't.d.ts'), '--locale', 'en');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('warningColor');
    const noOutput = await cli('types', 'plans/city-flood.plan.yaml', '--locale', 'en');
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toContain('give one plan or bundle and the output file');
    const badName = await cli('types', 'plans/city-flood.plan.yaml', '-o', join(dir, 't.d.ts'), '--name', 'flood-types', '--locale', 'zh-CN');
    expect(badName.code).toBe(2);
    expect(badName.err).toContain('--name “flood-types”不能用作类型名');
    const missing = await cli('types', join(dir, 'missing.json'), '-o', join(dir, 't.d.ts'), '--locale', 'en');
    expect(missing.code).toBe(2);
    expect(() => readFileSync(join(dir, 't.d.ts'))).toThrow();
  });
});
