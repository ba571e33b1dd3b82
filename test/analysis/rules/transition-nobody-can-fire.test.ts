import { transitionNobodyCanFire } from '../../../src/analysis/rules/transition-nobody-can-fire.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const head = yaml`
  roles:
    - { id: lead, title: Lead }
    - { id: aide, title: Aide }
  teams:
    - { id: crew, title: Crew, leader: lead, members: [aide] }
    - { id: empty, title: Empty }
  events:
    - { id: GO }
`;
// head is 8 lines: `stages:` is line 9.

const stages = (by: string): string => `${head}
stages:
  - { id: a, title: A, on: [{ event: GO, by: ${by}, target: end }] }
  - { id: end, title: E, final: true }
`;

ruleTester(transitionNobodyCanFire, {
  valid: [
    { name: 'a role id', plan: stages('[aide]') },
    { name: 'a position held by a role', plan: stages('[crew.leader]') },
    { name: 'members', plan: stages('[crew.members]') },
    { name: 'a whole team', plan: stages('[crew]') },
    { name: 'any-role', plan: stages('[any-role]') },
    { name: 'one entry grants nothing but another does', plan: stages('[crew.deputy, lead]') },
  ],
  invalid: [
    { name: 'a deputy position nobody holds', plan: stages('[crew.deputy]'), errors: [{ messageId: 'nobody', line: 10, column: 46, data: { event: 'GO', by: 'crew.deputy' } }] },
    { name: 'an undeclared role', plan: stages('[chief]'), errors: [{ messageId: 'nobody', line: 10, column: 46, data: { by: 'chief' } }] },
    { name: 'a team with no positions filled', plan: stages('[empty, empty.leader]'), errors: [{ messageId: 'nobody', line: 10, column: 46 }] },
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
            by: [empty.members]
    done: end
  - { id: end, title: E, final: true }
transitions:
  - { event: GO, in: '*', by: [crew.deputy] }
`,
      errors: [
        { messageId: 'nobody', line: 16, column: 17 },
        { messageId: 'nobody', line: 20, column: 31 },
      ],
    },
    { name: 'fixture', fixture: 'test/fixtures/lint/transition-nobody-can-fire.plan.yaml', errors: [{ messageId: 'nobody', line: 28, column: 28 }] },
  ],
});
