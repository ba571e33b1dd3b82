import { conditionalTargetsWithoutDefault } from '../../../src/analysis/rules/conditional-targets-without-default.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  fields: [{ id: level, type: number }]
`;
// head is 3 lines: `stages:` is line 4.

ruleTester(conditionalTargetsWithoutDefault, {
  valid: [
    {
      name: 'the last branch has no when',
      plan: `${head}
stages:
  - id: a
    title: A
    on:
      - event: GO
        by: [lead]
        targets:
          - { when: { field: level, gt: 2 }, target: b }
          - { target: end }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'a plain target',
      plan: `${head}\nstages:\n  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n`,
    },
  ],
  invalid: [
    {
      name: 'every branch has a when (in a stage)',
      plan: `${head}
stages:
  - id: a
    title: A
    on:
      - event: GO
        by: [lead]
        targets:
          - { when: { field: level, gt: 2 }, target: b }
          - { when: { field: level, lte: 2 }, target: end }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'noDefault', line: 11, column: 11, data: { event: 'GO' } }],
    },
    {
      name: 'every branch has a when (in a shared transition)',
      plan: `${head}
stages:
  - { id: a, title: A }
  - { id: end, title: E, final: true }
transitions:
  - { event: GO, in: '*', by: [lead], targets: [{ when: { field: level, gt: 2 }, target: end }] }
`,
      errors: [{ messageId: 'noDefault', line: 8, column: 48 }],
    },
    { name: 'fixture', fixture: 'conditional-targets-without-default.plan.yaml', errors: [{ messageId: 'noDefault', line: 31, column: 11 }] },
  ],
});
