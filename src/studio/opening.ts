import type { ParseCache, PlanDefinition } from '../index.js';
import { analyzePlan, type PlanAnalysis } from './analyze-plan.js';
import type { Workspace } from './workspace.js';

/** A file as the page opens it: its text and the version on disk (`null`: not on disk yet, the starter plan). */
export interface OpenedFile {
  path: string;
  text: string;
  version: string | null;
}

/**
 * What the page needs to show the plan checked and drawn on its first view: the files it opens
 * and the check of exactly those texts, in the language the page starts in.
 */
export interface Opening {
  /** The plan first, then the files it includes that could be read. */
  files: OpenedFile[];
  /** The language of the page's first view (the plan's first locale when the studio speaks it, else `en`) and of `analysis`. */
  locale: UiLocale;
  /** The check of `files` in `locale`: what `/api/check` answers for the same texts. */
  analysis: PlanAnalysis;
  definition?: PlanDefinition;
  /**
   * Whether a later request may reuse this opening once every file in `files` still has its
   * version on disk. Not when the check could not read an included file (missing, unreadable,
   * too large, …): that file may appear or change without any version here changing.
   */
  reusable: boolean;
}

/** The languages of the page's UI and messages. */
export type UiLocale = 'en' | 'zh-CN';

/** Codes by which the check says it did not read an included file: an opening with one is not reused. */
const UNREAD_FILE_CODES = new Set(['include-not-found', 'not-a-file', 'file-unreadable', 'unsupported-encoding', 'file-too-large', 'includes-too-large', 'include-outside-plan', 'too-many-includes']);

/** The page's first language for a plan's locales: its first locale when the studio speaks it, else English. */
export function firstLocale(locales: readonly string[]): UiLocale {
  const preferred = locales[0];
  return preferred === 'zh-CN' || preferred === 'en' ? preferred : 'en';
}

/** Where {@link computeOpening} reads the plan: from disk, or the starter text of a plan not on disk yet. */
export type PlanText = { kind: 'disk' } | { kind: 'starter'; text: string };

/**
 * Reads the plan and its included files and checks them, in the plan's first language. The
 * check runs on the texts read here (included files too, given as unsaved texts), so the page,
 * which opens exactly these texts, gets the same answer as a check of them would give.
 * `guess` is the language to try first (the last opening's); a plan whose first locale differs
 * is checked a second time in it.
 */
export function computeOpening(workspace: Workspace, planFile: string, plan: PlanText, guess: UiLocale, parseCache?: ParseCache): Opening {
  const planFileText: OpenedFile = plan.kind === 'starter' ? { path: planFile, text: plan.text, version: null } : workspace.read(planFile);
  let locale = guess;
  let texts = new Map([[planFile, planFileText.text]]);
  let result = analyzePlan(workspace, planFile, texts, locale, parseCache);
  const files: OpenedFile[] = [planFileText];
  for (const name of result.analysis.files.slice(1)) {
    try {
      files.push(workspace.read(name));
    } catch {
      // A missing include is a diagnostic of the check, not a failure to open the studio.
    }
  }
  // Check once more when the language was a wrong guess or an included file changed between the
  // check's read and ours: from then on, the included texts are the ones read here.
  const wanted = firstLocale(result.analysis.locales);
  const drifted = files.slice(1).some((file) => result.sources.get(file.path) !== file.text);
  if (wanted !== locale || drifted) {
    locale = wanted;
    texts = new Map(files.map((file) => [file.path, file.text]));
    result = analyzePlan(workspace, planFile, texts, locale, parseCache);
  }
  const reusable = !result.analysis.diagnostics.some((d) => UNREAD_FILE_CODES.has(d.code)) && result.analysis.files.every((name) => files.some((file) => file.path === name));
  const opening: Opening = { files, locale, analysis: result.analysis, reusable };
  if (result.definition !== undefined) opening.definition = result.definition;
  return opening;
}

/**
 * Whether an opening still shows what is on disk: it is reusable and every file it opened has
 * the same version now (a plan not on disk yet must still be missing).
 */
export function isCurrent(opening: Opening, workspace: Workspace, planMissing: () => boolean): boolean {
  if (!opening.reusable) return false;
  for (const file of opening.files) {
    if (file.version === null) {
      if (!planMissing()) return false;
      continue;
    }
    try {
      if (workspace.read(file.path).version !== file.version) return false;
    } catch {
      return false;
    }
  }
  return true;
}
