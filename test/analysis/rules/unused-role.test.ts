import { unusedRole } from '../../../src/analysis/rules/unused-role.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const roles = yaml`
  roles:
    - { id: lead, title: Lead }
    - { id: spare, title: Spare }
  events:
    - { id: GO }
`;

ruleTester(unusedRole, {
  valid: [
    {
      name: 'a team member',
      plan: `${roles}
teams: [{ id: crew, title: Crew, leader: lead, members: [spare] }]
stages: [{ id: a, title: A, on: [{ event: GO, by: [crew], target: end }] }, { id: end, title: E, final: true }]
`,
    },
    {
      name: 'named directly in by',
      plan: `${roles}
stages: [{ id: a, title: A, on: [{ event: GO, by: [lead, spare], target: end }] }, { id: end, title: E, final: true }]
`,
    },
    {
      name: 'notified on a breach and reminded',
      plan: `${roles}
stages: [{ id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }, { id: end, title: E, final: true }]
deadlines:
  - { id: d, due: 1h, metBy: [GO], breach: [{ notify: [spare] }] }
`,
    },
    {
      name: 'only reminded',
      plan: `${roles}
stages: [{ id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }, { id: end, title: E, final: true }]
deadlines:
  - { id: d, due: 1h, metBy: [GO], remind: [{ before: 10m, notify: [spare] }], breach: [{ notify: [lead] }] }
`,
    },
    {
      name: 'the target of an effect',
      plan: `${roles}
effects: [{ id: call }]
stages: [{ id: a, title: A, enter: [{ effect: call, to: [spare] }], on: [{ event: GO, by: [lead], target: end }] }, { id: end, title: E, final: true }]
`,
    },
  ],
  invalid: [
    {
      name: 'any-role does not count as using a particular role',
      plan: `${roles}
stages: [{ id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }, { id: end, title: E, final: true }]
transitions: [{ event: GO, in: [a], by: [any-role] }]
`,
      errors: [{ messageId: 'unused', line: 3, column: 11, data: { role: 'spare' } }],
    },
    {
      name: 'two unused roles',
      plan: yaml`
        roles:
          - { id: lead, title: Lead }
          - id: spare
            title: Spare
          - { id: other, title: Other }
        events: [{ id: GO }]
        stages: [{ id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }, { id: end, title: E, final: true }]
      `,
      errors: [
        { messageId: 'unused', line: 3, column: 9, data: { role: 'spare' } },
        { messageId: 'unused', line: 5, column: 11, data: { role: 'other' } },
      ],
    },
    { name: 'fixture', fixture: 'unused-role.plan.yaml', errors: [{ messageId: 'unused', line: 13, column: 11 }] },
  ],
});
