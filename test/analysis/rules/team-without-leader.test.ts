import { teamWithoutLeader } from '../../../src/analysis/rules/team-without-leader.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const tail = yaml`
  events:
    - { id: GO }
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;

ruleTester(teamWithoutLeader, {
  valid: [
    {
      name: 'every team has a leader',
      plan: yaml`
        roles:
          - { id: lead, title: Lead }
          - { id: aide, title: Aide }
        teams:
          - { id: crew, title: Crew, leader: lead, members: [aide] }
          - { id: solo, title: Solo, leader: aide }
      ` + `\n${tail}`,
    },
  ],
  invalid: [
    {
      name: 'a team with a deputy and members but no leader',
      plan: yaml`
        roles:
          - { id: lead, title: Lead }
          - { id: aide, title: Aide }
        teams:
          - { id: crew, title: Crew, leader: lead }
          - id: helpers
            title: Helpers
            deputy: lead
            members: [aide]
      ` + `\n${tail}`,
      errors: [{ messageId: 'noLeader', line: 6, column: 9, data: { team: 'helpers' } }],
    },
    { name: 'fixture', fixture: 'team-without-leader.plan.yaml', errors: [{ messageId: 'noLeader', line: 15, column: 11 }] },
  ],
});
