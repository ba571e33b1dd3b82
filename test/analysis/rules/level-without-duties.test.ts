import { levelWithoutDuties } from '../../../src/analysis/rules/level-without-duties.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  severity:
    - { id: I, title: One }
    - { id: II, title: Two }
    - { id: III, title: Three }
  roles: [{ id: lead, title: Lead }]
  fields: [{ id: level, type: severity }]
  events: [{ id: GO, requires: [level] }, { id: A }, { id: B }]
`;
// `stages:` is line 8, the first stage line 9.
const stages = (tracks: string, done = '') =>
  `${plan}\nstages:\n  - id: s\n    title: S\n    on: [{ event: GO, by: [lead], target: end }]${done}\n    tracks:\n${tracks}  - { id: end, title: E, final: true }\n`;

ruleTester(levelWithoutDuties, {
  valid: [
    { name: 'one track at every level', plan: stages('      - { id: a, on: [{ event: A, by: [lead] }] }\n      - { id: b, levels: [I], on: [{ event: B, by: [lead] }] }\n') },
    { name: 'gated tracks covering every level', plan: stages('      - { id: a, levels: [I, II], on: [{ event: A, by: [lead] }] }\n      - { id: b, levels: [III], on: [{ event: B, by: [lead] }] }\n') },
  ],
  invalid: [
    {
      name: 'level III has no track, the stage stays',
      plan: stages('      - { id: a, levels: [I], on: [{ event: A, by: [lead] }] }\n      - { id: b, levels: [II], on: [{ event: B, by: [lead] }] }\n'),
      errors: [{ messageId: 'noDuties', line: 13, column: 7, data: { stage: 's', levels: 'III' } }],
    },
    {
      name: 'levels II and III have none, and the stage has done: it is left at once',
      plan: stages('      - { id: a, levels: [I], on: [{ event: A, by: [lead] }] }\n', '\n    done: end'),
      errors: [{ messageId: 'leftAtOnce', line: 14, column: 7, data: { levels: 'II, III', done: 'end' } }],
    },
  ],
});
