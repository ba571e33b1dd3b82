/**
 * Every stable diagnostic code the plan checker (parser, schema, includes, cross-references)
 * reports, and the data each one carries. Codes are kebab-case and never change meaning;
 * new codes may be added. Lint rules add their own codes (their rule ids).
 */
export const DIAGNOSTIC_CODES = [
  // reading the source
  'file-not-found',
  'file-unreadable',
  'file-too-large',
  'yaml-syntax',
  'yaml-warning',
  'duplicate-key',
  'alias-limit',
  'too-deep',
  'forbidden-key',
  // includes
  'include-not-found',
  'include-outside-plan',
  'include-cycle',
  'too-many-includes',
  'not-includable',
  // schema
  'unknown-key',
  'missing-key',
  'wrong-type',
  'invalid-value',
  'bad-duration',
  // cross-references
  'unknown-role',
  'unknown-team',
  'unknown-position',
  'vacant-position',
  'unknown-stage',
  'unknown-event',
  'unknown-field',
  'unknown-resource',
  'unknown-template',
  'unknown-severity',
  'unknown-category',
  'unknown-deadline',
  'unknown-effect',
  'unknown-placeholder',
  'duplicate-id',
  'ambiguous-id',
  'missing-severity-level',
  'duplicate-severity-field',
  'condition-type-mismatch',
  'condition-operator',
  'missing-done',
  'done-without-tracks',
  'target-in-track',
  'deadline-needs-stage',
  // the checker itself
  'too-many-diagnostics',
  'internal-error',
  // reading files (issue 17)
  'not-a-file',
  'unsupported-encoding',
  'includes-too-large',
  'include-repeated',
  // slips of a Chinese input method in YAML structure (src/dsl/scan-input-mistakes.ts)
  'full-width-space',
  'tab-indentation',
  'full-width-colon',
  'full-width-comma',
  'full-width-bracket',
  'full-width-parenthesis',
  'full-width-quote',
  // evaluation measures
  'unknown-measure',
  'measure-field-not-number',
  // DSL v2 (docs/dsl-v2.md): deadlines that start where the plan says
  'immediately-undefined',
  'deadline-event-missing',
  'deadline-condition-missing',
  'deadline-at-not-datetime',
  'deadline-match-without-each',
  'unknown-timezone',
  'band-field-not-number',
  'bands-unordered',
  // DSL v2: named thresholds and suggested levels
  'unknown-threshold',
  'threshold-value-or-field',
  'threshold-field-not-number',
  'suggestion-field-type',
  'suggestion-value-unknown',
  'notify-owner-without-owner',
] as const;

/** A stable diagnostic code of the plan checker. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** The codes of input-method slips in YAML structure: each says which character to type instead. */
export type InputMistakeCode =
  | 'full-width-space'
  | 'tab-indentation'
  | 'full-width-colon'
  | 'full-width-comma'
  | 'full-width-bracket'
  | 'full-width-parenthesis'
  | 'full-width-quote';

/**
 * An input-method slip: the character(s) as written, what to type instead, and how many knock-on
 * errors of the YAML parser it caused that are not shown.
 */
export interface InputMistakeParams {
  found: string;
  expected: string;
  suppressed?: number;
}

/** The kind of a value as a planner sees it (used in `wrong-type`). */
export type ValueKind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** What kind of thing an id names (used in `duplicate-id`). */
export type IdKind =
  | 'severity'
  | 'category'
  | 'impact'
  | 'role'
  | 'team'
  | 'field'
  | 'resource'
  | 'template'
  | 'effect'
  | 'event'
  | 'stage'
  | 'track'
  | 'deadline'
  | 'evaluation'
  | 'migration'
  | 'enum-value'
  | 'measure'
  | 'threshold'
  | 'suggestion';

/** A named text format a value failed (used in `invalid-value`). */
export type FormatKind = 'id' | 'version' | 'locale' | 'timezone' | 'other';

/** Why a value is not accepted (the `invalid-value` data). */
export type InvalidValueParams =
  | { kind: 'one-of'; value: string; values: readonly string[]; suggestion?: string }
  | { kind: 'format'; format: FormatKind; value: string; hint?: string }
  | { kind: 'too-small' | 'too-big'; origin: string; limit: number; inclusive: boolean }
  | { kind: 'min-max'; min: number; max: number }
  | { kind: 'custom'; text: string };

/** A reference to an id that is not declared. `known` lists the declared ids (may be empty). */
export interface UnknownRefParams {
  id: string;
  known: readonly string[];
  suggestion?: string;
}

/** The data behind each diagnostic code; messages are rendered from it. */
export interface DiagnosticParams {
  'file-not-found': { file: string };
  'file-unreadable': { file: string; detail: string };
  'file-too-large': { size: number; limit: number };
  'yaml-syntax': { detail: string; yamlCode?: string };
  'yaml-warning': { detail: string; yamlCode?: string };
  'duplicate-key': { key: string };
  'alias-limit': { limit: number };
  'too-deep': { limit: number };
  'forbidden-key': { key: string };
  'include-not-found': { file: string };
  'include-outside-plan': { file: string };
  'include-cycle': { file: string; chain: readonly string[] };
  'too-many-includes': { limit: number };
  'not-includable': { key: string; allowed: readonly string[] };
  'unknown-key': { key: string; allowed: readonly string[]; suggestion?: string };
  /** `alternatives`: keys one of which must be written (when no single key is missing); `values`: what the key may hold. */
  'missing-key': { key: string; alternatives?: readonly string[]; values?: readonly string[] };
  'wrong-type': { expected: readonly string[]; received: ValueKind };
  'invalid-value': InvalidValueParams;
  /** `suggestion`: the duration meant by a text written in words (`30分钟` → `30m`). */
  'bad-duration': { value: string; zero?: boolean; suggestion?: string };
  'unknown-role': UnknownRefParams;
  'unknown-team': UnknownRefParams;
  'unknown-position': { id: string; team: string; position: string };
  'vacant-position': { id: string; team: string; position: 'leader' | 'deputy' | 'members' };
  'unknown-stage': UnknownRefParams;
  'unknown-event': UnknownRefParams;
  'unknown-field': UnknownRefParams;
  'unknown-resource': UnknownRefParams;
  'unknown-template': UnknownRefParams;
  'unknown-severity': UnknownRefParams;
  'unknown-category': UnknownRefParams;
  'unknown-deadline': UnknownRefParams;
  'unknown-effect': UnknownRefParams;
  'unknown-placeholder': UnknownRefParams;
  'duplicate-id': { id: string; kind: IdKind };
  'ambiguous-id': { id: string };
  'missing-severity-level': { missing: readonly string[] };
  'duplicate-severity-field': { id: string; first: string };
  'condition-type-mismatch': {
    field: string;
    fieldType: string;
    operator: string;
    value: string;
    /** What the operator takes here: a kind (`number`, `boolean`, `string`), `one-of` with `allowed`, or `none` (the operator does not apply). */
    expected: 'number' | 'boolean' | 'string' | 'one-of' | 'none';
    allowed?: readonly string[];
    suggestion?: string;
  };
  'condition-operator': { field: string; operators: readonly string[] };
  'missing-done': { stage: string };
  'done-without-tracks': { stage: string };
  'target-in-track': { track: string };
  'deadline-needs-stage': { deadline: string };
  'too-many-diagnostics': { limit: number };
  'internal-error': { detail: string };
  /** `kind`: what the path names instead of a regular file. */
  'not-a-file': { file: string; kind: 'directory' | 'fifo' | 'socket' | 'device' | 'other' };
  /** `encoding`: what the byte order mark says (e.g. `UTF-16LE`). */
  'unsupported-encoding': { encoding: string };
  /** `size`: the included file's bytes; `total`: the plan's and its includes' bytes with it; `limit`: the most allowed. */
  'includes-too-large': { file: string; size: number; total: number; limit: number };
  'include-repeated': { file: string };
  'full-width-space': InputMistakeParams;
  'tab-indentation': InputMistakeParams;
  'full-width-colon': InputMistakeParams;
  'full-width-comma': InputMistakeParams;
  'full-width-bracket': InputMistakeParams;
  'full-width-parenthesis': InputMistakeParams;
  'full-width-quote': InputMistakeParams;
  'unknown-measure': UnknownRefParams;
  'measure-field-not-number': { measure: string; field: string; fieldType: string };
  'immediately-undefined': { deadline: string };
  'deadline-event-missing': { deadline: string };
  'deadline-condition-missing': { deadline: string };
  'deadline-at-not-datetime': { deadline: string; field: string; fieldType: string };
  'deadline-match-without-each': { deadline: string };
  'unknown-timezone': { timezone: string };
  'band-field-not-number': { field: string; fieldType: string };
  'bands-unordered': { index: number };
  'unknown-threshold': UnknownRefParams;
  /** `given`: neither `value` nor `field` (`none`), or both. */
  'threshold-value-or-field': { threshold: string; given: 'none' | 'both' };
  'threshold-field-not-number': { threshold: string; field: string; fieldType: string };
  /** `rule`: the suggestion's id; `expected`: the type its `from` (enum) or `to` (severity) field must have. */
  'suggestion-field-type': { rule: string; field: string; fieldType: string; expected: 'enum' | 'severity' };
  /** A `map` key that is not a value of the `from` enum field (`id`), with the field's values as `known`. */
  'suggestion-value-unknown': UnknownRefParams & { field: string };
  /** DSL v2: `entry` is `owner.leader`, `owner.deputy` or `owner.members`. */
  'notify-owner-without-owner': { stage: string; entry: string };
}

/**
 * Whether a string is one of the checker's stable codes.
 *
 * @example
 * isDiagnosticCode('unknown-key'); // true
 */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return (DIAGNOSTIC_CODES as readonly string[]).includes(code);
}
