import { stageWithoutOwner } from '../../../src/analysis/rules/stage-without-owner.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles: [{ id: lead, title: Lead }]
  teams: [{ id: crew, title: Crew, leader: lead }]
  events: [{ id: GO }]
`;

ruleTester(stageWithoutOwner, {
  valid: [
    {
      name: 'every stage that is not final has an owner; the final stage needs none',
      plan: `${head}
stages:
  - { id: a, title: A, owner: crew, on: [{ event: GO, by: [lead], target: end }] }
  - { id: end, title: E, final: true }
`,
    },
  ],
  invalid: [
    {
      name: 'a stage without owner',
      plan: `${head}
stages:
  - { id: a, title: A, owner: crew, on: [{ event: GO, by: [lead], target: b }] }
  - id: b
    title: B
    on: [{ event: GO, by: [lead], target: end }]
  - { id: end, title: E, final: true }
`,
      errors: [{ messageId: 'noOwner', line: 6, column: 9, data: { stage: 'b' } }],
    },
    { name: 'fixture', fixture: 'stage-without-owner.plan.yaml', errors: [{ messageId: 'noOwner', line: 24, column: 9 }] },
  ],
});
