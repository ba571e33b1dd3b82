export { lint, DEFAULT_MAX_DIAGNOSTICS, LINT_LIMIT_REACHED, UNKNOWN_LINT_RULE, type LintOptions } from './lint.js';
export { defineRule, type LintLocale, type LintRule, type MessageData, type RuleContext, type RuleLevel, type RuleMessage, type RuleSetting } from './rule.js';
export { ALL_RULES } from './rules/index.js';
export { parseRuleOption, resolveRuleSettings, RULE_SETTINGS, type RuleOptionResult } from './rule-settings.js';
export { toSarif, type SarifLog, type SarifResult, type SarifRule, type ToSarifOptions } from './to-sarif.js';
export { buildStageGraph, sharedTransitionStages, type StageEdge, type StageGraph, type TransitionDeclaration, type TransitionSite } from './stage-graph.js';
export { reachableStages, stagesReaching } from './reachability.js';
export { resolveBy } from './resolve-by.js';
