import type { Locale } from '../diagnostics/locale.js';
import { messagesIn } from '../messages/message-table.js';
import { RULE_OPTION_MESSAGES } from '../messages/rule-option-messages.js';
import type { LintRule, RuleSetting } from './rule.js';

/** The settings a rule may be given. */
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'warning', 'error'];

/** The result of reading one `--rule id=level` option. */
export type RuleOptionResult =
  | { readonly ok: true; readonly id: string; readonly setting: RuleSetting }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a command-line rule setting `id=off|warning|error` (also `id:level`), checking the id
 * against the known rules. A refusal's message is in `locale` (default en).
 *
 * @example
 * parseRuleOption('unused-role=off', ALL_RULES); // { ok: true, id: 'unused-role', setting: 'off' }
 * parseRuleOption('no-such=off', ALL_RULES).ok;  // false
 */
export function parseRuleOption(text: string, rules: readonly LintRule[], locale: Locale = 'en'): RuleOptionResult {
  const t = messagesIn(RULE_OPTION_MESSAGES, locale);
  const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(text.trim());
  if (match === null) return { ok: false, message: t.malformed({ text }) };
  const [, id = '', setting = ''] = match;
  if (!rules.some((r) => r.id === id)) {
    return { ok: false, message: t.unknownRule({ id, known: rules.map((r) => r.id).join(', ') }) };
  }
  if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
    return { ok: false, message: t.unknownSetting({ id, setting }) };
  }
  return { ok: true, id, setting: setting as RuleSetting };
}

/**
 * The setting of each rule: its default severity, then the plan's `lint:` section, then the
 * command line (later wins). Ids that name no rule are ignored here (`lint` reports them).
 *
 * @example
 * resolveRuleSettings(ALL_RULES, { 'unused-role': 'error' }, { 'unused-role': 'off' }).get('unused-role'); // 'off'
 */
export function resolveRuleSettings(
  rules: readonly LintRule[],
  plan: Readonly<Record<string, RuleSetting>> = {},
  overrides: Readonly<Record<string, RuleSetting>> = {},
): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const rule of rules) {
    out.set(rule.id, overrides[rule.id] ?? plan[rule.id] ?? rule.defaultSeverity);
  }
  return out;
}
