import { labelSeparator, type DocumentBlock, type PlanDocument } from './plan-document-model.js';

/** A file written beside the Markdown (a diagram). */
export interface MarkdownAsset {
  /** File name relative to the Markdown file. */
  readonly name: string;
  readonly content: string;
}

/** Options of {@link documentMarkdown}. */
export interface DocumentMarkdownOptions {
  /**
   * Prefix of the diagram files written beside the Markdown (`water.plan` → `water.plan.state.svg`).
   * Without it the SVGs are inlined in the Markdown as HTML.
   */
  readonly assetPrefix?: string;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** Escapes the characters Markdown would read as markup at the start of a line or inline. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

function blockMarkdown(block: DocumentBlock, assets: MarkdownAsset[], prefix: string | undefined, separator: string): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return block.quote === true ? block.text.split('\n').map((l) => `> ${escapeMarkdown(l)}`).join('\n') : escapeMarkdown(block.text);
    case 'list':
      return block.items.map((i) => `- ${i.label === undefined ? '' : `**${escapeMarkdown(i.label)}**${i.text === '' ? '' : separator}`}${escapeMarkdown(i.text)}`).join('\n');
    case 'table':
      return [`| ${block.headers.map(cell).join(' | ')} |`, `| ${block.headers.map(() => '---').join(' | ')} |`, ...block.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
    case 'figure': {
      if (prefix === undefined) return `<figure>\n${block.svg}\n<figcaption>${escapeMarkdown(block.caption)}</figcaption>\n</figure>`;
      const name = `${prefix}.${block.name}.svg`;
      assets.push({ name, content: `${block.svg}\n` });
      return `![${escapeMarkdown(block.caption)}](${encodeURI(name)})\n\n*${escapeMarkdown(block.caption)}*`;
    }
  }
}

/**
 * A plan document as Markdown, with its diagrams as SVG files beside it (`assets`) or inlined.
 *
 * @example
 * const { markdown, assets } = documentMarkdown(planDocument(plan), { assetPrefix: 'water' });
 * // assets: [{ name: 'water.state.svg', … }, { name: 'water.swimlane.svg', … }]
 */
export function documentMarkdown(document: PlanDocument, options: DocumentMarkdownOptions = {}): { markdown: string; assets: MarkdownAsset[] } {
  const assets: MarkdownAsset[] = [];
  const markdown = `${document.blocks.map((b) => blockMarkdown(b, assets, options.assetPrefix, labelSeparator(document.locale))).join('\n\n')}\n`;
  return { markdown, assets };
}
