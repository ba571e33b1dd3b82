import { thresholdUnitMismatch } from '../../../src/analysis/rules/threshold-unit-mismatch.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const base = yaml`
  severity:
    - { id: I, title: One }
    - { id: II, title: Two }
  roles: [{ id: lead, title: Lead }]
  fields:
    - { id: level, type: severity }
    - { id: river, type: number, unit: m }
    - { id: gauge, type: number, unit: cm }
    - { id: colour, type: enum, values: [blue, red] }
    - { id: reason, type: text }
`;
const stages = `stages:\n  - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }\n  - { id: end, title: E, final: true }\n`;
// base is 10 lines; `events:` is line 11, `thresholds:` / `suggestions:` line 12.

ruleTester(thresholdUnitMismatch, {
  valid: [
    {
      name: 'same unit',
      plan: `${base}\nevents: [{ id: GO }]\nthresholds: [{ id: t, unit: m, value: 4 }]\n${stages}deadlines:\n  - { id: d, from: condition, when: { field: river, gte: { threshold: t, plus: 1 } }, due: 1h, metBy: [GO] }\n`,
    },
    {
      name: 'a field without a unit',
      plan: `${base}\nevents: [{ id: GO }]\nthresholds: [{ id: t, unit: cm, value: 4 }]\n${stages}deadlines:\n  - { id: d, from: condition, when: { field: level, exists: true }, due: 1h, metBy: [GO] }\n`,
    },
  ],
  invalid: [
    {
      name: 'metres against a threshold in centimetres, inside not',
      plan: `${base}\nevents: [{ id: GO }]\nthresholds: [{ id: t, unit: cm, value: 400 }]\n${stages}deadlines:\n  - { id: d, from: condition, when: { not: { field: river, gte: { threshold: t } } }, due: 1h, metBy: [GO] }\n`,
      errors: [{ messageId: 'compared', line: 17, column: 78, data: { field: 'river', fieldUnit: 'm', threshold: 't', unit: 'cm' } }],
    },
    {
      name: 'a threshold in m reading a field in cm',
      plan: `${base}\nevents: [{ id: GO }]\nthresholds: [{ id: t, unit: m, field: gauge }]\n${stages}`,
      errors: [{ messageId: 'base', line: 12, column: 29, data: { threshold: 't', field: 'gauge', fieldUnit: 'cm' } }],
    },
    { name: 'fixture', fixture: 'threshold-unit-mismatch.plan.yaml', errors: [{ messageId: 'compared', line: 45, column: 45, data: { field: 'river', fieldUnit: 'm', unit: 'cm' } }] },
  ],
});
