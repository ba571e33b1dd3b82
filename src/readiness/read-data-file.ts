import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic, DocumentPath, SourceLocator } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { attachLocations } from '../dsl/attach-locations.js';
import { parseSource } from '../dsl/parse-source.js';
import { schemaIssuesToDiagnostics } from '../dsl/schema-issues.js';
import { SourceMap } from '../dsl/source-map.js';

/** A YAML or JSON data file given by name (read relative to `cwd`) or as text. */
export type DataFileInput = { readonly file: string } | { readonly text: string; readonly file?: string };

/** Options of reading a data file. */
export interface ReadDataFileOptions {
  readonly locale?: Locale;
  /** Folder a relative `file` is read from (default: the current directory). */
  readonly cwd?: string;
}

/** A locator that also finds mapping keys (the DSL's source map). */
export interface DataFileLocator extends SourceLocator {
  locateKey(path: DocumentPath): ReturnType<SourceLocator['locate']>;
}

/** What reading a data file gives. */
export interface CheckedDataFile<T> {
  /** No error: `value` is set. */
  readonly ok: boolean;
  readonly value?: T;
  readonly diagnostics: Diagnostic[];
  /** Positions of its nodes and keys. */
  readonly source: DataFileLocator;
  /** The file's name (as given) and text, for code frames. */
  readonly file: string | undefined;
  readonly text: string | undefined;
  /** `false` when the file is missing or unreadable. */
  readonly readable: boolean;
}

/**
 * Reads a YAML (or JSON) data file with positions and validates it with a zod schema, the way plans
 * are read: syntax errors and schema errors (`unknown-key`, `missing-key`, `wrong-type`, …) come
 * back as diagnostics with file, line and column.
 *
 * @example
 * const roster = readDataFile({ file: 'examples/roster-public-opinion.yaml' }, RosterSchema);
 * roster.ok; // true
 */
export function readDataFile<S extends z.ZodType>(input: DataFileInput, schema: S, options: ReadDataFileOptions = {}): CheckedDataFile<z.output<S>> {
  const file = input.file;
  let text: string;
  if ('text' in input) {
    text = input.text;
  } else {
    try {
      text = readFileSync(path.resolve(options.cwd ?? process.cwd(), input.file), 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR';
      const diagnostic = missing
        ? createDiagnostic('file-not-found', { file: input.file }, [], withLocale({ file: input.file }, options.locale))
        : createDiagnostic('file-unreadable', { file: input.file, detail: String((error as Error).message) }, [], withLocale({ file: input.file }, options.locale));
      return { ok: false, diagnostics: [diagnostic], source: new SourceMap(input.file), file, text: undefined, readable: false };
    }
  }
  const parsed = parseSource(text, withLocale(file === undefined ? {} : { file }, options.locale));
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined || diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics, source: parsed.map, file, text, readable: true };
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    for (const d of attachLocations(schemaIssuesToDiagnostics(result.error.issues, schema, parsed.value, options.locale), parsed.map)) diagnostics.push(d);
    return { ok: false, diagnostics, source: parsed.map, file, text, readable: true };
  }
  return { ok: true, value: result.data as z.output<S>, diagnostics, source: parsed.map, file, text, readable: true };
}

function withLocale<T extends object>(options: T, locale: Locale | undefined): T & { locale?: Locale } {
  return locale === undefined ? options : { ...options, locale };
}
