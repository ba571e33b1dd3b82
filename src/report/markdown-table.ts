/**
 * A GitHub-flavoured Markdown table. Cell text has `|` escaped and newlines flattened.
 *
 * @example
 * ```ts
 * markdownTable(['stage', 'time'], [['report', '+10m']]);
 * // '| stage | time |\n| --- | --- |\n| report | +10m |'
 * ```
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}
