import type { PlanDefinition } from '../../dsl/schema/plan.js';
import { localize } from '../plan-definition-of.js';
import { diagramLocaleOf } from './diagram-labels.js';
import { planStateDiagram } from './state-diagram.js';
import { planSwimlaneDiagram } from './swimlane-diagram.js';

/** Options of {@link planDiagramsMarkdown}. */
export interface PlanDiagramsMarkdownOptions {
  /** The plan file, named in the page (e.g. `plans/public-opinion.plan.yaml`). */
  readonly source: string;
  /** The command that regenerates the page, named in its header. */
  readonly regenerate: string;
  /** Locales to draw the diagrams in, one section each (default: English, then the plan's first locale if different). */
  readonly locales?: readonly string[];
}

/**
 * A Markdown page showing both diagrams of a plan (state view and swimlanes) in ```mermaid blocks,
 * which GitHub renders, once per locale.
 *
 * @example
 * planDiagramsMarkdown(plan, { source: 'plans/public-opinion.plan.yaml', regenerate: 'npx tsx scripts/write-plan-docs.ts' });
 * // '# Public Service Public-Opinion Emergency Response Plan — diagrams\n…'
 */
export function planDiagramsMarkdown(plan: PlanDefinition, options: PlanDiagramsMarkdownOptions): string {
  const primary = diagramLocaleOf(plan);
  const locales = options.locales ?? (primary === 'en' ? ['en'] : ['en', primary]);
  const block = (text: string): string => `\`\`\`mermaid\n${text}\`\`\``;
  const parts = [
    `# ${localize(plan.title, 'en', plan.id)} — diagrams`,
    '',
    `<!-- Generated from ${options.source} by \`${options.regenerate}\`. Do not edit by hand: a test fails when this page is out of date. -->`,
    '',
    `Plan \`${plan.id}\` version ${plan.version}, drawn by \`planwright diagram ${options.source} --view state|swimlane\`.`,
    'The state view shows every stage, the tracks of a stage as concurrent regions, each transition with its',
    'event and who may fire it, and the deadlines as notes on the stage that arms them. The swimlane view',
    'shows the same flow with one lane per owner team.',
  ];
  for (const locale of locales) {
    const heading = locale === 'zh-CN' ? '中文' : locale === 'en' ? 'English' : locale;
    const [state, swimlane] = locale === 'zh-CN' ? ['状态图', '泳道图（按负责小组）'] : ['State diagram', 'Swimlanes by owner team'];
    parts.push(
      '',
      `## ${heading}`,
      '',
      `### ${state}`,
      '',
      block(planStateDiagram(plan, { locale })),
      '',
      `### ${swimlane}`,
      '',
      block(planSwimlaneDiagram(plan, { locale })),
    );
  }
  return `${parts.join('\n')}\n`;
}
