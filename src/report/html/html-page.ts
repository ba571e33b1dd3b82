import { escapeHtml } from './escape-html.js';

/** The stylesheet every planwright report page inlines (no network, no external fonts). */
export const REPORT_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 18px 0 6px; }
p.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; min-width: 50%; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: var(--ok); font-weight: 600; } .fail { color: var(--bad); font-weight: 600; } .warn { color: var(--warn); }
.chart { margin: 8px 0 20px; overflow-x: auto; } .chart svg { display: block; max-width: 100%; height: auto; }
.chart svg text { font: 11px system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", sans-serif; fill: var(--fg); }
.chart svg .axis { stroke: var(--line); } .chart svg .tick text { fill: var(--muted); }
ul.failures li { color: var(--bad); }
code { background: #f6f8fa; padding: 1px 4px; border-radius: 3px; }
`;

/** What a report page holds. */
export interface HtmlPageInput {
  title: string;
  /** Language of the page (`zh-CN`, `en`). */
  lang?: string;
  /** Already-escaped HTML of the body. */
  body: string;
}

/**
 * Wraps report content in a self-contained HTML document: inline CSS, no scripts, no network.
 *
 * @example
 * ```ts
 * const html = htmlPage({ title: 'Drill report', body: '<h1>Drill report</h1>' });
 * ```
 */
export function htmlPage(input: HtmlPageInput): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang ?? 'zh-CN')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${input.body}
</body>
</html>
`;
}
