import { escapeTerminalText } from '../diagnostics/terminal-safe-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * A generated Markdown document made safe to render: `&`, `<` and `>` become entities (Markdown
 * renderers pass raw HTML through, so a title holding `<script>` would run in a viewer), and
 * control and bidi characters become visible `\uXXXX` escapes. The reports' own Markdown uses
 * none of these characters, so the whole document is escaped at once; entities render as the
 * characters they stand for.
 *
 * @example
 * markdownSafeText('# Report: <script>x</script>'); // '# Report: &lt;script&gt;x&lt;/script&gt;'
 */
export function markdownSafeText(markdown: string): string {
  return escapeTerminalText(markdown.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c));
}
