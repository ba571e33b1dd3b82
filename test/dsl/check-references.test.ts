import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkReferences } from '../../src/dsl/check-references.js';
import { PlanSchema, type PlanDefinition, type PlanInput } from '../../src/dsl/schema/plan.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const base = {
  planwright: 1,
  id: 'refs',
  version: '1.0.0',
  title: 'References',
  severity: [
    { id: 'high', title: 'High' },
    { id: 'low', title: 'Low' },
  ],
  categories: [{ id: 'any', title: 'Any' }],
  roles: [
    { id: 'officer', title: 'Officer' },
    { id: 'chief', title: 'Chief' },
  ],
  teams: [{ id: 'crew', title: 'Crew', leader: 'chief', members: ['officer'] }],
  fields: [
    { id: 'note', type: 'text' },
    { id: 'count', type: 'number' },
    { id: 'urgent', type: 'boolean' },
  ],
  templates: [{ id: 'notice', title: 'Notice', body: { en: '{{title}} {{note}}', 'zh-CN': '{{title}}：{{note}}' } }],
  effects: [{ id: 'publish' }],
  events: [{ id: 'GO', optional: ['note', 'count', 'urgent'] }, { id: 'STOP' }],
  stages: [
    { id: 'open', title: 'Open', on: [{ event: 'GO', by: ['crew.leader'], target: 'done' }] },
    { id: 'done', title: 'Done', final: true },
  ],
} satisfies PlanInput;

type Edit = (plan: PlanInput) => void;
const stage0 = (plan: PlanInput) => plan.stages[0] as NonNullable<PlanInput['stages'][number]>;

/** Rules checked on definitions (no YAML involved): the edit, the code and the path it reports. */
const CASES: ReadonlyArray<readonly [name: string, edit: Edit, code: string, path: Array<string | number>]> = [
  ['team leader position left empty', (p) => void (stage0(p).on = [{ event: 'GO', by: ['crew.deputy'] }]), 'vacant-position', ['stages', 0, 'on', 0, 'by', 0]],
  ['members position of a team without members', (p) => {
    p.teams = [{ id: 'crew', title: 'Crew', leader: 'chief' }];
    stage0(p).on = [{ event: 'GO', by: ['crew.members'] }];
  }, 'vacant-position', ['stages', 0, 'on', 0, 'by', 0]],
  ['position of an undeclared team', (p) => void (stage0(p).on = [{ event: 'GO', by: ['crow.leader'] }]), 'unknown-team', ['stages', 0, 'on', 0, 'by', 0]],
  ['a role called any-role', (p) => void p.roles.push({ id: 'any-role', title: 'Anyone' }), 'ambiguous-id', ['roles', 2, 'id']],
  ['two tracks with one id', (p) => {
    stage0(p).on = [];
    stage0(p).tracks = [
      { id: 'a', on: [{ event: 'GO', by: ['chief'] }] },
      { id: 'a', on: [{ event: 'STOP', by: ['chief'] }] },
    ];
    stage0(p).done = 'done';
  }, 'duplicate-id', ['stages', 0, 'tracks', 1, 'id']],
  ['an enum value listed twice', (p) => void p.fields?.push({ id: 'channel', type: 'enum', values: ['web', 'web'] }), 'duplicate-id', ['fields', 3, 'values', 1, 'id']],
  ['min above max', (p) => void p.fields?.push({ id: 'share', type: 'number', min: 1, max: 0 }), 'invalid-value', ['fields', 3, 'min']],
  ['a migration to an undeclared stage', (p) => void (p.migrations = [{ from: '0.9.0', stages: { start: 'begin' } }]), 'unknown-stage', ['migrations', 0, 'stages', 'start']],
  ['two migrations from one version', (p) => void (p.migrations = [{ from: '0.9.0' }, { from: '0.9.0' }]), 'duplicate-id', ['migrations', 1, 'id']],
  ['a conditional target to an undeclared stage', (p) => void (stage0(p).on = [{ event: 'GO', by: ['chief'], targets: [{ when: { field: 'urgent', eq: true }, target: 'done' }, { target: 'later' }] }]), 'unknown-stage', ['stages', 0, 'on', 0, 'targets', 1, 'target']],
  ['a branch condition on an undeclared field', (p) => void (stage0(p).on = [{ event: 'GO', by: ['chief'], targets: [{ when: { not: { field: 'urgnt', eq: true } }, target: 'done' }] }]), 'unknown-field', ['stages', 0, 'on', 0, 'targets', 0, 'when', 'not', 'field']],
  ['a boolean compared with text', (p) => void (stage0(p).on = [{ event: 'GO', by: ['chief'], when: { any: [{ field: 'urgent', eq: 'yes' }] }, target: 'done' }]), 'condition-type-mismatch', ['stages', 0, 'on', 0, 'when', 'any', 0, 'eq']],
  ['a condition without operator', (p) => void (stage0(p).on = [{ event: 'GO', by: ['chief'], when: { field: 'count' }, target: 'done' }]), 'condition-operator', ['stages', 0, 'on', 0, 'when']],
  ['severity compared with an undeclared level (no severity field)', (p) => void (stage0(p).on = [{ event: 'GO', by: ['chief'], when: { field: 'severity', eq: 'mid' }, target: 'done' }]), 'condition-type-mismatch', ['stages', 0, 'on', 0, 'when', 'eq']],
  ['a transition requiring an undeclared field', (p) => void (stage0(p).on = [{ event: 'GO', by: ['chief'], requires: ['reason'], target: 'done' }]), 'unknown-field', ['stages', 0, 'on', 0, 'requires', 0]],
  ['a reminder to an undeclared role', (p) => void (p.deadlines = [{ id: 'd', due: '1h', metBy: ['GO'], remind: [{ before: '10m', notify: ['boss'] }] }]), 'unknown-role', ['deadlines', 0, 'remind', 0, 'notify', 0]],
  ['a deadline within an undeclared stage', (p) => void (p.deadlines = [{ id: 'd', due: '1h', metBy: ['GO'], within: ['open', 'middle'] }]), 'unknown-stage', ['deadlines', 0, 'within', 1]],
  ['an effect addressed to an undeclared role', (p) => void (stage0(p).enter = [{ effect: 'publish', to: ['press'] }]), 'unknown-role', ['stages', 0, 'enter', 0, 'to', 0]],
  ['a notify template that is not declared', (p) => void (stage0(p).enter = [{ notify: ['chief'], template: 'memo' }]), 'unknown-template', ['stages', 0, 'enter', 0, 'template']],
  ['a placeholder in one locale of a template', (p) => void (p.templates = [{ id: 'notice', title: 'Notice', body: { en: '{{title}}', 'zh-CN': '{{ 标题 }}' } }]), 'unknown-placeholder', ['templates', 0, 'body', 'zh-CN']],
  ['a stage owner track that is not a team', (p) => {
    stage0(p).on = [];
    stage0(p).tracks = [{ id: 'a', owner: 'crowd', on: [{ event: 'GO', by: ['chief'] }] }];
    stage0(p).done = 'done';
  }, 'unknown-team', ['stages', 0, 'tracks', 0, 'owner']],
  ['a due time that does not fit in a number', (p) => void (p.deadlines = [{ id: 'd', due: `${'9'.repeat(400)}d`, metBy: ['GO'] }]), 'bad-duration', ['deadlines', 0, 'due']],
];

function definition(edit?: Edit): PlanDefinition {
  const input = structuredClone(base) as PlanInput;
  edit?.(input);
  return PlanSchema.parse(input);
}

describe('checkReferences', () => {
  it('finds nothing wrong in a consistent plan', () => {
    expect(checkReferences(definition())).toEqual([]);
  });

  it.each(CASES)('%s → %s', (_, edit, code, path) => {
    const diagnostics = checkReferences(definition(edit));
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([[code, path]]);
    expect(diagnostics[0]?.range).toBeUndefined();
  });

  it('writes its messages in zh-CN on request', () => {
    const [d] = checkReferences(definition(CASES[0]?.[1]), { locale: 'zh-CN' });
    expect(d?.message).toBe('小组 "crew" 没有副组长（deputy）；请为该小组设置副组长（deputy），或改写为 crew.leader。');
  });

  it('checks the seed plan definition with nothing to report', () => {
    const seed = PlanSchema.parse(parse(readFileSync(join(root, 'plans/public-opinion.plan.yaml'), 'utf8')));
    expect(checkReferences(seed)).toEqual([]);
  });
});

describe('check-references module graph', () => {
  const SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g;
  function walk(entry: string): { files: string[]; packages: Set<string> } {
    const files: string[] = [];
    const packages = new Set<string>();
    const todo = [entry];
    while (todo.length > 0) {
      const file = todo.pop() as string;
      if (files.includes(relative(root, file))) continue;
      files.push(relative(root, file));
      for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const spec = m[1] ?? '';
        if (!spec.startsWith('.')) packages.add(spec.split('/')[0] ?? spec);
        else {
          const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
          expect(existsSync(target), target).toBe(true);
          todo.push(target);
        }
      }
    }
    return { files, packages };
  }

  it('imports neither yaml nor the parser, so the runtime can reuse it', () => {
    for (const entry of ['src/dsl/check-references.ts', 'src/compile/duration.ts']) {
      const { files, packages } = walk(join(root, entry));
      expect([...packages].sort()).toEqual(entry.endsWith('duration.ts') ? [] : ['zod']);
      expect(files.filter((f) => /parse-source|check-plan|resolve-includes|node:/.test(f))).toEqual([]);
    }
  });
});
