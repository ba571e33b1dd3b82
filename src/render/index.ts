/**
 * `planwright/render`: a plan as the document a public body approves and files (docs/plan-document.md):
 * one block model from the plan (`planDocument`), written as HTML, Markdown, DOCX or PDF, with the
 * state and swimlane diagrams as SVG drawn without a browser. `planwright render` is this entry.
 * The DOCX writer (the `docx` package, resvg for PNG fallbacks) loads on the first `documentDocx`
 * call; PDF prints the HTML in a local headless Chromium.
 *
 * @example
 * ```ts
 * import { loadPlan } from 'planwright';
 * import { documentHtml, planDocument } from 'planwright/render';
 * const html = documentHtml(planDocument(loadPlan({ file: 'plans/city-flood.plan.yaml' }), { locale: 'zh-CN' }));
 * ```
 * @packageDocumentation
 */
export { documentLabels, type DocumentLabels, type DocumentLocale } from './document-labels.js';
export { documentDocx } from './document-docx.js';
export { documentHtml } from './document-html.js';
export { documentMarkdown, type DocumentMarkdownOptions, type MarkdownAsset } from './document-markdown.js';
export { documentLocaleOf, planDocument, type PlanDocumentOptions } from './plan-document.js';
export type { DocumentBlock, FigureBlock, HeadingBlock, ListBlock, ParagraphBlock, PlanDocument, TableBlock } from './plan-document-model.js';
export { printPdf, findBrowser, BrowserNotFoundError, BROWSER_NAMES } from './print-pdf.js';
export { stateDiagramSvg, type SvgDiagram, type SvgDiagramOptions } from './state-diagram-svg.js';
export { swimlaneDiagramSvg } from './swimlane-diagram-svg.js';
