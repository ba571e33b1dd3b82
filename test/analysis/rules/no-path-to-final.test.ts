import { noPathToFinal } from '../../../src/analysis/rules/no-path-to-final.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles:
    - { id: lead, title: Lead }
  events:
    - { id: GO }
    - { id: STOP }
`;
// head is 5 lines: `stages:` is line 6, the first stage line 7.

ruleTester(noPathToFinal, {
  valid: [
    {
      name: 'every stage leads to the final stage',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }] }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: a }, { event: STOP, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'the way out is a shared transition',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }] }
  - { id: b, title: B }
  - { id: end, title: E, final: true }
transitions:
  - { event: STOP, in: '*', by: [lead], target: end }
`,
    },
    {
      name: 'the way out is the done of tracks',
      plan: `${head}
stages:
  - id: a
    title: A
    tracks:
      - { id: t, on: [{ event: GO, by: [lead] }] }
    done: end
  - { id: end, title: E, final: true }
`,
    },
  ],
  invalid: [
    {
      name: 'a dead end (no transition out)',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: stuck }, { event: STOP, by: [lead], target: end }] }
  - { id: stuck, title: S, on: [{ event: STOP, by: [lead] }] }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'deadEnd', line: 8, column: 11, data: { stage: 'stuck' } }],
    },
    {
      name: 'a stage that leads only into a trap, and the trap',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }, { event: STOP, by: [lead], target: end }] }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: c }] }
  - id: c
    title: C
  - { id: end, title: E, final: true }
`,
      errors: [
        { messageId: 'trapped', line: 8, column: 11, data: { stage: 'b' } },
        { messageId: 'deadEnd', line: 9, column: 9, data: { stage: 'c' } },
      ],
    },
    {
      name: 'a stage whose only transition re-enters itself is a dead end',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }, { event: STOP, by: [lead], target: end }] }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: a }] }
  - { id: end, title: E, final: true }
  - { id: limbo, title: L, on: [{ event: GO, by: [lead], target: limbo }] }
`,
      // limbo is a one-stage loop: loop-without-exit reports it, not this rule.
      errors: [],
    },
    {
      name: 'no final stage at all',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: b }] }
  - { id: b, title: B, on: [{ event: GO, by: [lead], target: a }] }
`,
      errors: [{ messageId: 'noFinalStage', line: 7, column: 3 }],
    },
    { name: 'fixture', fixture: 'no-path-to-final.plan.yaml', errors: [{ messageId: 'deadEnd', line: 30, column: 9 }] },
  ],
});
