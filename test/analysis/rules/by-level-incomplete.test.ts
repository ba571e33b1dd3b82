import { byLevelIncomplete } from '../../../src/analysis/rules/by-level-incomplete.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  severity:
    - { id: I, title: One }
    - { id: II, title: Two }
    - { id: III, title: Three }
  roles: [{ id: lead, title: Lead }, { id: chief, title: Chief }]
  fields: [{ id: level, type: severity }]
  events: [{ id: GO, requires: [level] }]
`;
// `stages:` is line 8, the first stage line 9.

ruleTester(byLevelIncomplete, {
  valid: [
    { name: 'a plain by list', plan: `${plan}\nstages:\n  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n` },
    {
      name: 'a signer for every level',
      plan: `${plan}\nstages:\n  - { id: a, title: A, on: [{ event: GO, by: { I: [chief], II: [chief], III: [lead] }, authority: requested, target: end }] }\n  - { id: end, title: E, final: true }\n`,
    },
  ],
  invalid: [
    {
      name: 'level III has no signer',
      plan: `${plan}\nstages:\n  - { id: a, title: A, on: [{ event: GO, by: { I: [chief], II: [chief] }, authority: requested, target: end }] }\n  - { id: end, title: E, final: true }\n`,
      errors: [{ messageId: 'missing', line: 9, column: 46, data: { event: 'GO', levels: 'III' } }],
    },
    {
      name: 'two levels left out, block style',
      plan: `${plan}\nstages:\n  - id: a\n    title: A\n    on:\n      - event: GO\n        by:\n          II: [chief]\n        target: end\n  - { id: end, title: E, final: true }\n`,
      errors: [{ messageId: 'missing', line: 14, column: 11, data: { levels: 'I, III' } }],
    },
    { name: 'fixture', fixture: 'by-level-incomplete.plan.yaml', errors: [{ messageId: 'missing', line: 26, column: 13, data: { levels: 'low' } }] },
  ],
});
