/**
 * The `{{placeholder}}` names in a template text, in order (spaces inside the braces are ignored).
 *
 * @example
 * templatePlaceholders('About “{{title}}” since {{ openedAt }}'); // ['title', 'openedAt']
 */
export function templatePlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) names.push(match[1] ?? '');
  return names;
}
