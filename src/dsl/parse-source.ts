import { Buffer } from 'node:buffer';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import { createDiagnostic, type CreateDiagnosticOptions } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { LineIndex } from './line-index.js';
import { FORBIDDEN_KEYS, MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';
import { findExcessiveNesting } from './scan-depth.js';
import { childKey, SourceMap } from './source-map.js';

/** What reading one plan text gives. */
export interface ParsedSource {
  /** The document as plain data (mappings are prototype-free objects); `undefined` when it could not be read. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Positions of every node and mapping key. */
  map: SourceMap;
}

/** Options of {@link parseSource}. */
export interface ParseSourceOptions {
  /** File name put into diagnostics and positions. */
  file?: string;
  locale?: Locale;
}

/** Nesting the quick pre-scan refuses before the YAML parser sees the text (the walk checks {@link MAX_DEPTH} exactly). */
const PRESCAN_DEPTH = MAX_DEPTH * 4;

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  readonly map: SourceMap;
  readonly #anchors = new Map<string, YamlNode>();
  #aliasDepth = 0;
  #aliasNodes = 0;
  #aborted = false;
  #aliasLimitHit = false;

  constructor(
    readonly doc: Document,
    readonly lines: LineIndex,
    readonly options: ParseSourceOptions,
  ) {
    this.map = new SourceMap(options.file, lines);
  }

  range(start: number, end: number): SourceRange {
    return { start: this.lines.position(start), end: this.lines.position(Math.max(end, start)) };
  }

  nodeRange(node: { range?: readonly number[] | null | undefined } | null | undefined): SourceRange | undefined {
    const r = node?.range;
    if (r === undefined || r === null || r.length < 2) return undefined;
    return this.range(r[0] ?? 0, r[1] ?? r[0] ?? 0);
  }

  report<C extends DiagnosticCode>(
    code: C,
    params: DiagnosticParams[C],
    path: Array<string | number>,
    range: SourceRange | undefined,
    extra: { target?: 'key'; severity?: 'warning' } = {},
  ): void {
    this.diagnostics.push(createDiagnostic(code, params, path, diagnosticOptions(this.options, range, extra)));
  }

  record(path: Array<string | number>, range: SourceRange | undefined): void {
    if (range === undefined || this.#aliasDepth > 0) return;
    this.map.set(path, this.options.file === undefined ? { range } : { file: this.options.file, range });
  }

  /** Record the node's range at `key` as offsets (lines and columns only if a diagnostic asks for it). */
  recordAt(key: string, node: { range?: readonly number[] | null | undefined } | null | undefined, ofKey = false): void {
    const r = node?.range;
    if (r === undefined || r === null || r.length < 2 || this.#aliasDepth > 0) return;
    const start = r[0] ?? 0;
    this.map.setOffsets(key, start, Math.max(r[1] ?? start, start), ofKey);
  }

  /** Turn a YAML node into plain data; `undefined` for a node that was refused. */
  read(node: unknown, path: Array<string | number>, depth: number, key: string): unknown {
    if (this.#aborted) return undefined;
    if (this.#aliasDepth > 0 && ++this.#aliasNodes > MAX_ALIAS_NODES) {
      this.#aborted = true;
      this.#aliasLimitHit = true;
      return undefined;
    }
    if (node === null || node === undefined) return null;
    const yamlNode = node as YamlNode;
    if (yamlNode.anchor !== undefined && this.#aliasDepth === 0) this.#anchors.set(yamlNode.anchor, yamlNode);
    if (isAlias(node)) {
      const range = this.nodeRange(node);
      this.record(path, range);
      const target = this.#anchors.get(node.source) ?? node.resolve(this.doc);
      if (target === undefined) return null;
      this.#aliasDepth++;
      const value = this.read(target, path, depth, key);
      this.#aliasDepth--;
      if (this.#aliasLimitHit && this.#aliasDepth === 0) {
        this.#aliasLimitHit = false;
        this.report('alias-limit', { limit: MAX_ALIAS_NODES }, path, range);
      }
      return value;
    }
    this.recordAt(key, yamlNode);
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'bigint') return Number(v);
      return v === undefined ? null : v;
    }
    if (depth >= MAX_DEPTH) {
      this.report('too-deep', { limit: MAX_DEPTH }, path, this.nodeRange(yamlNode));
      this.#aborted = true;
      return undefined;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, index) => {
        out.push(this.read(item, [...path, index], depth + 1, childKey(key, index)));
      });
      return out;
    }
    if (isMap(node)) {
      const out = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyAt = hasRange(keyNode) ? keyNode : (pair.value as YamlNode | null);
        if (keyNode !== null && !isScalar(keyNode)) {
          this.report('wrong-type', { expected: ['string'], received: isSeq(keyNode) ? 'array' : 'object' }, path, this.nodeRange(keyAt));
          continue;
        }
        const raw = keyNode === null ? null : keyNode.value;
        const name = raw === null || raw === undefined ? '' : String(raw);
        const childPath = [...path, name];
        if (FORBIDDEN_KEYS.has(name)) {
          this.report('forbidden-key', { key: name }, childPath, this.nodeRange(keyAt), { target: 'key' });
          continue;
        }
        const keyOfChild = childKey(key, name);
        this.recordAt(keyOfChild, keyAt, true);
        const valueNode = pair.value as YamlNode | null;
        if (valueNode === null) this.recordAt(keyOfChild, keyAt);
        out[name] = this.read(valueNode, childPath, depth + 1, keyOfChild);
      }
      return out;
    }
    return null;
  }

  get aborted(): boolean {
    return this.#aborted;
  }
}

/**
 * Read a plan text (YAML, or JSON, which is YAML too) into plain data with the position of every
 * node. Syntax errors, duplicate keys, excessive aliasing or nesting, forbidden keys
 * (`__proto__`, `constructor`, `prototype`) and oversized texts become diagnostics; nothing throws.
 *
 * @example
 * const { value, diagnostics, map } = parseSource('id: p\nroles: []\n', { file: 'p.yaml' });
 * map.locate(['roles']); // { file: 'p.yaml', range: { start: { line: 2, column: 8 }, … } }
 */
export function parseSource(text: string, options: ParseSourceOptions = {}): ParsedSource {
  const lines = new LineIndex(text);
  const refuse = <C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], offset = 0): ParsedSource => {
    const at = lines.position(offset);
    const range = { start: at, end: { line: at.line, column: at.column + 1 } };
    return {
      value: undefined,
      diagnostics: [createDiagnostic(code, params, [], diagnosticOptions(options, range))],
      map: new SourceMap(options.file),
    };
  };

  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_FILE_BYTES) return refuse('file-too-large', { size, limit: MAX_FILE_BYTES });
  const deep = findExcessiveNesting(text, PRESCAN_DEPTH);
  if (deep !== undefined) return refuse('too-deep', { limit: MAX_DEPTH }, deep);

  let doc: Document;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: false, version: '1.2' });
  } catch (error) {
    if (error instanceof RangeError) return refuse('too-deep', { limit: MAX_DEPTH });
    return refuse('yaml-syntax', { detail: error instanceof Error ? error.message : String(error) });
  }
  const reader = new Reader(doc, lines, options);
  // A duplicate key next to syntax errors is usually an artefact of them: report the syntax errors only.
  const syntaxBroken = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  const reportedLines = new Set<number>();
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      if (syntaxBroken) continue;
      const { key, length } = keyTextAt(text, start);
      reader.report('duplicate-key', { key }, [], reader.range(start, Math.max(end, start + length)), { target: 'key' });
      continue;
    }
    const range = reader.range(start, end);
    // The parser often reports several errors for one slip; keep the first on each line.
    if (reportedLines.has(range.start.line)) continue;
    reportedLines.add(range.start.line);
    if (error.code === 'RESOURCE_EXHAUSTION') {
      reader.report('too-deep', { limit: MAX_DEPTH }, [], range);
    } else {
      reader.report('yaml-syntax', { detail: firstLine(error.message, error.code) }, [], range);
    }
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    reader.report('yaml-warning', { detail: firstLine(warning.message, warning.code) }, [], reader.range(start, end), { severity: 'warning' });
  }
  if (doc.errors.length > 0) return { value: undefined, diagnostics: reader.diagnostics, map: reader.map };
  // The document itself, for an empty text (the walk overwrites it with the root node's range).
  reader.record([], reader.range(0, 0));
  const value = reader.read(doc.contents, [], 0, '');
  return { value: reader.aborted ? undefined : value, diagnostics: reader.diagnostics, map: reader.map };
}

/** Whether the node has a range (as {@link Reader.nodeRange} needs one). */
function hasRange(node: { range?: readonly number[] | null | undefined } | null | undefined): boolean {
  const r = node?.range;
  return r !== undefined && r !== null && r.length >= 2;
}

/** The mapping key that starts at `offset` (quoted or plain, up to its `:`) and its length in the source. */
function keyTextAt(text: string, offset: number): { key: string; length: number } {
  const rest = text.slice(offset, offset + 200);
  const quoted = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)')/.exec(rest);
  if (quoted !== null) return { key: quoted[1] ?? quoted[2] ?? '', length: quoted[0].length };
  const plain = (/^[^\n]*?(?=\s*:(?:\s|$))/.exec(rest)?.[0] ?? rest.split('\n')[0] ?? '').trimEnd();
  return { key: plain, length: plain.length };
}

function firstLine(message: string, fallback: string): string {
  const line = message.split('\n')[0]?.trim() ?? '';
  return (line === '' ? fallback : line).replace(/[.:]$/, '');
}

function diagnosticOptions(
  options: ParseSourceOptions,
  range: SourceRange | undefined,
  extra: { target?: 'key'; severity?: 'warning' } = {},
): CreateDiagnosticOptions {
  const out: CreateDiagnosticOptions = { locale: options.locale ?? 'en' };
  if (options.file !== undefined) out.file = options.file;
  if (range !== undefined) out.range = range;
  if (extra.target !== undefined) out.target = extra.target;
  if (extra.severity !== undefined) out.severity = extra.severity;
  return out;
}
