import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticSeverity } from '../diagnostics/diagnostic.js';
import type { LintRule } from './rule.js';
import { ALL_RULES } from './rules/index.js';

/** The SARIF 2.1.0 subset planwright writes (see the OASIS SARIF 2.1.0 schema). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

/** One run of planwright in a SARIF log. */
export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version?: string;
      informationUri?: string;
      rules: SarifRule[];
    };
  };
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

/** A rule (reporting descriptor) of the SARIF driver. */
export interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties?: { tags: string[] };
}

/** One finding in SARIF. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: Array<{
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
  properties?: { path: Array<string | number> };
}

/** A SARIF result level. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** Options of {@link toSarif}. */
export interface ToSarifOptions {
  /** The lint rules described in the log (default: all). Codes of other diagnostics are added bare. */
  readonly rules?: readonly LintRule[];
  /** planwright's version, written as the driver version. */
  readonly toolVersion?: string;
  /** Files are written relative to this directory (default: the current directory). */
  readonly baseDir?: string;
}

const LEVEL: Record<DiagnosticSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Turns diagnostics (validation and lint) into a SARIF 2.1.0 log for code-scanning tools: one run,
 * the lint rules as the driver's rules, one result per diagnostic with its file and region.
 *
 * @example
 * const log = toSarif(lint(plan, { locator }), { toolVersion: '0.1.0' });
 * JSON.stringify(log); // {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[...]}
 */
export function toSarif(diagnostics: readonly Diagnostic[], options: ToSarifOptions = {}): SarifLog {
  const baseDir = options.baseDir ?? process.cwd();
  const rules: SarifRule[] = (options.rules ?? ALL_RULES).map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} See docs/rules/${rule.id}.md.` },
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: { tags: ['planwright', 'lint'] },
  }));
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndex = (d: Diagnostic): number => {
    const known = indexOf.get(d.code);
    if (known !== undefined) return known;
    rules.push({ id: d.code, defaultConfiguration: { level: LEVEL[d.severity] }, properties: { tags: ['planwright', 'validation'] } });
    indexOf.set(d.code, rules.length - 1);
    return rules.length - 1;
  };

  const results = diagnostics.map((d): SarifResult => {
    const result: SarifResult = {
      ruleId: d.code,
      ruleIndex: ruleIndex(d),
      level: LEVEL[d.severity],
      message: { text: d.message },
      properties: { path: [...d.path] },
    };
    if (d.file !== undefined) {
      const region = d.range === undefined
        ? undefined
        : { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column };
      result.locations = [
        { physicalLocation: { artifactLocation: { uri: artifactUri(d.file, baseDir) }, ...(region === undefined ? {} : { region }) } },
      ];
    }
    return result;
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planwright',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A relative file as a relative URI reference (forward slashes, escaped); anything outside `baseDir` as a file: URI. */
function artifactUri(file: string, baseDir: string): string {
  const rel = isAbsolute(file) ? relative(baseDir, file) : file;
  if (rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(isAbsolute(file) ? file : `${baseDir}${sep}${file}`).href;
  return rel.split(sep).map(encodeURIComponent).join('/');
}
