import { ownerByLevelIncomplete } from '../../../src/analysis/rules/owner-by-level-incomplete.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  severity:
    - { id: I, title: One }
    - { id: II, title: Two }
  roles: [{ id: lead, title: Lead }, { id: chief, title: Chief }]
  teams: [{ id: hq, title: HQ, leader: chief }, { id: desk, title: Desk, leader: lead }]
  events: [{ id: GO }]
`;
// `stages:` is line 7, the first stage line 8.
const stage = (owners: string) => `${plan}\nstages:\n  - { id: s, title: S, ${owners}, on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n`;

ruleTester(ownerByLevelIncomplete, {
  valid: [
    { name: 'every level named', plan: stage('ownerByLevel: { I: hq, II: desk }') },
    { name: 'an owner to fall back to', plan: stage('owner: desk, ownerByLevel: { I: hq }') },
  ],
  invalid: [
    {
      name: 'level II has no owner and there is no owner to fall back to',
      plan: stage('ownerByLevel: { I: hq }'),
      errors: [{ messageId: 'missing', line: 8, column: 38, data: { stage: 's', levels: 'II' } }],
    },
  ],
});
