import path from 'node:path';
import { checkPlan, deadlineMatrix, type DeadlineMatrixRow, type Diagnostic, lint, type Locale, type ParseCache, type PlanDefinition, planGraph, type PlanGraph, type ReferenceKind, referenceSites, type SourceRange } from '../index.js';
import type { Workspace } from './workspace.js';

/** A diagnostic as the page shows it: the file relative to the plan folder, 1-based line:col. */
export interface StudioDiagnostic {
  code: string;
  severity: string;
  message: string;
  path: Array<string | number>;
  /** Relative file name; the plan file when the finding has no file. */
  file: string;
  range?: SourceRange;
}

/** Where a stage is defined, for jumping the editor to it. */
export interface StudioLocation {
  file: string;
  line: number;
  column: number;
}

/** What the page learns from one check of the current texts. */
export interface PlanAnalysis {
  ok: boolean;
  diagnostics: StudioDiagnostic[];
  /** Files the plan reads (the plan first, then its includes), relative. */
  files: string[];
  /** The diagram data, from the last text that passed the schema (absent before any did). */
  graph?: PlanGraph;
  matrix?: DeadlineMatrixRow[];
  /** Stage id → where it is defined. */
  stageLocations: Record<string, StudioLocation>;
  /** The plan's locales (the first is the default UI and message language). */
  locales: string[];
  planId?: string;
  /** Roles (with titles), categories and severity levels, for the rehearsal forms. */
  hints?: { roles: Array<{ id: string; title: string }>; categories: string[]; severity: string[] };
  /** How long the check took on the server (ms). */
  durationMs: number;
}

/** The ids a plan declares, by the kind of reference that names them, for completion. */
export type PlanIds = Partial<Record<ReferenceKind, Array<{ id: string; detail: string }>>>;

/** Result of {@link analyzePlan}, with the valid definition kept for completion, drills and rehearsal. */
export interface AnalysisResult {
  analysis: PlanAnalysis;
  definition?: PlanDefinition;
  /** The text the check read of each file in `analysis.files` (relative name → text). */
  sources: ReadonlyMap<string, string>;
}

function isLocale(value: string): value is Locale {
  return value === 'en' || value === 'zh-CN';
}

/**
 * Checks the plan from the page's current texts (the plan file and any included file the page
 * holds; other includes are read from disk): `checkPlan` then, when it passes, `lint` — the same
 * codes and positions as `planwright lint` — plus the graph, the deadline matrix and where each
 * stage is defined. `parseCache`, kept across calls, re-parses a large plan only where it changed.
 */
export function analyzePlan(workspace: Workspace, planFile: string, texts: ReadonlyMap<string, string>, locale: string, parseCache?: ParseCache): AnalysisResult {
  const started = performance.now();
  const messageLocale: Locale = isLocale(locale) ? locale : 'en';
  const planAbsolute = workspace.resolve(planFile);
  const planText = texts.get(planFile) ?? '';
  const overlay = new Map<string, string>();
  for (const [name, text] of texts) if (name !== planFile) overlay.set(workspace.resolve(name), text);
  const checked = checkPlan({ text: planText, file: planAbsolute }, { locale: messageLocale, files: overlay, ...(parseCache === undefined ? {} : { parseCache }) });
  const relative = (file: string | undefined): string => (file === undefined ? planFile : workspace.relative(path.resolve(workspace.root, file)));
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  let definition: PlanDefinition | undefined;
  if (checked.ok && checked.plan !== undefined) {
    definition = checked.plan;
    try {
      for (const finding of lint(checked.plan, { locator: checked.source, locale: messageLocale })) diagnostics.push(finding);
    } catch (error) {
      diagnostics.push({ code: 'lint-failed', severity: 'error', message: error instanceof Error ? error.message : String(error), path: [] });
    }
  }
  const stageLocations: Record<string, StudioLocation> = {};
  const analysis: PlanAnalysis = {
    ok: checked.ok && !diagnostics.some((d) => d.severity === 'error'),
    diagnostics: diagnostics.map((d) => {
      const out: StudioDiagnostic = { code: d.code, severity: d.severity, message: d.message, path: [...d.path], file: relative(d.file) };
      if (d.range !== undefined) out.range = d.range;
      return out;
    }),
    files: [...checked.sources.keys()].map((name) => relative(name)),
    stageLocations,
    locales: definition?.locales ?? [],
    durationMs: 0,
  };
  if (definition !== undefined) {
    analysis.planId = definition.id;
    analysis.graph = planGraph(definition, { locale });
    analysis.matrix = deadlineMatrix(definition, { locale });
    const titleOf = (title: unknown, id: string): string =>
      typeof title === 'string' ? title : title !== null && typeof title === 'object' ? ((title as Record<string, string>)[locale] ?? Object.values(title as Record<string, string>)[0] ?? id) : id;
    analysis.hints = {
      roles: definition.roles.map((role) => ({ id: role.id, title: titleOf(role.title, role.id) })),
      categories: definition.categories.map((c) => c.id),
      severity: definition.severity.map((s) => s.id),
    };
    definition.stages.forEach((stage, index) => {
      const at = checked.source.locate(['stages', index]);
      if (at.range !== undefined) stageLocations[stage.id] = { file: relative(at.file), line: at.range.start.line, column: at.range.start.column };
    });
  }
  analysis.durationMs = Math.round((performance.now() - started) * 10) / 10;
  const sources = new Map<string, string>();
  for (const [name, text] of checked.sources) sources.set(relative(name), text);
  const result: AnalysisResult = { analysis, sources };
  if (definition !== undefined) result.definition = definition;
  return result;
}

/** Path patterns (`stages.*.on.*.by.*`) → the kind of id expected there, learned from a valid plan. */
export function referencePatterns(definition: PlanDefinition, into: Map<string, ReferenceKind> = new Map()): Map<string, ReferenceKind> {
  for (const site of referenceSites(definition)) {
    const segments = site.path.map((segment) => (typeof segment === 'number' ? '*' : segment));
    if (site.key === true) segments[segments.length - 1] = '*';
    into.set(segments.join('.'), site.kind);
  }
  return into;
}
