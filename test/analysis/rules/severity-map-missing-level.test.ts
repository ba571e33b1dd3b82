import { severityMapMissingLevel } from '../../../src/analysis/rules/severity-map-missing-level.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  severity:
    - { id: I, title: One }
    - { id: II, title: Two }
    - { id: III, title: Three }
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;
// `deadlines:` is line 10, the first deadline line 11.

// checkPlan already refuses these plans (missing-severity-level); the rule covers definitions that did not go through it.
ruleTester(severityMapMissingLevel, {
  valid: [
    { name: 'one duration for every level', plan: `${plan}\ndeadlines:\n  - { id: d, due: 1h, metBy: [GO], breach: [{ record: late }] }\n` },
    { name: 'a duration for each level', plan: `${plan}\ndeadlines:\n  - { id: d, due: { I: 1h, II: 2h, III: 4h }, metBy: [GO], breach: [{ record: late }] }\n` },
  ],
  invalid: [
    {
      name: 'one level left out',
      plan: `${plan}\ndeadlines:\n  - { id: d, due: { I: 1h, II: 2h }, metBy: [GO], breach: [{ record: late }] }\n`,
      validation: ['missing-severity-level'],
      errors: [{ messageId: 'missing', line: 11, column: 19, data: { deadline: 'd', levels: 'III' } }],
    },
    {
      name: 'two levels left out, block style',
      plan: `${plan}\ndeadlines:\n  - id: d\n    due:\n      II: 2h\n    metBy: [GO]\n`,
      validation: ['missing-severity-level'],
      errors: [{ messageId: 'missing', line: 13, column: 7, data: { levels: 'I, III' } }],
    },
    { name: 'fixture', fixture: 'severity-map-missing-level.plan.yaml', validation: ['missing-severity-level'], errors: [{ messageId: 'missing', line: 36, column: 10 }] },
  ],
});
