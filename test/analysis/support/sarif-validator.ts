import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON Schema (draft-04) shipped by
 * `@microsoft/jest-sarif` (sarif-2.1.0-rtm.5.json, the schema of the OASIS standard).
 * Patterns are compiled without the `u` flag, as JSON Schema draft-04 (ECMA 262) reads them: the
 * schema's `language` pattern has a stray `]` that only a `u` regular expression refuses.
 *
 * @example
 * sarifValidator()(log); // true, or false with .errors set
 */
export function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
