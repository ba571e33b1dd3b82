import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import type { Locale } from '../diagnostics/locale.js';
import { MAX_FILE_BYTES, MAX_INCLUDED_FILES, MAX_PLAN_BYTES } from './limits.js';
import { parseSource } from './parse-source.js';
import { notAFileKind, readPlanFile } from './read-plan-file.js';
import { INCLUDABLE_SECTIONS, PlanSchema } from './schema/plan.js';
import { objectKeys } from './schema-walk.js';
import type { SourceMap } from './source-map.js';
import { valueKind } from './value-kind.js';

type Path = Array<string | number>;

/** Where includes are read from, and what was read. */
export interface IncludeContext {
  /** The plan's folder (absolute); no included file may lie outside it. */
  planDir: string;
  locale: Locale;
  diagnostics: Diagnostic[];
  /** Display file name → text of every file read (for code frames). */
  sources: Map<string, string>;
  /**
   * Bytes read so far for this plan (its own text when includes are resolved); every included
   * file read adds its size, and no include may take the total past {@link MAX_PLAN_BYTES}.
   */
  bytes?: number;
  /** Texts that stand in for files on disk, by real absolute path (an editor's unsaved buffers). */
  files?: ReadonlyMap<string, string>;
}

interface Contribution {
  section: string;
  items: unknown[];
  map: SourceMap;
}

interface Including {
  /** Absolute path of the including file, or of a file inside the folder includes are relative to. */
  absolute: string;
  /** Its name as diagnostics show it (relative to the user's working folder when possible). */
  display: string | undefined;
  map: SourceMap;
  /** Real paths of the files that led here, the including file last. */
  stack: string[];
  displayStack: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

class IncludeResolver {
  #count = 0;
  /** Real paths of the files included so far: each is read once. */
  readonly #seen = new Set<string>();
  /** Set once an include would pass {@link MAX_PLAN_BYTES}: nothing more is read. */
  #overBudget = false;
  readonly #allowed = [...INCLUDABLE_SECTIONS, 'include', '$schema'];
  readonly #planKeys = objectKeys(PlanSchema);

  constructor(readonly ctx: IncludeContext) {}

  report<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], at: Including, where: Path, target?: 'key', severity?: 'warning'): void {
    const located = target === 'key' ? at.map.locateKey(where) : at.map.locate(where);
    const options: Parameters<typeof createDiagnostic>[3] = { locale: this.ctx.locale };
    if (severity !== undefined) options.severity = severity;
    if (located.file !== undefined) options.file = located.file;
    else if (at.display !== undefined) options.file = at.display;
    if (located.range !== undefined) options.range = located.range;
    if (target !== undefined) options.target = target;
    this.ctx.diagnostics.push(createDiagnostic(code, params, where, options));
  }

  /** The valid entries of an `include` list, reporting the others. */
  entries(list: unknown, at: Including): Array<{ entry: string; index: number }> {
    if (!Array.isArray(list)) {
      this.report('wrong-type', { expected: ['array'], received: valueKind(list) }, at, ['include']);
      return [];
    }
    const out: Array<{ entry: string; index: number }> = [];
    list.forEach((entry, index) => {
      if (typeof entry === 'string' && entry.trim() !== '') out.push({ entry, index });
      else if (typeof entry === 'string') this.report('invalid-value', { kind: 'too-small', origin: 'string', limit: 1, inclusive: true }, at, ['include', index]);
      else this.report('wrong-type', { expected: ['string'], received: valueKind(entry) }, at, ['include', index]);
    });
    return out;
  }

  /** Read the files `list` names (relative to `at`) and everything they include, in order. */
  collect(list: unknown, at: Including): Contribution[] {
    const contributions: Contribution[] = [];
    for (const { entry, index } of this.entries(list, at)) {
      const where: Path = ['include', index];
      const display = path.normalize(at.display === undefined ? entry : path.join(path.dirname(at.display), entry));
      const resolved = path.resolve(path.dirname(at.absolute), entry);
      if (path.isAbsolute(entry) || !isInside(this.ctx.planDir, resolved)) {
        this.report('include-outside-plan', { file: entry }, at, where);
        continue;
      }
      const stats = statOf(resolved);
      if (stats === undefined) {
        this.report('include-not-found', { file: entry }, at, where);
        continue;
      }
      if (!stats.isFile()) {
        this.report('not-a-file', { file: entry, kind: notAFileKind(stats) }, at, where);
        continue;
      }
      const real = realpathSync(resolved);
      if (!isInside(this.ctx.planDir, real)) {
        this.report('include-outside-plan', { file: entry }, at, where);
        continue;
      }
      if (at.stack.includes(real)) {
        const start = at.stack.indexOf(real);
        this.report('include-cycle', { file: display, chain: [...at.displayStack.slice(start), display] }, at, where);
        continue;
      }
      if (this.#seen.has(real)) {
        this.report('include-repeated', { file: entry }, at, where, undefined, 'warning');
        continue;
      }
      this.#seen.add(real);
      if (this.#overBudget) continue;
      if (++this.#count > MAX_INCLUDED_FILES) {
        this.report('too-many-includes', { limit: MAX_INCLUDED_FILES }, at, where);
        return contributions;
      }
      const firstChar = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
      // An editor's unsaved text stands in for the file (the studio); it counts like the file would.
      const overlay = this.ctx.files?.get(real);
      const size = overlay === undefined ? stats.size : Buffer.byteLength(overlay, 'utf8');
      if (size > MAX_FILE_BYTES) {
        this.ctx.diagnostics.push(createDiagnostic('file-too-large', { size, limit: MAX_FILE_BYTES }, [], { locale: this.ctx.locale, file: display, range: firstChar }));
        continue;
      }
      const before = this.ctx.bytes ?? 0;
      if (before + size > MAX_PLAN_BYTES) {
        this.#overBudget = true;
        this.report('includes-too-large', { file: entry, size, total: before + size, limit: MAX_PLAN_BYTES }, at, where);
        continue;
      }
      let text: string;
      if (overlay !== undefined) {
        this.ctx.bytes = before + size;
        text = overlay;
      } else {
        const read = readPlanFile(real, MAX_PLAN_BYTES - before);
        if (read.kind === 'too-large') {
          // it grew since it was measured
          this.#overBudget = true;
          this.report('includes-too-large', { file: entry, size: read.bytes, total: before + read.bytes, limit: MAX_PLAN_BYTES }, at, where);
          continue;
        }
        if (read.kind === 'encoding') {
          this.ctx.diagnostics.push(createDiagnostic('unsupported-encoding', { encoding: read.encoding }, [], { locale: this.ctx.locale, file: display, range: firstChar }));
          continue;
        }
        if (read.kind === 'missing') {
          this.report('include-not-found', { file: entry }, at, where);
          continue;
        }
        if (read.kind === 'not-a-file') {
          this.report('not-a-file', { file: entry, kind: read.what }, at, where);
          continue;
        }
        if (read.kind === 'unreadable') {
          this.ctx.diagnostics.push(createDiagnostic('file-unreadable', { file: display, detail: read.detail }, [], { locale: this.ctx.locale, file: display }));
          continue;
        }
        this.ctx.bytes = before + read.bytes;
        text = read.text;
      }
      this.ctx.sources.set(display, text);
      const parsed = parseSource(text, { file: display, locale: this.ctx.locale });
      for (const d of parsed.diagnostics) this.ctx.diagnostics.push(d);
      if (parsed.value === undefined) continue;
      const here: Including = {
        absolute: real,
        display,
        map: parsed.map,
        stack: [...at.stack, real],
        displayStack: [...at.displayStack, display],
      };
      for (const c of this.sections(parsed.value, here)) contributions.push(c);
    }
    return contributions;
  }

  /** The sections one included file contributes, then those of the files it includes. */
  sections(value: unknown, at: Including): Contribution[] {
    if (!isRecord(value)) {
      this.report('wrong-type', { expected: ['object'], received: valueKind(value) }, at, []);
      return [];
    }
    const own: Contribution[] = [];
    for (const [key, items] of Object.entries(value)) {
      if (key === 'include' || key === '$schema') continue;
      if ((INCLUDABLE_SECTIONS as readonly string[]).includes(key)) {
        if (Array.isArray(items)) own.push({ section: key, items, map: at.map });
        else this.report('wrong-type', { expected: ['array'], received: valueKind(items) }, at, [key]);
      } else if (this.#planKeys.includes(key)) {
        this.report('not-includable', { key, allowed: INCLUDABLE_SECTIONS }, at, [key], 'key');
      } else {
        const suggestion = closestMatch(key, this.#allowed);
        this.report('unknown-key', suggestion === undefined ? { key, allowed: this.#allowed } : { key, allowed: this.#allowed, suggestion }, at, [key], 'key');
      }
    }
    if (value.include === undefined) return own;
    return [...own, ...this.collect(value.include, at)];
  }
}

/**
 * Merge a plan's `include`d files into it: each included file is a YAML (or JSON) mapping of
 * sections from `INCLUDABLE_SECTIONS`, whose items are appended to the plan's lists, and may
 * include further files. The `include` key is removed from `plan`; positions of included items are
 * grafted into `map` so that later diagnostics point into the included files. Cycles, paths that
 * leave the plan's folder and missing files are diagnostics in `ctx.diagnostics`.
 *
 * @example
 * resolveIncludes(plan, map, { absolute: '/plans/p.plan.yaml', display: 'plans/p.plan.yaml' }, ctx);
 */
export function resolveIncludes(
  plan: Record<string, unknown>,
  map: SourceMap,
  root: { absolute: string; display: string | undefined; real?: string },
  ctx: IncludeContext,
): void {
  if (!Object.hasOwn(plan, 'include')) return;
  const list = plan.include;
  delete plan.include;
  const resolver = new IncludeResolver(ctx);
  const at: Including = {
    absolute: root.absolute,
    display: root.display,
    map,
    stack: [root.real ?? root.absolute],
    displayStack: [root.display ?? '<plan>'],
  };
  for (const contribution of resolver.collect(list, at)) {
    const existing = plan[contribution.section];
    if (existing === undefined || existing === null) plan[contribution.section] = [];
    const target = plan[contribution.section];
    if (!Array.isArray(target)) continue;
    map.graftList(contribution.map, contribution.section, target.length);
    for (const item of contribution.items) target.push(item);
  }
}
