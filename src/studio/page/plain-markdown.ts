/**
 * Stands in for codemirror-json-schema's Markdown renderer in the studio bundle: schema
 * descriptions are escaped, and `code` spans kept, without the Shiki highlighter.
 */
export function renderMarkdown(markdown: string, inline = true): string {
  const escaped = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
  return inline ? html : `<p>${html}</p>`;
}
