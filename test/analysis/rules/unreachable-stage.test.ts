import { unreachableStage } from '../../../src/analysis/rules/unreachable-stage.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles:
    - { id: lead, title: Lead }
  teams:
    - { id: crew, title: Crew, leader: lead }
  events:
    - { id: GO }
    - { id: STOP }
    - { id: A }
    - { id: B }
`;

ruleTester(unreachableStage, {
  valid: [
    {
      name: 'every stage on a path from the opening stage',
      plan: `${head}
stages:
  - { id: start, title: S, owner: crew, on: [{ event: GO, by: [crew], target: mid }] }
  - { id: mid, title: M, owner: crew, on: [{ event: STOP, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'reached only through a conditional branch',
      plan: `${head}
fields:
  - { id: ok, type: boolean }
stages:
  - id: start
    title: S
    on:
      - event: GO
        by: [crew]
        targets:
          - { when: { field: ok, eq: true }, target: branch }
          - { target: end }
  - { id: branch, title: B, on: [{ event: STOP, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: "reached only through a stage's tracks (done)",
      plan: `${head}
stages:
  - id: start
    title: S
    tracks:
      - { id: a, on: [{ event: A, by: [crew] }] }
      - { id: b, on: [{ event: B, by: [crew] }] }
    done: after
  - { id: after, title: After, on: [{ event: STOP, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
    {
      name: 'reached only through a shared transition with in',
      plan: `${head}
stages:
  - { id: start, title: S, on: [{ event: GO, by: [crew], target: mid }] }
  - { id: mid, title: M }
  - { id: escalated, title: X, on: [{ event: STOP, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: A, in: [mid], by: [crew], target: escalated }
`,
    },
    {
      name: "reached through a shared transition with in: '*'",
      plan: `${head}
stages:
  - { id: start, title: S }
  - { id: abort, title: X, on: [{ event: STOP, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: A, in: '*', by: [crew], target: abort }
`,
    },
  ],
  invalid: [
    {
      name: 'named somewhere but never targeted from a reachable stage',
      plan: `${head}
stages:
  - { id: start, title: S, on: [{ event: GO, by: [crew], target: end }] }
  - id: island
    title: I
    on:
      - { event: STOP, by: [crew], target: end }
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'unreachable', line: 12, column: 9, data: { stage: 'island', opening: 'start' } }],
    },
    {
      name: 'targeted only from an unreachable stage (a chain of two)',
      plan: `${head}
stages:
  - { id: start, title: S, on: [{ event: GO, by: [crew], target: end }] }
  - { id: a, title: A, on: [{ event: GO, by: [crew], target: b }] }
  - { id: b, title: B, on: [{ event: GO, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
`,
      errors: [
        { messageId: 'unreachable', line: 12, column: 11, data: { stage: 'a' } },
        { messageId: 'unreachable', line: 13, column: 11, data: { stage: 'b' } },
      ],
    },
    {
      name: 'targeted only from a final stage (a closed incident takes no transitions)',
      plan: `${head}
stages:
  - { id: start, title: S, on: [{ event: GO, by: [crew], target: end }] }
  - { id: end, title: E, final: true, on: [{ event: GO, by: [crew], target: after }] }
  - { id: after, title: A }
`,
      errors: [{ messageId: 'unreachable', line: 13, column: 11, data: { stage: 'after' } }],
    },
    {
      name: "a shared transition's in names only unreachable stages",
      plan: `${head}
stages:
  - { id: start, title: S, on: [{ event: GO, by: [crew], target: end }] }
  - { id: lost, title: L }
  - { id: also-lost, title: A, on: [{ event: STOP, by: [crew], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: A, in: [lost], by: [crew], target: also-lost }
`,
      errors: [
        { messageId: 'unreachable', line: 12, column: 11, data: { stage: 'lost' } },
        { messageId: 'unreachable', line: 13, column: 11, data: { stage: 'also-lost' } },
      ],
    },
    { name: 'fixture', fixture: 'unreachable-stage.plan.yaml', errors: [{ messageId: 'unreachable', line: 29, column: 9 }] },
  ],
});
