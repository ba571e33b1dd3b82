import type { PlanDocument } from './plan-document-model.js';

/**
 * A plan document as a Word file (DOCX, through the `docx` package): real Title and Heading 1/2
 * styles, real tables with repeating header rows, the diagrams as SVG images with a PNG fallback
 * (rasterised by resvg) for readers that do not show SVG. The `docx` package and resvg (a native
 * module) are loaded on the first call, not with `planwright/render`: HTML and Markdown need
 * neither, and the CLI starts without them.
 *
 * @example
 * const bytes = await documentDocx(planDocument(plan));
 * writeFileSync('plan.docx', bytes);
 */
export async function documentDocx(document: PlanDocument): Promise<Uint8Array> {
  const { writeDocx } = await import('./docx-writer.js');
  return writeDocx(document);
}
