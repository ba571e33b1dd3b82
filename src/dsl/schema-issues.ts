import type * as z from 'zod';
import type { DiagnosticCode, DiagnosticParams, FormatKind } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import type { Locale } from '../diagnostics/locale.js';
import { asciiRomanNumeral } from '../diagnostics/roman-numerals.js';
import { durationFromWords } from './duration-in-words.js';
import { Duration, Id } from './schema/common.js';
import { Due, DueDuration } from './schema/deadline.js';
import { headerShape } from './schema/header.js';
import { valueKind } from './value-kind.js';
import { objectKeys, requiredKeys, schemaAt, unionOptions, unwrap, type AnySchema } from './schema-walk.js';

type Path = Array<string | number>;

/** The fields of zod 4 issues this module reads. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  errors?: Issue[][];
  issues?: Issue[];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  values?: unknown[];
  pattern?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

/** The regex pattern a schema reports when `sample` fails it (read from zod, so it follows schema edits). */
function patternOf(schema: z.ZodType, sample: unknown): string | undefined {
  const result = schema.safeParse(sample);
  const find = (issues: readonly Issue[]): string | undefined => {
    for (const issue of issues) {
      if (issue.pattern !== undefined) return issue.pattern;
      const nested = find([...(issue.issues ?? []), ...(issue.errors ?? []).flat()]);
      if (nested !== undefined) return nested;
    }
    return undefined;
  };
  return result.success ? undefined : find(result.error.issues as unknown as Issue[]);
}

const FORMATS = new Map<string | undefined, FormatKind | 'duration'>([
  [patternOf(Id, '1'), 'id'],
  [patternOf(headerShape.version, 'x'), 'version'],
  [patternOf(headerShape.locales.unwrap(), ['1']), 'locale'],
  [patternOf(Duration, 'x'), 'duration'],
]);
FORMATS.delete(undefined);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectedKind(expected: string | undefined): string {
  switch (expected) {
    case 'record':
    case 'object':
    case 'map':
      return 'object';
    case 'int':
      return 'integer';
    case 'array':
    case 'tuple':
    case 'set':
      return 'array';
    default:
      return expected ?? 'string';
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function isDurationSchema(schema: AnySchema | undefined): boolean {
  if (schema === undefined) return false;
  const inner = unwrap(schema);
  return inner === unwrap(Duration) || inner === unwrap(Due) || inner === unwrap(DueDuration);
}

function hasKey(data: unknown, key: PropertyKey): boolean {
  return (isRecord(data) || Array.isArray(data)) && Object.hasOwn(data, key);
}

class IssueMapper {
  readonly out: Diagnostic[] = [];
  constructor(
    readonly locale: Locale,
    /** The plan's severity level ids (for a Roman numeral character written where one is expected). */
    readonly severityIds: readonly string[],
  ) {}

  /** A duration that is not one: with the exact replacement when it is written in words (`半小时` → `30m`). */
  pushBadDuration(value: string, path: Path, target?: 'key'): void {
    const suggestion = durationFromWords(value);
    this.push('bad-duration', suggestion === undefined ? { value } : { value, suggestion }, path, target);
  }

  /** A Roman numeral character (`Ⅰ`) where an id is expected: an unknown severity level, did you mean `I`. */
  pushRomanLevel(value: string, path: Path, target?: 'key'): boolean {
    if (asciiRomanNumeral(value) === undefined) return false;
    const suggestion = closestMatch(value, this.severityIds);
    const known = [...this.severityIds];
    this.push('unknown-severity', suggestion === undefined ? { id: value, known } : { id: value, known, suggestion }, path, target);
    return true;
  }

  push<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], path: Path, target?: 'key'): void {
    this.out.push(createDiagnostic(code, params, path, target === undefined ? { locale: this.locale } : { locale: this.locale, target }));
  }

  /** Map one issue; `base` is where the issue's (relative) path starts. */
  map(issue: Issue, basePath: Path, baseSchema: AnySchema | undefined, baseData: unknown): void {
    const rel = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const path = [...basePath, ...rel];
    const { schema, data } = schemaAt(baseSchema, baseData, rel);
    const parent = schemaAt(baseSchema, baseData, rel.slice(0, -1)).data;
    const last = rel[rel.length - 1];
    const missing = rel.length > 0 && last !== undefined && isRecord(parent) && !hasKey(parent, last);

    if (issue.code === 'invalid_key' && last !== undefined && this.pushRomanLevel(String(last), path, 'key')) return;
    if (isDurationSchema(schema) && !missing && !isRecord(data) && issue.code !== 'too_big') {
      this.pushBadDuration(show(data), path);
      return;
    }

    switch (issue.code) {
      case 'invalid_type':
        if (missing) this.push('missing-key', { key: String(last) }, path);
        else this.push('wrong-type', { expected: [expectedKind(issue.expected)], received: valueKind(data) }, path);
        return;
      case 'unrecognized_keys': {
        const allowed = schema === undefined ? [] : objectKeys(schema);
        for (const key of issue.keys ?? []) {
          const suggestion = closestMatch(key, allowed);
          this.push('unknown-key', suggestion === undefined ? { key, allowed } : { key, allowed, suggestion }, [...path, key], 'key');
        }
        return;
      }
      case 'invalid_union':
        this.mapUnion(issue, path, schema, data, missing);
        return;
      case 'invalid_value': {
        const values = (issue.values ?? []).map((v) => String(v));
        const value = show(data);
        const suggestion = typeof data === 'string' ? closestMatch(data, values) : undefined;
        if (missing) this.push('missing-key', { key: String(last), values }, path);
        else this.push('invalid-value', suggestion === undefined ? { kind: 'one-of', value, values } : { kind: 'one-of', value, values, suggestion }, path);
        return;
      }
      case 'invalid_format':
        this.mapFormat(issue, path, show(data));
        return;
      case 'too_small':
      case 'too_big': {
        const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        const kind = issue.code === 'too_small' ? 'too-small' : 'too-big';
        this.push('invalid-value', { kind, origin: issue.origin ?? 'number', limit, inclusive: issue.inclusive ?? true }, path);
        return;
      }
      case 'invalid_key': {
        const inner = issue.issues?.[0];
        if (inner?.code === 'invalid_format') this.mapFormat(inner, path, String(last), 'key');
        else this.push('invalid-value', { kind: 'custom', text: inner?.message ?? issue.message }, path, 'key');
        return;
      }
      default:
        this.push('invalid-value', { kind: 'custom', text: issue.message }, path);
    }
  }

  mapFormat(issue: Issue, path: Path, value: string, target?: 'key'): void {
    const format = FORMATS.get(issue.pattern) ?? 'other';
    if (format === 'id' && this.pushRomanLevel(value, path, target)) return;
    if (format === 'duration') this.pushBadDuration(value, path, target);
    else if (format === 'other') this.push('invalid-value', { kind: 'format', format, value, hint: issue.message }, path, target);
    else this.push('invalid-value', { kind: 'format', format, value }, path, target);
  }

  mapUnion(issue: Issue, path: Path, schema: AnySchema | undefined, data: unknown, missing: boolean): void {
    // A discriminated union whose tag matches no option: the issue's path ends at the tag.
    if (issue.discriminator !== undefined && (issue.errors ?? []).length === 0) {
      const values = (issue.options ?? []).map((v) => String(v));
      if (missing) {
        this.push('missing-key', { key: issue.discriminator, values }, path);
      } else {
        const value = show(data);
        const suggestion = typeof data === 'string' ? closestMatch(data, values) : undefined;
        this.push('invalid-value', suggestion === undefined ? { kind: 'one-of', value, values } : { kind: 'one-of', value, values, suggestion }, path);
      }
      return;
    }
    if (missing) {
      this.push('missing-key', { key: String(path[path.length - 1]) }, path);
      return;
    }
    const options = schema === undefined ? [] : unionOptions(schema);
    const branches = (issue.errors ?? []).map((errors, index) => ({ errors, option: options[index] }));
    const rootFailure = (errors: Issue[]): boolean =>
      errors.length > 0 && errors.every((e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_value'));

    if (isRecord(data)) {
      const dataKeys = Object.keys(data);
      const candidates = branches
        .filter((b) => !rootFailure(b.errors) && !b.errors.some((e) => e.path.length === 0 && e.code === 'invalid_type'))
        .map((b) => {
          const unknown = new Set(b.errors.filter((e) => e.path.length === 0 && e.code === 'unrecognized_keys').flatMap((e) => e.keys ?? []));
          const weight = b.errors.reduce((n, e) => n + (e.code === 'unrecognized_keys' ? (e.keys?.length ?? 1) : 1), 0);
          return { ...b, matched: dataKeys.filter((k) => !unknown.has(k)).length, weight };
        });
      if (candidates.length === 0) {
        this.pushCombinedType(branches.map((b) => b.errors), path, data);
        return;
      }
      candidates.sort((a, b) => b.matched - a.matched || a.weight - b.weight);
      const best = candidates[0];
      if (best === undefined) return;
      if (candidates.length > 1 && best.matched === 0) {
        const allowed = [...new Set(candidates.flatMap((c) => (c.option === undefined ? [] : objectKeys(c.option))))];
        if (dataKeys.length === 0) {
          const alternatives = [...new Set(candidates.flatMap((c) => (c.option === undefined ? [] : requiredKeys(c.option).slice(0, 1))))];
          this.push('missing-key', { key: alternatives[0] ?? '', alternatives }, path);
          return;
        }
        for (const key of dataKeys) {
          const suggestion = closestMatch(key, allowed);
          this.push('unknown-key', suggestion === undefined ? { key, allowed } : { key, allowed, suggestion }, [...path, key], 'key');
        }
        return;
      }
      for (const error of best.errors) this.map(error, path, best.option, data);
      return;
    }

    if (branches.every((b) => rootFailure(b.errors))) {
      this.pushCombinedType(branches.map((b) => b.errors), path, data);
      return;
    }
    const chosen = branches
      .filter((b) => !rootFailure(b.errors))
      .sort((a, b) => a.errors.length - b.errors.length)[0];
    if (chosen === undefined) return;
    for (const error of chosen.errors) this.map(error, path, chosen.option, data);
  }

  pushCombinedType(branchErrors: Issue[][], path: Path, data: unknown): void {
    const expected: string[] = [];
    for (const errors of branchErrors) {
      for (const e of errors) {
        if (e.path.length !== 0) continue;
        if (e.code === 'invalid_type') expected.push(expectedKind(e.expected));
        if (e.code === 'invalid_value') for (const v of e.values ?? []) expected.push(JSON.stringify(v) ?? String(v));
      }
    }
    this.push('wrong-type', { expected: [...new Set(expected)], received: valueKind(data) }, path);
  }
}

/**
 * Turn zod 4 issues of a plan (or any schema) into diagnostics with stable codes and JSON paths:
 * unknown keys point at the key and suggest a close allowed key, missing keys point at the
 * mapping that lacks them, and of a failed union only the most relevant option's issues are kept.
 * Positions are attached later from the document's source map.
 *
 * @example
 * const result = PlanSchema.safeParse(data);
 * if (!result.success) schemaIssuesToDiagnostics(result.error.issues, PlanSchema, data);
 * // [{ code: 'unknown-key', path: ['stages', 0, 'tittle'], target: 'key', … }]
 */
export function schemaIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  data: unknown,
  locale: Locale = 'en',
): Diagnostic[] {
  const severity = isRecord(data) && Array.isArray(data.severity) ? data.severity : [];
  const severityIds = severity.flatMap((level: unknown) => (isRecord(level) && typeof level.id === 'string' ? [level.id] : []));
  const mapper = new IssueMapper(locale, severityIds);
  for (const issue of issues) mapper.map(issue as unknown as Issue, [], schema, data);
  const seen = new Set<string>();
  // A misspelt key ("tittle") also leaves the key it meant ("title") missing: report the typo only.
  for (const d of mapper.out) {
    const suggestion = d.code === 'unknown-key' ? d.params?.suggestion : undefined;
    if (typeof suggestion === 'string') seen.add(`missing-key\u0000${JSON.stringify([...d.path.slice(0, -1), suggestion])}`);
  }
  return mapper.out.filter((d) => {
    const key = `${d.code}\u0000${JSON.stringify(d.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
