import { Buffer } from 'node:buffer';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import { createDiagnostic, type CreateDiagnosticOptions } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { LineIndex } from './line-index.js';
import { FORBIDDEN_KEYS, MAX_ALIAS_NODES, MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';
import { findExcessiveNesting } from './scan-depth.js';
import { scanInputMistakes, type InputMistake } from './scan-input-mistakes.js';
import { SourceMap, type SourceNode } from './source-map.js';

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
  /** Syntax trees of the last parse's segments, reused for segments whose text is unchanged (see {@link ParseCache}). */
  cache?: ParseCache;
}

/**
 * What an editor keeps between checks of a large text so that a keystroke re-parses only the
 * segment it falls in: the YAML syntax tree of each segment of the last parse, by the segment's
 * text. A segment's tree does not depend on where the segment starts (positions are offsets into
 * the segment; the walk adds the segment's start), so an unchanged segment reads the same wherever
 * it moved to. Each parse keeps only the trees it used, so the cache holds one text's trees at most.
 * Texts parsed whole (short ones, or those the segmented parse gives up on) do not use it.
 *
 * @example
 * const cache = createParseCache();
 * checkPlan({ text, file }, { parseCache: cache }); // parses every segment
 * checkPlan({ text: edited, file }, { parseCache: cache }); // re-parses only the edited segment
 */
export interface ParseCache {
  /** @internal Segment text → its parsed document. */
  segments: Map<string, Document>;
}

/** A new, empty {@link ParseCache}. */
export function createParseCache(): ParseCache {
  return { segments: new Map() };
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
  /** Whether an alias was met (the segmented parse then starts over on the whole text). */
  sawAlias = false;
  /** Offset of the parsed document's text in the whole text (a segment's start; 0 for the whole text). */
  base = 0;

  constructor(
    public doc: Document,
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
    return this.range((r[0] ?? 0) + this.base, (r[1] ?? r[0] ?? 0) + this.base);
  }

  report<C extends DiagnosticCode>(
    code: C,
    params: DiagnosticParams[C],
    path: Array<string | number>,
    range: SourceRange | undefined,
    extra: { target?: 'key'; severity?: 'warning' } = {},
  ): void {
    // A copy: the walk's path is one array, extended and shortened as it goes.
    this.diagnostics.push(createDiagnostic(code, params, [...path], diagnosticOptions(this.options, range, extra)));
  }

  record(path: Array<string | number>, range: SourceRange | undefined): void {
    if (range === undefined || this.#aliasDepth > 0) return;
    this.map.set(path, this.options.file === undefined ? { range } : { file: this.options.file, range });
  }

  /** Record the node's range at `at` as offsets (lines and columns only if a diagnostic asks for it). */
  recordAt(at: SourceNode | undefined, node: { range?: readonly number[] | null | undefined } | null | undefined, ofKey = false): void {
    const r = node?.range;
    if (at === undefined || r === undefined || r === null || r.length < 2 || this.#aliasDepth > 0) return;
    const start = r[0] ?? 0;
    this.map.setOffsets(at, start + this.base, Math.max(r[1] ?? start, start) + this.base, ofKey);
  }

  /**
   * Turn a YAML node into plain data; `undefined` for a node that was refused. `at` is the node's
   * place in the position map (`undefined` inside an alias's expansion, where nothing is recorded).
   */
  read(node: unknown, path: Array<string | number>, depth: number, at: SourceNode | undefined): unknown {
    // `path` is the walk's one path array (the node's path while it is read; copied where kept).
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
      this.sawAlias = true;
      const range = this.nodeRange(node);
      this.record(path, range);
      const target = this.#anchors.get(node.source) ?? node.resolve(this.doc);
      if (target === undefined) return null;
      this.#aliasDepth++;
      const value = this.read(target, path, depth, undefined);
      this.#aliasDepth--;
      if (this.#aliasLimitHit && this.#aliasDepth === 0) {
        this.#aliasLimitHit = false;
        this.report('alias-limit', { limit: MAX_ALIAS_NODES }, path, range);
      }
      return value;
    }
    this.recordAt(at, yamlNode);
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
      const items = node.items;
      for (let index = 0; index < items.length; index++) {
        path.push(index);
        out.push(this.read(items[index], path, depth + 1, at === undefined || this.#aliasDepth > 0 ? undefined : at.child(index)));
        path.pop();
      }
      return out;
    }
    if (isMap(node)) {
      const out = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) this.readPair(pair, out, path, depth, at);
      return out;
    }
    return null;
  }

  /** Read one pair of a mapping at `path` into `out`; the key's raw value, or `undefined` for a pair that was refused. */
  readPair(pair: { key: unknown; value: unknown }, out: Record<string, unknown>, path: Array<string | number>, depth: number, at: SourceNode | undefined): { raw: unknown } | undefined {
    const keyNode = pair.key as YamlNode | null;
    const keyAt = hasRange(keyNode) ? keyNode : (pair.value as YamlNode | null);
    if (keyNode !== null && !isScalar(keyNode)) {
      this.report('wrong-type', { expected: ['string'], received: isSeq(keyNode) ? 'array' : 'object' }, path, this.nodeRange(keyAt));
      return undefined;
    }
    const raw = keyNode === null ? null : keyNode.value;
    const name = raw === null || raw === undefined ? '' : String(raw);
    if (FORBIDDEN_KEYS.has(name)) {
      this.report('forbidden-key', { key: name }, [...path, name], this.nodeRange(keyAt), { target: 'key' });
      return undefined;
    }
    const child = at === undefined || this.#aliasDepth > 0 ? undefined : at.child(name);
    this.recordAt(child, keyAt, true);
    const valueNode = pair.value as YamlNode | null;
    if (valueNode === null) this.recordAt(child, keyAt);
    path.push(name);
    out[name] = this.read(valueNode, path, depth + 1, child);
    path.pop();
    return { raw };
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
  return readSource(text, options, true);
}

function readSource(text: string, options: ParseSourceOptions, trySegments: boolean): ParsedSource {
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

  const mistakes = scanInputMistakes(text);
  if (mistakes.length > 0) return reportInputMistakes(text, lines, options, mistakes);

  if (trySegments && text.length >= SEGMENTED_MIN_LENGTH) {
    const segmented = parseSegmented(text, lines, options);
    if (segmented !== undefined) return segmented;
  }
  return parseWhole(text, lines, options, refuse);
}

/** Options of every `parseDocument` call. */
const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, merge: false, version: '1.2' } as const;

/**
 * Texts from this length on are first tried in segments ({@link parseSegmented}); shorter ones
 * gain nothing from it.
 */
const SEGMENTED_MIN_LENGTH = 32 * 1024;

/** Segments of items are cut at the first item boundary after this many characters. */
const SEGMENT_LENGTH = 4 * 1024;

/** The whole text as one YAML document: every error and warning the parser finds becomes a diagnostic. */
function parseWhole(
  text: string,
  lines: LineIndex,
  options: ParseSourceOptions,
  refuse: <C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], offset?: number) => ParsedSource,
): ParsedSource {
  let doc: Document;
  try {
    doc = parseDocument(text, YAML_OPTIONS);
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
      reader.report('yaml-syntax', { detail: firstLine(error.message, error.code), yamlCode: error.code }, [], range);
    }
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    reader.report('yaml-warning', { detail: firstLine(warning.message, warning.code), yamlCode: warning.code }, [], reader.range(start, end), { severity: 'warning' });
  }
  if (doc.errors.length > 0) return { value: undefined, diagnostics: reader.diagnostics, map: reader.map };
  // The document itself, for an empty text (the walk overwrites it with the root node's range).
  reader.record([], reader.range(0, 0));
  const value = reader.read(doc.contents, [], 0, reader.map.root);
  return { value: reader.aborted ? undefined : value, diagnostics: reader.diagnostics, map: reader.map };
}

/**
 * A text with input-method slips in its structure ({@link scanInputMistakes}): each slip is
 * reported where it is, with what to type instead, and the YAML parser's errors from the first
 * slip's line on — its knock-on errors — are counted, not shown (the count goes into the first
 * slip's message). Errors on earlier lines are reported as usual. The text is not read further:
 * what the parser made of it would only cause more knock-on errors.
 */
function reportInputMistakes(text: string, lines: LineIndex, options: ParseSourceOptions, mistakes: readonly InputMistake[]): ParsedSource {
  const slipLine = lines.position(mistakes[0]?.start ?? 0).line;
  const earlier: Diagnostic[] = [];
  let suppressed = 0;
  try {
    const doc = parseDocument(text, YAML_OPTIONS);
    const reportedLines = new Set<number>();
    for (const error of doc.errors) {
      if (error.code === 'DUPLICATE_KEY') continue;
      const at = lines.position(error.pos[0]);
      if (reportedLines.has(at.line)) continue;
      reportedLines.add(at.line);
      if (at.line >= slipLine) {
        suppressed++;
        continue;
      }
      const range = { start: at, end: lines.position(Math.max(error.pos[1], error.pos[0])) };
      earlier.push(createDiagnostic('yaml-syntax', { detail: firstLine(error.message, error.code) }, [], diagnosticOptions(options, range)));
    }
  } catch {
    // The slips are reported whatever the parser makes of the text.
  }
  const diagnostics = mistakes.map((mistake, index) => {
    const range = { start: lines.position(mistake.start), end: lines.position(mistake.end) };
    const params = index === 0 && suppressed > 0 ? { found: mistake.found, expected: mistake.expected, suppressed } : { found: mistake.found, expected: mistake.expected };
    return createDiagnostic(mistake.code, params, [], diagnosticOptions(options, range));
  });
  return { value: undefined, diagnostics: [...earlier, ...diagnostics], map: new SourceMap(options.file) };
}

/**
 * {@link parseSource} by segments only, whatever the text's length: the result, or `undefined`
 * where `parseSource` would parse the text whole. For tests that compare both ways.
 *
 * @internal
 */
export function parseSourceSegmented(text: string, options: ParseSourceOptions = {}): ParsedSource | undefined {
  // parseSource reports a text with input-method slips without reading it (no segments).
  if (scanInputMistakes(text).length > 0) return undefined;
  return parseSegmented(text, new LineIndex(text), options);
}

/**
 * {@link parseSource} without the segmented parse, whatever the text's length (as `parseSource`
 * parses texts it cannot segment). For tests that compare both ways.
 *
 * @internal
 */
export function parseSourceWhole(text: string, options: ParseSourceOptions = {}): ParsedSource {
  return readSource(text, options, false);
}

/** One piece of a text cut by {@link segmentText}: `[start, end)`, a run of top-level pairs or of list items. */
interface Segment {
  start: number;
  end: number;
  /** Items of the list the last pair of the previous pairs segment opened (else top-level pairs). */
  items: boolean;
  /** For a pairs segment whose last pair's list goes on in the next segments: where that list's first `-` is. */
  listStart?: number;
}

/**
 * Cuts a plan text that is a plain block mapping at the top into segments that parse on their own
 * as the whole text parses: runs of top-level pairs (cut before a top-level `key:` line) and runs
 * of items of a top-level block list (cut before an item's `-` line, at the list's indentation).
 * Returns `undefined` for anything else at the start of a line (directives, document markers,
 * quoted or complex top-level keys, tabs or less indentation than a list's items, CR line
 * ends…): such texts are parsed whole.
 */
function segmentText(text: string): Segment[] | undefined {
  if (text.includes('\r')) return undefined;
  const segments: Segment[] = [];
  const n = text.length;
  let start = 0;
  let items = false;
  let sawKey = false;
  /** Indentation of the current top-level list's items, or -1 outside a list. */
  let listIndent = -1;
  let itemsSeen = 0;
  let listStart = -1;
  const cut = (at: number, nextItems: boolean): void => {
    const segment: Segment = { start, end: at, items };
    if (nextItems && !items) segment.listStart = listStart;
    segments.push(segment);
    start = at;
    items = nextItems;
  };
  for (let lineStart = 0; lineStart < n; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    const next = lineEnd + 1;
    let indent = 0;
    while (lineStart + indent < lineEnd && text.charCodeAt(lineStart + indent) === 32) indent++;
    const first = lineStart + indent;
    if (first === lineEnd || text.charCodeAt(first) === 35 /* # */) {
      lineStart = next;
      continue;
    }
    const isItem = text.charCodeAt(first) === 45 /* - */ && (first + 1 === lineEnd || text.charCodeAt(first + 1) === 32);
    if (listIndent >= 0 && indent === listIndent && isItem) {
      itemsSeen++;
      if (itemsSeen > 1 && first - start >= SEGMENT_LENGTH) cut(lineStart, true);
      lineStart = next;
      continue;
    }
    if (indent > 0) {
      if (!sawKey || (listIndent >= 0 && indent < listIndent)) return undefined;
      if (listIndent >= 0 && indent === listIndent) return undefined;
      lineStart = next;
      continue;
    }
    const key = TOP_LEVEL_KEY.exec(text.slice(lineStart, lineEnd));
    if (key === null) return undefined;
    // Short runs of pairs stay together; a list's items end at the next top-level key.
    if (sawKey && (items || lineStart - start >= SEGMENT_LENGTH)) cut(lineStart, false);
    sawKey = true;
    listIndent = -1;
    itemsSeen = 0;
    if (key[1] === undefined) {
      // `key:` alone: its value is a block list when the next content line is an item.
      for (let at = next; at < n; ) {
        let end = text.indexOf('\n', at);
        if (end === -1) end = n;
        let j = at;
        while (j < end && text.charCodeAt(j) === 32) j++;
        if (j < end && text.charCodeAt(j) !== 35) {
          if (text.charCodeAt(j) === 45 && (j + 1 === end || text.charCodeAt(j + 1) === 32)) {
            listIndent = j - at;
            listStart = j;
          }
          break;
        }
        at = end + 1;
      }
    }
    lineStart = next;
  }
  if (!sawKey) return undefined;
  segments.push({ start, end: n, items });
  return segments.length > 1 ? segments : undefined;
}

/** A top-level `key:` line with a plain key; group 1 is what follows `key:` unless that is only spaces and a comment. */
const TOP_LEVEL_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*:(?: *(?:#.*)?$| +([^\s#].*)$)/;

/**
 * Parse a large text segment by segment ({@link segmentText}), each as its own YAML document
 * walked at once, so that no syntax tree of the whole text is ever held (most of the parser's
 * cost on large texts is the garbage collector copying that tree). The result is the same as
 * {@link parseWhole}'s; `undefined` (parse the whole text instead) whenever a segment has an error
 * or warning, or anything whose meaning could depend on the rest of the text: an alias, a
 * duplicate top-level key, a refused node.
 */
function parseSegmented(text: string, lines: LineIndex, options: ParseSourceOptions): ParsedSource | undefined {
  const segments = segmentText(text);
  if (segments === undefined) return undefined;
  let reader: Reader | undefined;
  const out = Object.create(null) as Record<string, unknown>;
  const topKeys = new Set<unknown>();
  let rootStart = -1;
  let rootEnd = -1;
  /** The top-level list the following item segments go on. */
  let list: { values: unknown[]; name: string; node: SourceNode; start: number } | undefined;
  const cached = options.cache?.segments;
  // The trees this parse uses become the cache's content (those of older texts are let go).
  const used = options.cache === undefined ? undefined : new Map<string, Document>();
  if (options.cache !== undefined && used !== undefined) options.cache.segments = used;
  for (const segment of segments) {
    const source = text.slice(segment.start, segment.end);
    let doc = cached?.get(source);
    if (doc === undefined) {
      try {
        doc = parseDocument(source, YAML_OPTIONS);
      } catch {
        return undefined;
      }
    }
    used?.set(source, doc);
    if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
    if (reader === undefined) {
      reader = new Reader(doc, lines, options);
      reader.record([], reader.range(0, 0));
    }
    reader.doc = doc;
    reader.base = segment.start;
    const contents = doc.contents;
    const range = contents?.range;
    if (range === undefined || range === null) return undefined;
    if (segment.items) {
      if (list === undefined || !isSeq(contents) || range[0] + segment.start !== segment.start + (list.start - lineStartOf(text, list.start))) return undefined;
      for (const item of contents.items) {
        const index = list.values.length;
        list.values.push(reader.read(item, [list.name, index], 2, list.node.child(index)));
      }
      // The list's node spans all its segments.
      reader.map.setOffsets(list.node, list.start, Math.max(range[1] + segment.start, list.start));
    } else {
      if (!isMap(contents)) return undefined;
      if (rootStart < 0) rootStart = range[0] + segment.start;
      list = undefined;
      let last: { raw: unknown } | undefined;
      for (const pair of contents.items) {
        last = reader.readPair(pair, out, [], 0, reader.map.root);
        if (last === undefined) return undefined;
        if (topKeys.has(last.raw) || (typeof last.raw === 'number' && Number.isNaN(last.raw))) return undefined;
        topKeys.add(last.raw);
      }
      if (segment.listStart !== undefined) {
        const lastPair = contents.items[contents.items.length - 1];
        const value = lastPair?.value;
        if (last === undefined || lastPair === undefined || !isSeq(value) || value.range === undefined || value.range === null) return undefined;
        const name = String(last.raw);
        const values = out[name];
        if (!Array.isArray(values) || value.range[0] + segment.start !== segment.listStart) return undefined;
        list = { values, name, node: reader.map.root.child(name), start: segment.listStart };
      }
    }
    if (reader.aborted || reader.sawAlias) return undefined;
    rootEnd = range[1] + segment.start;
  }
  if (reader === undefined || rootStart < 0) return undefined;
  reader.map.setOffsets(reader.map.root, rootStart, Math.max(rootEnd, rootStart));
  return { value: out, diagnostics: reader.diagnostics, map: reader.map };
}

/** The offset of the start of the line `offset` is on. */
function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
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
