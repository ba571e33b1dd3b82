/**
 * A plan document as a list of blocks, independent of the output format: the HTML, Markdown and
 * DOCX writers each turn the same blocks into their own markup, so the formats cannot drift apart.
 */

/** A heading: level 1 is the document title, 2 a section, 3 a sub-section. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

/** A paragraph of plain text. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  /** A quoted text (a template body), set apart from the running text. */
  readonly quote?: boolean;
}

/** A bulleted list; an item may start with a bold label (`组长：`). */
export interface ListBlock {
  readonly kind: 'list';
  readonly items: ReadonlyArray<{ readonly label?: string; readonly text: string }>;
}

/** A table with a header row; every cell is plain text (lines separated by `\n`). */
export interface TableBlock {
  readonly kind: 'table';
  /** Stable name for tests and styling, e.g. `teams`, `deadlines`. */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** A diagram drawn as SVG, with its caption. */
export interface FigureBlock {
  readonly kind: 'figure';
  /** Stable name, used for file names (`state`, `swimlane`). */
  readonly name: string;
  readonly caption: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** One block of a plan document. */
export type DocumentBlock = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | FigureBlock;

/** A plan document: title, language and blocks in reading order. */
export interface PlanDocument {
  readonly title: string;
  /** `zh-CN` or `en`. */
  readonly locale: string;
  readonly blocks: readonly DocumentBlock[];
}

/**
 * What follows a list item's label: a full-width colon in Chinese, `: ` otherwise.
 *
 * @example
 * labelSeparator('zh-CN'); // '：'
 */
export function labelSeparator(locale: string): string {
  return locale === 'zh-CN' ? '：' : ': ';
}
