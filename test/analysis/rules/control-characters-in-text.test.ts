import { controlCharactersInText } from '../../../src/analysis/rules/control-characters-in-text.js';
import { yaml } from '../support/dedent.js';
import { ruleTester } from '../support/rule-tester.js';

const tail = yaml`
  roles: [{ id: lead, title: Lead }]
  events: [{ id: GO }]
  stages:
    - { id: a, title: A, on: [{ event: GO, by: [lead], target: end }] }
    - { id: end, title: E, final: true }
`;

ruleTester(controlCharactersInText, {
  valid: [
    { name: 'Chinese, emoji, tabs and line breaks are text', plan: `${tail}\ntemplates:\n  - { id: t, title: "通知\\t😀", body: "第一行\\n第二行 {{title}}" }\n` },
  ],
  invalid: [
    {
      name: 'an ANSI escape in a title and a bidi override in a template body',
      plan: `${tail}\ntemplates:\n  - { id: t, title: "Notice\\e[31m", body: "abc\\u202Edef" }\n`,
      errors: [
        { messageId: 'control', line: 7, column: 21, data: { codes: 'U+001B' } },
        { messageId: 'control', line: 7, column: 43, data: { codes: 'U+202E' } },
      ],
    },
    {
      name: 'C1 controls and carriage returns, each code once',
      plan: `${tail}\nresources:\n  - { id: r, title: "a\\u009Bb\\rc\\u009B" }\n`,
      errors: [{ messageId: 'control', line: 7, column: 21, data: { codes: 'U+009B, U+000D' } }],
    },
    {
      name: 'fixture',
      fixture: 'control-characters-in-text.plan.yaml',
      errors: [
        { messageId: 'control', line: 4, column: 8, data: { codes: 'U+001B' } },
        { messageId: 'control', line: 25, column: 33, data: { codes: 'U+202E' } },
      ],
    },
  ],
});
