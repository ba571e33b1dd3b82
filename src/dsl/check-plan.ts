import { Buffer } from 'node:buffer';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { compareDiagnostics } from '../diagnostics/compare-diagnostics.js';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic, SourceLocator } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { attachLocations } from './attach-locations.js';
import { checkReferences } from './check-references.js';
import { checkReferencesOfValidParts } from './check-valid-parts.js';
import { MAX_DIAGNOSTICS, MAX_FILE_BYTES } from './limits.js';
import { pointAtPlaceholders } from './locate-placeholders.js';
import { parseSource } from './parse-source.js';
import { readPlanFile } from './read-plan-file.js';
import type { CheckPlanOptions, PlanSource } from './plan-input.js';
import { resolveIncludes } from './resolve-includes.js';
import { sanitizeValue } from './sanitize-value.js';
import { PlanSchema, type PlanDefinition } from './schema/plan.js';
import { schemaIssuesToDiagnostics } from './schema-issues.js';
import { SourceMap } from './source-map.js';

/** What `checkPlan` finds. */
export interface CheckPlanResult {
  /** No diagnostic of severity `error`. */
  ok: boolean;
  /** The normalized definition (includes merged, defaults applied), when `ok`. */
  plan?: PlanDefinition;
  /** Every finding, in file and position order. */
  diagnostics: Diagnostic[];
  /** Maps JSON paths of the (merged) plan to files and ranges, for later passes such as lint. */
  source: SourceLocator;
  /** The text of every file read (display name → text), for printing code frames. */
  sources: ReadonlyMap<string, string>;
}

interface Root {
  value: unknown;
  map: SourceMap;
  /** Absolute path includes are relative to (a file in the folder, real or notional). */
  anchor: string;
  real?: string;
  display: string | undefined;
  planDir: string;
  /** Size of the plan's own text in bytes (counted against the plan's byte budget with its includes). */
  bytes: number;
  /** The plan's text, when it was given as text or read from a file. */
  text?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Read the plan source into plain data with positions; `undefined` when it cannot be read at all. */
function readRoot(input: PlanSource, options: CheckPlanOptions, locale: Locale, diagnostics: Diagnostic[], sources: Map<string, string>): Root | undefined {
  const cwd = options.cwd ?? process.cwd();
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof raw.text === 'string' || (typeof raw.file === 'string' && raw.planwright === undefined && raw.id === undefined)) {
    const display = typeof raw.file === 'string' ? raw.file : undefined;
    let text: string;
    let anchor: string;
    let real: string | undefined;
    if (typeof raw.text === 'string') {
      text = raw.text;
      anchor = display === undefined ? path.join(path.resolve(cwd, options.baseDir ?? '.'), '<plan>') : path.resolve(cwd, display);
    } else {
      const file = display ?? '';
      anchor = path.resolve(cwd, file);
      const read = readPlanFile(anchor, MAX_FILE_BYTES);
      const firstChar = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
      switch (read.kind) {
        case 'ok':
          text = read.text;
          real = read.real;
          break;
        case 'missing':
          diagnostics.push(createDiagnostic('file-not-found', { file }, [], { locale, file }));
          return undefined;
        case 'not-a-file':
          diagnostics.push(createDiagnostic('not-a-file', { file, kind: read.what }, [], { locale, file }));
          return undefined;
        case 'too-large':
          diagnostics.push(createDiagnostic('file-too-large', { size: read.bytes, limit: MAX_FILE_BYTES }, [], { locale, file, range: firstChar }));
          return undefined;
        case 'encoding':
          diagnostics.push(createDiagnostic('unsupported-encoding', { encoding: read.encoding }, [], { locale, file, range: firstChar }));
          return undefined;
        case 'unreadable':
          diagnostics.push(createDiagnostic('file-unreadable', { file, detail: read.detail }, [], { locale, file }));
          return undefined;
      }
    }
    if (display !== undefined) sources.set(display, text);
    const parsed = parseSource(text, { locale, ...(display === undefined ? {} : { file: display }), ...(options.parseCache === undefined ? {} : { cache: options.parseCache }) });
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (parsed.value === undefined) return undefined;
    const root: Root = { value: parsed.value, map: parsed.map, anchor, display, planDir: realDir(path.dirname(anchor)), bytes: Buffer.byteLength(text, 'utf8'), text };
    if (real !== undefined) root.real = real;
    return root;
  }
  const sanitized = sanitizeValue(input, locale);
  for (const d of sanitized.diagnostics) diagnostics.push(d);
  if (sanitized.value === undefined) return undefined;
  const dir = path.resolve(cwd, options.baseDir ?? '.');
  return { value: sanitized.value, map: new SourceMap(), anchor: path.join(dir, '<plan>'), display: undefined, planDir: realDir(dir), bytes: 0 };
}

function finish(diagnostics: Diagnostic[], source: SourceLocator, sources: Map<string, string>, locale: Locale, plan?: PlanDefinition): CheckPlanResult {
  const files = [...sources.keys()];
  let sorted = diagnostics.map((d, i) => ({ d, i })).sort((a, b) => compareDiagnostics(files)(a.d, b.d) || a.i - b.i).map(({ d }) => d);
  if (sorted.length > MAX_DIAGNOSTICS) {
    const last = sorted[MAX_DIAGNOSTICS - 1];
    const cap = createDiagnostic('too-many-diagnostics', { limit: MAX_DIAGNOSTICS }, [], { locale });
    if (last?.file !== undefined) cap.file = last.file;
    sorted = [...sorted.slice(0, MAX_DIAGNOSTICS), cap];
  }
  const ok = !sorted.some((d) => d.severity === 'error');
  const result: CheckPlanResult = { ok, diagnostics: sorted, source, sources };
  if (ok && plan !== undefined) result.plan = plan;
  return result;
}

/**
 * Check a plan: parse it (YAML or JSON, with positions), merge its includes, validate it against
 * the schema and check its cross-references. Never throws: every problem is a diagnostic with a
 * stable code, a message (in `options.locale`), a JSON path and, for file and text input, a file
 * and range.
 *
 * @example
 * const result = checkPlan({ file: 'plans/public-opinion.plan.yaml' });
 * if (!result.ok) for (const d of result.diagnostics) console.log(formatDiagnosticLine(d));
 * result.plan?.stages[0]?.id; // 'report'
 */
export function checkPlan(input: PlanSource, options: CheckPlanOptions = {}): CheckPlanResult {
  const locale = options.locale ?? 'en';
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let source: SourceLocator = new SourceMap();
  try {
    const root = readRoot(input, options, locale, diagnostics, sources);
    if (root === undefined) return finish(diagnostics, source, sources, locale);
    source = root.map;
    if (isRecord(root.value)) {
      const includeRoot = root.real === undefined ? { absolute: root.anchor, display: root.display } : { absolute: root.anchor, display: root.display, real: root.real };
      resolveIncludes(root.value, root.map, includeRoot, { planDir: root.planDir, locale, diagnostics, sources, bytes: root.bytes, ...(options.files === undefined ? {} : { files: options.files }) });
    }
    const parsed = PlanSchema.safeParse(root.value);
    if (!parsed.success) {
      for (const d of attachLocations(schemaIssuesToDiagnostics(parsed.error.issues, PlanSchema, root.value, locale), root.map)) diagnostics.push(d);
      // The reference checks of the parts that passed the schema, in the same run.
      const partial = checkReferencesOfValidParts(root.value, parsed.error.issues, locale);
      for (const d of pointAtPlaceholders(attachLocations(partial, root.map), sources, root.text)) diagnostics.push(d);
      return finish(diagnostics, source, sources, locale);
    }
    for (const d of pointAtPlaceholders(attachLocations(checkReferences(parsed.data, { locale }), root.map), sources, root.text)) diagnostics.push(d);
    return finish(diagnostics, source, sources, locale, parsed.data);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    diagnostics.push(createDiagnostic('internal-error', { detail: detail.slice(0, 200) }, [], { locale }));
    return finish(diagnostics, source, sources, locale);
  }
}
