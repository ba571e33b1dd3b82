import { undeclaredResource } from '../../../src/analysis/rules/undeclared-resource.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  resources:
    - { id: radio, title: Radio }
`;

// checkPlan already refuses these plans (unknown-resource); the rule covers definitions that did not go through it.
ruleTester(undeclaredResource, {
  valid: [
    {
      name: 'declared resources',
      plan: `${head}\nstages:\n  - { id: a, title: A, resources: [radio], on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n`,
    },
  ],
  invalid: [
    {
      name: 'one declared and one undeclared resource',
      plan: `${head}\nstages:\n  - id: a\n    title: A\n    resources: [radio, van]\n    on: [{ event: GO, by: [lead], target: end }]\n  - { id: end, title: E, final: true }\n`,
      validation: ['unknown-resource'],
      errors: [{ messageId: 'undeclared', line: 8, column: 24, data: { stage: 'a', resource: 'van' } }],
    },
    { name: 'fixture', fixture: 'undeclared-resource.plan.yaml', validation: ['unknown-resource'], errors: [{ messageId: 'undeclared', line: 27, column: 17 }] },
  ],
});
