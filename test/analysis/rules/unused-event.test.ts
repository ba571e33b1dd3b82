import { unusedEvent } from '../../../src/analysis/rules/unused-event.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(unusedEvent, {
  valid: [
    {
      name: 'accepted in a stage, a track and a shared transition',
      plan: yaml`
        roles: [{ id: lead, title: Lead }]
        events: [{ id: GO }, { id: TRACK }, { id: NOTE }]
        stages:
          - { id: a, title: A, tracks: [{ id: t, on: [{ event: TRACK, by: [lead] }] }], done: b }
          - { id: b, title: B, on: [{ event: GO, by: [lead], target: end }] }
          - { id: end, title: E, final: true }
        transitions: [{ event: NOTE, in: '*', by: [any-role] }]
      `,
    },
  ],
  invalid: [
    {
      name: 'declared but never accepted (a deadline metBy is not a transition)',
      plan: yaml`
        roles: [{ id: lead, title: Lead }]
        events:
          - { id: GO }
          - { id: LOST }
        stages:
          - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
          - { id: end, title: E, final: true }
        deadlines:
          - { id: d, due: 1h, metBy: [GO, LOST], breach: [{ notify: [lead] }] }
      `,
      errors: [{ messageId: 'unused', line: 4, column: 11, data: { event: 'LOST' } }],
    },
    { name: 'fixture', fixture: 'unused-event.plan.yaml', errors: [{ messageId: 'unused', line: 18, column: 11 }] },
  ],
});
