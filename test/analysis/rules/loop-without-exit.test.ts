import { loopWithoutExit } from '../../../src/analysis/rules/loop-without-exit.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles:
    - { id: lead, title: Lead }
  events:
    - { id: GO }
    - { id: STOP }
`;

ruleTester(loopWithoutExit, {
  valid: [
    {
      name: 'a loop with an exit (the seed plan: monitor → strategy … monitor → review)',
      plan: `${head}
stages:
  - { id: strategy, title: S, on: [{ event: GO, by: [lead], target: monitor }] }
  - { id: monitor, title: M, on: [{ event: GO, by: [lead], target: strategy }, { event: STOP, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'the exit is a shared transition',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }] }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: a }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: STOP, in: [b], by: [lead], target: end }
`,
    },
    {
      name: 'a dead end is not a loop',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }] }
  - { id: b, title: B }
  - { id: end, title: E, final: true }
`,
    },
  ],
  invalid: [
    {
      name: 'two stages leading only to each other',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }, { event: STOP, by: [lead], target: end }] }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: c }] }
  - { id: c, title: C, on: [{ event: GO, by: [lead], target: b }] }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'loop', line: 8, column: 11, data: { stages: '"b", "c"' } }],
    },
    {
      name: 'a loop through conditional branches and tracks',
      plan: `${head}
fields:
  - { id: ok, type: boolean }
stages:
  - { id: a, title: A, on: [{ event: STOP, by: [lead], target: end }, { event: GO, by: [lead], target: b }] }
  - id: b
    title: B
    tracks:
      - { id: t, on: [{ event: GO, by: [lead] }] }
    done: c
  - id: c
    title: C
    on:
      - event: STOP
        by: [lead]
        targets:
          - { when: { field: ok, eq: true }, target: b }
          - { target: c }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'loop', line: 10, column: 9, data: { stages: '"b", "c"' } }],
    },
    {
      name: 'a stage that only re-enters itself',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: spin }, { event: STOP, by: [lead], target: end }] }
  - { id: spin, title: S, on: [{ event: GO, by: [lead], target: spin }] }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'selfLoop', line: 8, column: 11, data: { stage: 'spin' } }],
    },
    { name: 'fixture', fixture: 'loop-without-exit.plan.yaml', errors: [{ messageId: 'loop', line: 25, column: 9 }] },
  ],
});
