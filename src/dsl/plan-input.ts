import type { ParseCache } from './parse-source.js';
import type { Locale } from '../diagnostics/locale.js';
import type { PlanInput } from './schema/plan.js';

/** A plan file on disk; includes are read relative to it. */
export interface PlanFileInput {
  file: string;
}

/** A plan's text (YAML or JSON). `file` names it in diagnostics and anchors its includes. */
export interface PlanTextInput {
  text: string;
  file?: string;
  /** Informational: JSON is read by the YAML parser too (JSON is YAML 1.2), with positions. */
  format?: 'yaml' | 'json';
}

/**
 * What `checkPlan` and `loadPlan` accept: a file, a text, or a plan object (e.g. from `definePlan`,
 * or data read elsewhere, which is checked like a file's content).
 */
export type PlanSource = PlanFileInput | PlanTextInput | PlanInput | Readonly<Record<string, unknown>>;

/** Options of `checkPlan` and `loadPlan`. */
export interface CheckPlanOptions {
  /** Message locale (default `en`). */
  locale?: Locale;
  /** Folder relative file names are resolved against (default `process.cwd()`). */
  cwd?: string;
  /** Folder a plan object's or an unnamed text's includes are relative to (default `cwd`). */
  baseDir?: string;
  /**
   * Texts that stand in for included files on disk, keyed by the file's real absolute path (as
   * `fs.realpathSync` gives it): an editor checks its unsaved buffers with them. Files not in the
   * map are read from disk; the folder and size limits apply either way.
   */
  files?: ReadonlyMap<string, string>;
  /**
   * Kept by an editor between checks of the same plan text as it changes: a large plan is then
   * re-parsed only where it changed (see `createParseCache`). Included files are parsed as usual.
   */
  parseCache?: ParseCache;
}
