import { regradeUpAtTopLevel } from '../../../src/analysis/rules/regrade-up-at-top-level.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  severity: [{ id: I, title: 特别重大 }, { id: II, title: 重大 }, { id: III, title: 较大 }]
  fields: [{ id: level, type: severity }, { id: cause, type: text }]
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO, requires: [level] }]
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;
// `deadlines:` is line 8, the first deadline line 9.
const deadline = (rest: string): string => `${plan}\ndeadlines:\n  - { id: late, due: 1h, metBy: [GO], ${rest} }\n`;

ruleTester(regradeUpAtTopLevel, {
  valid: [
    { name: 'regrade to a named level', plan: deadline('breach: [{ regrade: I }, { record: 升级 }]') },
    { name: 'when excludes the top level (ne)', plan: deadline('when: { field: level, ne: I }, breach: [{ regrade: up }, { record: 升级 }]') },
    { name: 'when excludes the top level (in)', plan: deadline('when: { field: level, in: [II, III] }, breach: [{ regrade: up }]') },
    { name: 'when excludes the top level (not eq, inside all)', plan: deadline('when: { all: [{ field: cause, exists: true }, { not: { field: level, eq: I } }] }, breach: [{ regrade: up }]') },
    { name: 'no regrade at all', plan: deadline('breach: [{ notify: [lead] }, { record: 超时 }]') },
  ],
  invalid: [
    {
      name: 'regrade up with a record beside it',
      plan: deadline('breach: [{ regrade: up }, { record: 超时，事件升级 }]'),
      errors: [{ messageId: 'recordClaimsEscalation', line: 9, column: 59, data: { deadline: 'late', top: 'I', field: 'level', record: '超时，事件升级' } }],
    },
    {
      name: 'regrade up alone, no condition',
      plan: deadline('breach: [{ notify: [lead] }, { regrade: up }]'),
      errors: [{ messageId: 'noEffect', line: 9, column: 79, data: { deadline: 'late', top: 'I' } }],
    },
    {
      name: 'a when that may hold at the top level (any, unknown field)',
      plan: deadline('when: { any: [{ field: level, ne: I }, { field: cause, exists: true }] }, breach: [{ regrade: up }]'),
      errors: [{ messageId: 'noEffect', line: 9, column: 133 }],
    },
    {
      name: 'a per-level due (armed at every level, the top one included)',
      plan: `${plan}\ndeadlines:\n  - id: late\n    due: { I: 1h, II: 2h, III: 4h }\n    metBy: [GO]\n    breach:\n      - { regrade: up }\n      - { record: { zh-CN: 已升级, en: escalated } }\n`,
      errors: [{ messageId: 'recordClaimsEscalation', line: 13, column: 20, data: { record: '已升级' } }],
    },
    { name: 'fixture', fixture: 'regrade-up-at-top-level.plan.yaml', errors: [{ messageId: 'recordClaimsEscalation', line: 43, column: 20 }] },
  ],
});
