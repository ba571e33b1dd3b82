import { unusedResource } from '../../../src/analysis/rules/unused-resource.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  resources:
    - { id: radio, title: Radio }
    - { id: van, title: Van, whenNeeded: true }
`;

ruleTester(unusedResource, {
  valid: [
    {
      name: 'each resource used by some stage',
      plan: `${head}\nstages:\n  - { id: a, title: A, resources: [radio], on: [{ event: GO, by: [lead], target: b }] }\n  - { id: b, title: B, resources: [van], on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n`,
    },
  ],
  invalid: [
    {
      name: 'a resource no stage uses (whenNeeded does not excuse it)',
      plan: `${head}\nstages:\n  - { id: a, title: A, resources: [radio], on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n`,
      errors: [{ messageId: 'unused', line: 5, column: 11, data: { resource: 'van' } }],
    },
    { name: 'fixture', fixture: 'unused-resource.plan.yaml', errors: [{ messageId: 'unused', line: 33, column: 11 }] },
  ],
});
