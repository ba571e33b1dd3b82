import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { labelSeparator, type DocumentBlock, type FigureBlock, type PlanDocument, type TableBlock } from './plan-document-model.js';
import { svgToPng } from './svg-to-png.js';

/** Latin and East Asian fonts of the document; Word substitutes what the reader's machine lacks. */
const FONTS = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun', cs: 'Calibri' } as const;
/** Widest a figure may be on an A4 page with the default margins, in pixels at 96 dpi (≈ 16 cm). */
const MAX_FIGURE_WIDTH = 600;
const MAX_FIGURE_HEIGHT = 820;

function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function table(block: TableBlock): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.headers.map((h) => new TableCell({ shading: { fill: 'EEF1F4' }, children: [new Paragraph({ children: runs(h, { bold: true }) })] })),
  });
  const rows = block.rows.map(
    (row) => new TableRow({ cantSplit: true, children: row.map((c) => new TableCell({ children: [new Paragraph({ children: runs(c) })] })) }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function figure(block: FigureBlock): Paragraph[] {
  const scale = Math.min(1, MAX_FIGURE_WIDTH / block.width, MAX_FIGURE_HEIGHT / block.height);
  const png = svgToPng(block.svg, 2);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(block.svg),
          fallback: { type: 'png', data: png },
          transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
          altText: { name: block.name, title: block.caption, description: block.caption },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(block.caption, { italics: true, size: 20 }) }),
  ];
}

function blockChildren(block: DocumentBlock, separator: string): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading': {
      const heading = block.level === 1 ? HeadingLevel.TITLE : block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      return [new Paragraph({ heading, ...(block.level === 1 ? { alignment: AlignmentType.CENTER } : {}), children: runs(block.text) })];
    }
    case 'paragraph':
      return [new Paragraph({ ...(block.quote === true ? { indent: { left: 567 } } : {}), children: runs(block.text) })];
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            bullet: { level: 0 },
            children: [...(item.label === undefined ? [] : [new TextRun({ text: `${item.label}${item.text === '' ? '' : separator}`, bold: true })]), ...runs(item.text)],
          }),
      );
    case 'table':
      return [table(block), new Paragraph({ children: [] })];
    case 'figure':
      return figure(block);
  }
}

/**
 * Writes a plan document as a Word file with the `docx` package (see `documentDocx`, which loads
 * this module only when a DOCX is asked for).
 * @internal
 *
 * @example
 * const bytes = await writeDocx(planDocument(plan));
 */
export async function writeDocx(document: PlanDocument): Promise<Uint8Array> {
  const file = new Document({
    title: document.title,
    creator: 'planwright',
    styles: {
      default: {
        document: { run: { font: FONTS, size: 22 } },
        title: { run: { font: FONTS, size: 40, bold: true } },
        heading1: { run: { font: FONTS, size: 30, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONTS, size: 26, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 240, after: 80 } } },
      },
    },
    sections: [{ children: document.blocks.flatMap((b) => blockChildren(b, labelSeparator(document.locale))) }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
