import type { DocumentPath, SourceLocator } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { StageGraph } from './stage-graph.js';

/** The severity a rule reports with. */
export type RuleLevel = 'error' | 'warning';

/** A rule's setting in the plan's `lint:` section or on the command line. */
export type RuleSetting = RuleLevel | 'off';

/** Locales lint messages are written in (those of the diagnostics). */
export type LintLocale = Locale;

/** One message of a rule, in every lint locale. `{{name}}` is filled from the report's data. */
export type RuleMessage = Readonly<Record<LintLocale, string>>;

/** Values a message's `{{placeholders}}` are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

/** What a rule sees: the plan, shared analyses, and a way to report findings. */
export interface RuleContext<M extends string = string> {
  /** The validated plan. */
  readonly plan: PlanDefinition;
  /** Maps document paths to file positions (for rules that need to compare places). */
  readonly locator: SourceLocator;
  /** The stage graph, built once per lint run and shared by every rule. */
  readonly graph: StageGraph;
  /** Report a finding about the node at `path`, with one of the rule's messages. */
  report(path: DocumentPath, messageId: M, data?: MessageData): void;
}

/**
 * A lint rule: one check of a validated plan. Its `id` is also the code of its diagnostics.
 * Messages live in a table apart from the check (typescript-eslint's `meta.messages`), so that
 * tests assert message ids and positions, and messages can be translated.
 */
export interface LintRule<M extends string = string> {
  /** Kebab-case id, the diagnostic code, and the name of its doc page `docs/rules/<id>.md`. */
  readonly id: string;
  /** The severity used unless the plan's `lint:` section or the command line says otherwise. */
  readonly defaultSeverity: RuleLevel;
  /** One sentence saying what the rule finds. */
  readonly description: string;
  /** The rule's messages, by message id. */
  readonly messages: Readonly<Record<M, RuleMessage>>;
  /** Inspect the plan and call `ctx.report` for every finding. */
  check(ctx: RuleContext<M>): void;
}

/**
 * Declares a lint rule, checking that every `report` names one of its messages.
 *
 * @example
 * const rule = defineRule({
 *   id: 'stage-without-owner',
 *   defaultSeverity: 'warning',
 *   description: 'A stage that is not final names no owner team.',
 *   messages: { noOwner: { en: 'Stage "{{stage}}" has no owner.', 'zh-CN': '阶段“{{stage}}”没有负责小组。' } },
 *   check(ctx) {
 *     ctx.plan.stages.forEach((s, i) => { if (s.owner === undefined) ctx.report(['stages', i, 'id'], 'noOwner', { stage: s.id }); });
 *   },
 * });
 */
export function defineRule<M extends string>(rule: LintRule<M>): LintRule<M> {
  return rule;
}
