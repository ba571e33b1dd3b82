import { describe, expect, it } from 'vitest';
import { perLevelDeadlineBeforeGrading, quickestGrading } from '../../../src/analysis/rules/per-level-deadline-before-grading.js';
import { buildStageGraph } from '../../../src/analysis/stage-graph.js';
import { checkPlan } from '../../../src/dsl/check-plan.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const plan = yaml`
  severity: [{ id: I, title: 特别重大 }, { id: II, title: 重大 }]
  fields: [{ id: level, type: severity }]
  roles: [{ id: lead, title: Lead }]
  events: [{ id: REPORT }, { id: GRADE, requires: [level] }, { id: DONE }]
  stages:
    - { id: report, title: R, on: [{ event: REPORT, by: [lead], target: assess }] }
    - { id: assess, title: A, on: [{ event: GRADE, by: [lead], target: act }] }
    - { id: act, title: W, on: [{ event: DONE, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
  deadlines:
    - { id: report, due: 30m, metBy: [REPORT], breach: [{ notify: [lead] }] }
    - { id: assess, from: enter, stage: assess, due: 1h, metBy: [GRADE], breach: [{ notify: [lead] }] }
`;
// The quickest paced grading: REPORT within 30m of open, then GRADE within 1h of entering assess = 1h30m.
// The third deadline is line 13.
const withDue = (due: string, from = ''): string => `${plan}\n  - { id: first, ${from}due: ${due}, metBy: [DONE], breach: [{ notify: [lead] }] }\n`;

ruleTester(perLevelDeadlineBeforeGrading, {
  valid: [
    { name: 'every level longer than the paced grading', plan: withDue('{ I: 2h, II: 3h }') },
    { name: 'a single duration (armed at open)', plan: withDue('1h') },
    { name: 'measured from entering the grading stage', plan: withDue('{ I: 30m, II: 1h }', 'from: enter, stage: act, ') },
    {
      name: 'no deadline paces the way to grading (the quickest path takes no time)',
      plan: yaml`
        severity: [{ id: I, title: 特别重大 }, { id: II, title: 重大 }]
        fields: [{ id: level, type: severity }]
        roles: [{ id: lead, title: Lead }]
        events: [{ id: GRADE, requires: [level] }]
        stages:
          - { id: assess, title: A, on: [{ event: GRADE, by: [lead], target: end }] }
          - { id: end, title: E, final: true }
        deadlines:
          - { id: first, due: { I: 10m, II: 1h }, metBy: [GRADE], breach: [{ notify: [lead] }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'the top level is due before the plan lets grading happen',
      plan: withDue('{ I: 1h, II: 2h }'),
      errors: [{ messageId: 'beforeGrading', line: 13, column: 28, data: { deadline: 'first', event: 'GRADE', allowed: '1h30m', path: 'report → assess', levels: 'I', stage: 'assess' } }],
    },
    {
      name: 'due exactly when grading may happen (an event at the due time is late)',
      plan: withDue('{ I: 1h30m, II: 90m }'),
      errors: [{ messageId: 'beforeGrading', line: 13, column: 28, data: { levels: 'I, II' } }],
    },
    { name: 'fixture', fixture: 'per-level-deadline-before-grading.plan.yaml', errors: [{ messageId: 'beforeGrading', line: 49, column: 18 }] },
  ],
});

describe('quickestGrading', () => {
  it('paces each step by the plan\'s deadlines and takes the least total', () => {
    const checked = checkPlan({ text: `planwright: 1\nid: p\nversion: 1.0.0\ntitle: P\ncategories: [{ id: any, title: Any }]\n${withDue('{ I: 1h, II: 2h }')}` });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const definition = checked.plan;
    if (definition === undefined) throw new Error('plan does not check');
    expect(quickestGrading(definition, buildStageGraph(definition))).toEqual({ ms: 5_400_000, event: 'GRADE', stages: ['report', 'assess'] });
  });
});
