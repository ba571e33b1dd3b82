import { Buffer } from 'node:buffer';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import { checkPlan, type CheckPlanResult } from './check-plan.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { CheckPlanOptions } from './plan-input.js';
import { foreignEncoding } from './read-plan-file.js';
import { SourceMap } from './source-map.js';

/** The first character of a text, where a diagnostic about the whole text points. */
const FIRST_CHARACTER = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

/**
 * Checks a plan whose bytes come from somewhere other than a file on disk — standard input, an
 * upload — as a plan file is checked, with diagnostics naming it `name`: `read` is asked for at
 * most {@link MAX_FILE_BYTES} bytes (one byte more tells that the input is too long); a UTF-16 or
 * UTF-32 byte order mark gives `unsupported-encoding`; an error thrown by `read` gives
 * `file-unreadable` with its message; bytes are read as UTF-8. Includes are relative to
 * `options.cwd` (or `options.baseDir`). Never throws.
 *
 * @example
 * ```ts
 * // planwright validate - < plan.yaml
 * const result = checkPlanBytes('<stdin>', (maxBytes) => readStandardInput(maxBytes), { cwd: process.cwd() });
 * ```
 */
export function checkPlanBytes(name: string, read: (maxBytes: number) => Uint8Array | string, options: CheckPlanOptions = {}): CheckPlanResult {
  const locale = options.locale ?? 'en';
  const refuse = (diagnostic: ReturnType<typeof createDiagnostic>): CheckPlanResult => ({
    ok: false,
    diagnostics: [diagnostic],
    source: new SourceMap(name),
    sources: new Map(),
  });
  let input: Uint8Array | string;
  try {
    input = read(MAX_FILE_BYTES);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(createDiagnostic('file-unreadable', { file: name, detail }, [], { locale, file: name }));
  }
  if (typeof input !== 'string') {
    const encoding = foreignEncoding(input);
    if (encoding !== undefined) return refuse(createDiagnostic('unsupported-encoding', { encoding }, [], { locale, file: name, range: FIRST_CHARACTER }));
    input = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  }
  return checkPlan({ text: input, file: name }, options);
}
