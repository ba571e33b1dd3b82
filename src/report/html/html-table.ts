import { escapeHtml } from './escape-html.js';

/** A table cell: text (escaped), or `{ html }` already escaped, optionally with a class. */
export type HtmlCell = string | { html: string; className?: string } | { text: string; className: string };

/**
 * An HTML table from headers and rows; text cells are escaped.
 *
 * @example
 * ```ts
 * htmlTable(['stage', 'time'], [['report', '+10m']]);
 * ```
 */
export function htmlTable(headers: readonly string[], rows: readonly (readonly HtmlCell[])[], className?: string): string {
  const td = (c: HtmlCell): string => {
    if (typeof c === 'string') return `<td>${escapeHtml(c)}</td>`;
    const cls = c.className === undefined ? '' : ` class="${escapeHtml(c.className)}"`;
    return 'html' in c ? `<td${cls}>${c.html}</td>` : `<td${cls}>${escapeHtml(c.text)}</td>`;
  };
  return (
    `<table${className ? ` class="${escapeHtml(className)}"` : ''}><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`
  );
}
