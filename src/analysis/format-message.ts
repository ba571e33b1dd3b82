import type { MessageData } from './rule.js';

/**
 * Fills `{{name}}` placeholders of a message template. A placeholder without a value is left as is.
 *
 * @example
 * formatMessage('Stage "{{stage}}" is unreachable.', { stage: 'review' }); // 'Stage "review" is unreachable.'
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}
