import { compareDiagnostics } from '../diagnostics/compare-diagnostics.js';
import type { Diagnostic, DocumentPath, SourceLocator } from '../diagnostics/diagnostic.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { formatMessage } from './format-message.js';
import type { LintLocale, LintRule, MessageData, RuleContext, RuleSetting } from './rule.js';
import { resolveRuleSettings } from './rule-settings.js';
import { ALL_RULES } from './rules/index.js';
import { buildStageGraph } from './stage-graph.js';

/** How many findings `lint` returns at most, unless told otherwise. */
export const DEFAULT_MAX_DIAGNOSTICS = 200;

/** Code of the diagnostic for a `lint:` entry that names no rule. */
export const UNKNOWN_LINT_RULE = 'unknown-lint-rule';

/** Code of the diagnostic added when lint stops at `maxDiagnostics`. */
export const LINT_LIMIT_REACHED = 'lint-limit-reached';

/** Options of {@link lint}. */
export interface LintOptions {
  /** Maps document paths to positions (from `checkPlan`). */
  readonly locator: SourceLocator;
  /** Rule settings that win over the plan's `lint:` section (e.g. from `--rule id=level`). */
  readonly overrides?: Readonly<Record<string, RuleSetting>>;
  /** Stop after this many findings (default {@link DEFAULT_MAX_DIAGNOSTICS}). */
  readonly maxDiagnostics?: number;
  /** Language of the messages (default `en`). */
  readonly locale?: LintLocale;
  /** The rules to run (default {@link ALL_RULES}). */
  readonly rules?: readonly LintRule[];
}

const LIMIT_MESSAGE: Record<LintLocale, string> = {
  en: 'Lint stopped after {{max}} findings; fix these and run it again.',
  'zh-CN': '检查在发现 {{max}} 个问题后停止；请修复后重新运行。',
};
const UNKNOWN_RULE_MESSAGE: Record<LintLocale, string> = {
  en: '`lint` names "{{rule}}", which is not a lint rule.',
  'zh-CN': '`lint` 中的“{{rule}}”不是检查规则。',
};

class LimitReached extends Error {}

/**
 * Runs the lint rules over a validated plan in one pass and returns their findings, sorted by
 * position and capped at `maxDiagnostics`. Each rule's severity comes from its default, the plan's
 * `lint:` section and `overrides`, in that order; a rule set to `off` does not run.
 *
 * @throws RangeError when `overrides` names a rule that does not exist.
 * @example
 * const checked = checkPlan(text, { file: 'plan.yaml' });
 * if (checked.ok) {
 *   const findings = lint(checked.plan, { locator: checked.source, overrides: { 'unused-role': 'off' } });
 *   findings.filter((d) => d.severity === 'error').length; // 0 for a sound plan
 * }
 */
export function lint(plan: PlanDefinition, options: LintOptions): Diagnostic[] {
  const rules = options.rules ?? ALL_RULES;
  const locale = options.locale ?? 'en';
  const max = Math.max(1, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS);
  const overrides = options.overrides ?? {};
  for (const id of Object.keys(overrides)) {
    if (!rules.some((r) => r.id === id)) throw new RangeError(`unknown lint rule "${id}"`);
  }
  const settings = resolveRuleSettings(rules, plan.lint, overrides);
  const out: Diagnostic[] = [];
  const locate = (path: DocumentPath): Pick<Diagnostic, 'file' | 'range'> => {
    const { file, range } = options.locator.locate(path);
    return { ...(file === undefined ? {} : { file }), ...(range === undefined ? {} : { range }) };
  };
  const keyLocator = options.locator as SourceLocator & { locateKey?: SourceLocator['locate'] };
  const locateKey = (path: DocumentPath): Pick<Diagnostic, 'file' | 'range'> => {
    if (typeof keyLocator.locateKey !== 'function') return locate(path);
    const { file, range } = keyLocator.locateKey(path);
    return { ...(file === undefined ? {} : { file }), ...(range === undefined ? {} : { range }) };
  };
  const push = (diagnostic: Diagnostic): void => {
    if (out.length >= max) throw new LimitReached();
    out.push(diagnostic);
  };

  let stopped = false;
  try {
    for (const id of Object.keys(plan.lint ?? {})) {
      if (rules.some((r) => r.id === id)) continue;
      const params = { rule: id };
      push({
        code: UNKNOWN_LINT_RULE,
        severity: 'warning',
        message: formatMessage(UNKNOWN_RULE_MESSAGE[locale], params),
        path: ['lint', id],
        ...locateKey(['lint', id]),
        target: 'key',
        params,
      });
    }
    const graph = buildStageGraph(plan);
    for (const rule of rules) {
      const setting = settings.get(rule.id) ?? rule.defaultSeverity;
      if (setting === 'off') continue;
      const ctx: RuleContext = {
        plan,
        locator: options.locator,
        graph,
        report(path: DocumentPath, messageId: string, data: MessageData = {}) {
          const message = rule.messages[messageId];
          if (message === undefined) throw new Error(`rule ${rule.id} has no message "${messageId}"`);
          push({
            code: rule.id,
            severity: setting,
            message: formatMessage(message[locale], data),
            path: [...path],
            ...locate(path),
            params: { messageId, ...data },
          });
        },
      };
      rule.check(ctx);
    }
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    stopped = true;
  }

  const sorted = [...out].sort(compareDiagnostics());
  if (stopped) {
    sorted.push({
      code: LINT_LIMIT_REACHED,
      severity: 'info',
      message: formatMessage(LIMIT_MESSAGE[locale], { max }),
      path: [],
      params: { max },
    });
  }
  return sorted;
}
