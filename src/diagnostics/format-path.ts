import type { DocumentPath } from './diagnostic.js';

/**
 * Show a document path the way a planner reads it: `stages[2].on[0].by[1]`.
 *
 * @example
 * formatPath(['stages', 2, 'on', 0, 'by', 1]); // 'stages[2].on[0].by[1]'
 * formatPath(['deadlines', 0, 'due', 'odd key']); // 'deadlines[0].due["odd key"]'
 */
export function formatPath(path: DocumentPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}
