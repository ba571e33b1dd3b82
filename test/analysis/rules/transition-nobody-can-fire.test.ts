import { transitionNobodyCanFire } from '../../../src/analysis/rules/transition-nobody-can-fire.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles:
    - { id: lead, title: Lead }
    - { id: aide, title: Aide }
    - { id: outsider, title: Outsider }
  teams:
    - { id: crew, title: Crew, leader: lead, members: [aide] }
  events:
    - { id: GO }
`;
// head is 8 lines: `stages:` is line 9, the first stage line 10.

const stages = (by: string): string => `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: ${by}, target: end }] }
  - { id: end, title: E, final: true }
`;

ruleTester(transitionNobodyCanFire, {
  valid: [
    { name: 'a role id that a team position holds', plan: stages('[aide]') },
    { name: 'a position held by a role', plan: stages('[crew.leader]') },
    { name: 'members', plan: stages('[crew.members]') },
    { name: 'a whole team', plan: stages('[crew]') },
    { name: 'any-role', plan: stages('[any-role]') },
    { name: 'one role outside the teams, one inside', plan: stages('[outsider, lead]') },
    {
      name: 'a plan without teams: roles are not staffed through teams',
      plan: yaml`
        roles: [{ id: lead, title: Lead }]
        events: [{ id: GO }]
        stages:
          - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
          - { id: end, title: E, final: true }
      `,
    },
  ],
  invalid: [
    {
      name: 'a declared role that no team position holds',
      plan: stages('[outsider]'),
      errors: [{ messageId: 'noTeamPosition', line: 10, column: 46, data: { event: 'GO', roles: 'outsider' } }],
    },
    {
      name: 'in a track and in a shared transition',
      plan: `${head}
stages:
  - id: a
    title: A
    tracks:
      - id: t
        on:
          - event: GO
            by: [outsider]
    done: end
  - { id: end, title: E, final: true }
transitions:
  - { event: GO, in: '*', by: [outsider] }
`,
      errors: [
        { messageId: 'noTeamPosition', line: 16, column: 17 },
        { messageId: 'noTeamPosition', line: 20, column: 31 },
      ],
    },
    // What checkPlan already refuses (vacant-position, unknown-role) is still found on a definition
    // that did not go through it (e.g. a host's own PlanSchema.parse).
    {
      name: 'a deputy position nobody holds (validation: vacant-position)',
      plan: stages('[crew.deputy]'),
      validation: ['vacant-position'],
      errors: [{ messageId: 'nobody', line: 10, column: 46, data: { event: 'GO', by: 'crew.deputy' } }],
    },
    {
      name: 'an undeclared role (validation: unknown-role)',
      plan: stages('[chief]'),
      validation: ['unknown-role'],
      errors: [{ messageId: 'nobody', line: 10, column: 46, data: { by: 'chief' } }],
    },
    { name: 'fixture', fixture: 'transition-nobody-can-fire.plan.yaml', errors: [{ messageId: 'noTeamPosition', line: 29, column: 28 }] },
  ],
});
