import { finalStageWithTransitions } from '../../../src/analysis/rules/final-stage-with-transitions.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }, { id: NOTE }]
`;
// head is 2 lines: `stages:` is line 3, the first stage line 4.

ruleTester(finalStageWithTransitions, {
  valid: [
    {
      name: "a bare final stage; '*' leaves final stages out",
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: NOTE, in: '*', by: [lead] }
`,
    },
  ],
  invalid: [
    {
      name: 'own transitions in a final stage',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
  - id: end
    title: E
    final: true
    on:
      - { event: GO, by: [lead], target: a }
`,
      errors: [{ messageId: 'ownOn', line: 9, column: 7, data: { stage: 'end' } }],
    },
    {
      name: 'tracks in a final stage',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true, tracks: [{ id: t, on: [{ event: GO, by: [lead] }] }], done: a }
`,
      errors: [{ messageId: 'ownTransitions', line: 5, column: 47 }],
    },
    {
      name: 'a shared transition naming a final stage',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: NOTE, in: [a, end], by: [lead] }
`,
      errors: [{ messageId: 'sharedIn', line: 7, column: 28, data: { event: 'NOTE', stage: 'end' } }],
    },
    { name: 'fixture', fixture: 'final-stage-with-transitions.plan.yaml', errors: [{ messageId: 'ownOn', line: 33, column: 7 }] },
  ],
});
