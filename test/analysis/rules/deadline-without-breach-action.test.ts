import { deadlineWithoutBreachAction } from '../../../src/analysis/rules/deadline-without-breach-action.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;
// `deadlines:` is line 6, the first deadline line 7.

ruleTester(deadlineWithoutBreachAction, {
  valid: [
    { name: 'notify on breach', plan: `${plan}\ndeadlines:\n  - { id: d, due: 1h, metBy: [GO], breach: [{ notify: [lead] }] }\n` },
    { name: 'record on breach', plan: `${plan}\ndeadlines:\n  - { id: d, due: 1h, metBy: [GO], breach: [{ record: late }] }\n` },
  ],
  invalid: [
    {
      name: 'no breach key',
      plan: `${plan}\ndeadlines:\n  - id: late\n    due: 1h\n    metBy: [GO]\n`,
      errors: [{ messageId: 'noBreach', line: 7, column: 9, data: { deadline: 'late' } }],
    },
    {
      name: 'an empty breach list (only reminders)',
      plan: `${plan}\ndeadlines:\n  - { id: d, due: 1h, metBy: [GO], breach: [{ notify: [lead] }] }\n  - { id: quiet, due: 2h, metBy: [GO], remind: [{ before: 10m, notify: [lead] }], breach: [] }\n`,
      errors: [{ messageId: 'noBreach', line: 8, column: 11, data: { deadline: 'quiet' } }],
    },
    { name: 'fixture', fixture: 'deadline-without-breach-action.plan.yaml', errors: [{ messageId: 'noBreach', line: 33, column: 9 }] },
  ],
});
