import { DRILL_MESSAGES } from './drill-messages.js';
import { FORMAT_HINT_MESSAGES } from './format-hint-messages.js';
import type { MessageTable } from './message-table.js';
import { REFUSAL_MESSAGES } from './refusal-messages.js';
import { REPORT_MESSAGES } from './report-messages.js';
import { RULE_OPTION_MESSAGES } from './rule-option-messages.js';
import { SCENARIO_FIELD_MESSAGES } from './scenario-field-messages.js';
import { YAML_MESSAGES } from './yaml-messages.js';

/**
 * Every message table of the library by name: what people read from drills, YAML errors and drill
 * reports, each message in en and zh-CN. (Diagnostics have their own tables in
 * `src/diagnostics/messages-*.ts`, lint rules theirs, report labels `src/report/report-labels.ts`,
 * and the CLI's own texts live with the CLI, `src/cli/cli-messages.ts`, above this layer.)
 * `test/messages/catalogue.test.ts` walks every id of every table, the CLI's included.
 *
 * @example
 * Object.keys(MESSAGE_CATALOGUE); // ['drill', 'yaml', 'scenarioFields', 'report', 'formatHints', 'ruleOption', 'refusals']
 */
export const MESSAGE_CATALOGUE: Readonly<Record<string, MessageTable>> = {
  drill: DRILL_MESSAGES,
  yaml: YAML_MESSAGES,
  scenarioFields: SCENARIO_FIELD_MESSAGES,
  report: REPORT_MESSAGES,
  formatHints: FORMAT_HINT_MESSAGES,
  ruleOption: RULE_OPTION_MESSAGES,
  refusals: REFUSAL_MESSAGES,
};
