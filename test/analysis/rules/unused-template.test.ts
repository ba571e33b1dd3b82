import { unusedTemplate } from '../../../src/analysis/rules/unused-template.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  effects: [{ id: publish }]
  templates:
    - { id: notice, title: Notice, body: 'About {{title}}' }
    - id: alert
      title: Alert
      body: 'Alert: {{title}}'
`;
// head is 8 lines; `stages:` is line 9.

ruleTester(unusedTemplate, {
  valid: [
    {
      name: 'one used by an effect in a transition, one by a breach notification',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end, do: [{ effect: publish, template: notice }] }] }
  - { id: end, title: E, final: true }
deadlines:
  - { id: d, due: 1h, metBy: [GO], breach: [{ notify: [lead], template: alert }] }
`,
    },
    {
      name: 'used on entering a stage and in a shared transition',
      plan: `${head}
stages:
  - { id: a, title: A, enter: [{ notify: [lead], template: alert }], on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
transitions:
  - { event: GO, in: [a], by: [lead], do: [{ effect: publish, template: notice }] }
`,
    },
  ],
  invalid: [
    {
      name: 'neither used',
      plan: `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end, do: [{ effect: publish }] }] }
  - { id: end, title: E, final: true }
`,
      errors: [
        { messageId: 'unused', line: 5, column: 11, data: { template: 'notice' } },
        { messageId: 'unused', line: 6, column: 9, data: { template: 'alert' } },
      ],
    },
    { name: 'fixture', fixture: 'unused-template.plan.yaml', errors: [{ messageId: 'unused', line: 33, column: 11 }] },
  ],
});
