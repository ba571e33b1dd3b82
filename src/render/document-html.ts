import { escapeHtml } from '../report/html/escape-html.js';
import { labelSeparator, type DocumentBlock, type PlanDocument } from './plan-document-model.js';

/** The stylesheet of a plan document: print-friendly, A4, CJK fonts first; inline, no network. */
export const DOCUMENT_CSS = `
@page { size: A4; margin: 20mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 24px 32px 48px; font: 15px/1.7 "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 26px; text-align: center; margin: 8px 0 24px; }
h2 { font-size: 19px; margin: 28px 0 10px; break-after: avoid; }
h3 { font-size: 16px; margin: 18px 0 8px; break-after: avoid; }
p { margin: 6px 0; text-indent: 0; }
blockquote { margin: 8px 0; padding: 8px 14px; border-left: 4px solid #c9d3df; background: #f6f8fa; }
ul { margin: 6px 0 10px; padding-left: 1.6em; }
li b { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13.5px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #8c959f; padding: 4px 8px; text-align: left; vertical-align: top; white-space: pre-line; }
th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
table[data-table="teams"] td:nth-child(-n+3), table[data-table="roles"] td:first-child, table[data-table="deadlines"] td:first-child, table[data-table="deadlines"] td:nth-child(n+4) { white-space: nowrap; }
figure { margin: 12px 0 20px; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: #59636e; margin-top: 4px; }
`;

function blockHtml(block: DocumentBlock, separator: string): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return block.quote === true ? `<blockquote>${escapeHtml(block.text)}</blockquote>` : `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${i.label === undefined ? '' : `<b>${escapeHtml(i.label)}</b>${i.text === '' ? '' : separator}`}${escapeHtml(i.text)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table data-table="${escapeHtml(block.name)}"><thead><tr>${block.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
    case 'figure':
      return `<figure data-figure="${escapeHtml(block.name)}">${block.svg}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
  }
}

/**
 * A plan document as one self-contained HTML page: inline CSS and SVG, no scripts, a
 * Content-Security-Policy that forbids every request, print styles for A4 (the PDF is this page printed).
 *
 * @example
 * const html = documentHtml(planDocument(plan));
 */
export function documentHtml(document: PlanDocument): string {
  return `<!doctype html>
<html lang="${escapeHtml(document.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(document.title)}</title>
<style>${DOCUMENT_CSS}</style>
</head>
<body>
${document.blocks.map((b) => blockHtml(b, labelSeparator(document.locale))).join('\n')}
</body>
</html>
`;
}
