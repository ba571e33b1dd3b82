import { deadlineNeverMet } from '../../../src/analysis/rules/deadline-never-met.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

// Lines 1–9; deadlines start at line 10 (`deadlines:`), the first deadline on line 11.
const plan = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: REPORT }, { id: ASSESS }, { id: NOTE }, { id: NEVER }]
  stages:
    - { id: report, title: R, on: [{ event: REPORT, by: [lead], target: assess }] }
    - { id: assess, title: A, on: [{ event: ASSESS, by: [lead], target: end }] }
    - { id: end, title: E, final: true, on: [{ event: NEVER, by: [lead] }] }
    - { id: island, title: I, on: [{ event: NEVER, by: [lead], target: end }] }
  transitions:
    - { event: NOTE, in: [assess], by: [lead] }
`;

ruleTester(deadlineNeverMet, {
  valid: [
    {
      name: 'from open, met in a later stage',
      plan: `${plan}
deadlines:
  - { id: d, from: open, due: 1h, metBy: [ASSESS], breach: [{ notify: [lead] }] }
`,
    },
    {
      name: 'from enter, met in that stage through a shared transition',
      plan: `${plan}
deadlines:
  - { id: d, from: enter, stage: assess, due: 1h, metBy: [NOTE], breach: [{ notify: [lead] }] }
`,
    },
    {
      name: 'within lists a stage that accepts one of the events',
      plan: `${plan}
deadlines:
  - { id: d, from: open, within: [report, assess], due: 1h, metBy: [NEVER, ASSESS], breach: [{ notify: [lead] }] }
`,
    },
  ],
  invalid: [
    {
      name: 'from enter, met only in another stage',
      plan: `${plan}
deadlines:
  - id: d
    from: enter
    stage: report
    due: 1h
    metBy: [ASSESS]
`,
      errors: [{ messageId: 'notAccepted', line: 15, column: 12, data: { deadline: 'd', events: 'ASSESS', stages: '"report"' } }],
    },
    {
      name: 'from open, met only in a final stage and an unreachable stage',
      plan: `${plan}
deadlines:
  - { id: d, due: 1h, metBy: [NEVER], breach: [{ notify: [lead] }] }
`,
      errors: [{ messageId: 'notReachable', line: 11, column: 30, data: { deadline: 'd', events: 'NEVER' } }],
    },
    {
      name: 'within names stages that accept none of the events',
      plan: `${plan}
deadlines:
  - { id: d, within: [report], due: 1h, metBy: [ASSESS, NOTE], breach: [{ notify: [lead] }] }
`,
      errors: [{ messageId: 'notAccepted', line: 11, column: 48, data: { events: 'ASSESS, NOTE', stages: '"report"' } }],
    },
    { name: 'fixture', fixture: 'deadline-never-met.plan.yaml', errors: [{ messageId: 'notAccepted', line: 37, column: 12 }] },
  ],
});
