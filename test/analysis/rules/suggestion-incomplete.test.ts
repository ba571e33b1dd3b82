import { suggestionIncomplete } from '../../../src/analysis/rules/suggestion-incomplete.js';
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

ruleTester(suggestionIncomplete, {
  valid: [
    {
      name: 'every colour mapped; the proposing event accepts the reason',
      plan: `${base}\nevents: [{ id: GO, requires: [level], optional: [reason] }]\nsuggestions: [{ id: s, from: colour, to: level, map: { blue: II, red: I }, override: reason }]\n${stages}`,
    },
  ],
  invalid: [
    {
      name: 'blue unmapped',
      plan: `${base}\nevents: [{ id: GO, requires: [level, reason] }]\nsuggestions: [{ id: s, from: colour, to: level, map: { red: I }, override: reason }]\n${stages}`,
      errors: [{ messageId: 'unmapped', line: 12, column: 54, data: { suggestion: 's', values: 'blue' } }],
    },
    {
      name: 'the proposing event cannot carry the reason',
      plan: `${base}\nevents: [{ id: GO, requires: [level] }]\nsuggestions: [{ id: s, from: colour, to: level, map: { blue: II, red: I }, override: reason }]\n${stages}`,
      errors: [{ messageId: 'noReason', line: 11, column: 16, data: { event: 'GO', override: 'reason' } }],
    },
    {
      name: 'fixture',
      fixture: 'suggestion-incomplete.plan.yaml',
      errors: [
        { messageId: 'noReason', line: 20, column: 11, data: { event: 'GO' } },
        { messageId: 'unmapped', line: 40, column: 55, data: { values: 'blue' } },
      ],
    },
  ],
});
