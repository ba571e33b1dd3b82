import { ambiguousTransitions } from '../../../src/analysis/rules/ambiguous-transitions.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }, { id: NOTE }]
  fields: [{ id: level, type: number }]
`;
// head is 3 lines: `stages:` is line 4, the first stage line 5, its first transition line 8.

ruleTester(ambiguousTransitions, {
  valid: [
    {
      name: 'told apart by when (the later one without when is the default)',
      plan: `${head}
stages:
  - id: a
    title: A
    on:
      - { event: GO, by: [lead], when: { field: level, gt: 2 }, target: b }
      - { event: GO, by: [lead], target: end }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'two different conditions',
      plan: `${head}
stages:
  - id: a
    title: A
    on:
      - { event: GO, by: [lead], when: { field: level, gt: 2 }, target: end }
      - { event: GO, by: [lead], when: { field: level, lte: 2 }, target: end }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'the same event in two parallel tracks',
      plan: `${head}
stages:
  - id: a
    title: A
    tracks:
      - { id: t1, on: [{ event: GO, by: [lead] }] }
      - { id: t2, on: [{ event: GO, by: [lead] }] }
    done: end
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'a shared transition on an event the stages do not accept themselves',
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
      name: 'the same event twice without when',
      plan: `${head}
stages:
  - id: a
    title: A
    on:
      - { event: GO, by: [lead], target: end }
      - { event: GO, by: [lead], target: a }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'shadowedAtLine', line: 9, column: 18, data: { stage: 'a', event: 'GO', line: '8' } }],
    },
    {
      name: 'the same condition written in another key order',
      plan: `${head}
stages:
  - id: a
    title: A
    on:
      - { event: GO, by: [lead], when: { field: level, gt: 2 }, target: end }
      - { event: GO, by: [lead], when: { gt: 2, field: level }, target: a }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'shadowedAtLine', line: 9, column: 18, data: { line: '8' } }],
    },
    {
      name: "a shared transition behind a stage's own unconditional one",
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: NOTE, by: [lead] }, { event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: NOTE, in: '*', by: [lead], target: end }
`,
      errors: [{ messageId: 'shadowedAtLine', line: 8, column: 14, data: { stage: 'a', event: 'NOTE', line: '5' } }],
    },
    { name: 'fixture', fixture: 'ambiguous-transitions.plan.yaml', errors: [{ messageId: 'shadowedAtLine', line: 29, column: 18 }] },
  ],
});
