import { LineCounter, parseDocument } from 'yaml';
import { scenarioFieldMessage } from '../../messages/scenario-field-messages.js';
import { yamlProblemText } from '../../messages/yaml-messages.js';
import type * as z from 'zod';
import type { Diagnostic, DocumentPath, SourceLocator } from '../../diagnostics/diagnostic.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { ScenarioLocale } from './scenario-codes.js';
import { compareDiagnostics, scenarioDiagnostic, type ScenarioDiagnosticContext } from './scenario-diagnostic.js';
import { DrillScenarioSchema, type DrillScenario } from './scenario-schema.js';
import { checkScenarioStructure } from './check-structure.js';
import { validateScenario } from './validate-scenario.js';
import { yamlLocator } from './yaml-locator.js';

/** The outcome of checking a scenario: the scenario when it is valid, and every diagnostic. */
export interface ScenarioCheck {
  ok: boolean;
  scenario?: DrillScenario;
  diagnostics: Diagnostic[];
  /** Maps paths in the scenario (e.g. `['steps', 2]`) to file positions, when it was parsed from text. */
  locator?: SourceLocator;
}

/** Options of {@link checkScenario}. */
export interface CheckScenarioOptions {
  /** File name for positions and for the scenario's `file`. */
  file?: string;
  /** When given, ids in the scenario are checked against this plan. */
  plan?: PlanDefinition;
  locale?: ScenarioLocale;
}

/**
 * Parses and validates a drill scenario written as YAML or JSON: syntax, the scenario schema,
 * step order, and (with `plan`) every person, role, event, stage, severity and deadline id.
 * Every diagnostic carries the file position of the offending node.
 *
 * @example
 * ```ts
 * const check = checkScenario(text, { file: 'rumour.drill.yaml', plan });
 * if (!check.ok) for (const d of check.diagnostics) console.log(d.range?.start.line, d.code);
 * ```
 */
export function checkScenario(text: string, options: CheckScenarioOptions = {}): ScenarioCheck {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = yamlLocator(doc, lineCounter, options.file);
  const ctx: ScenarioDiagnosticContext = {
    locator,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  };

  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((err): Diagnostic => {
      const start = lineCounter.linePos(err.pos[0]);
      const end = lineCounter.linePos(err.pos[1]);
      const d = scenarioDiagnostic(ctx, 'yaml-syntax', [], { reason: yamlProblemText(err.code, firstLine(err.message), options.locale ?? 'en') });
      return { ...d, range: { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } } };
    });
    return { ok: false, diagnostics, locator };
  }
  return { ...checkScenarioValue(doc.toJS(), { ...options, context: ctx }), locator };
}

/**
 * Validates a scenario that is already a value (parsed JSON, or built in code). Positions are
 * only available through `context.locator`.
 *
 * @example
 * ```ts
 * const check = checkScenarioValue({ drill: 'x', start: '2026-03-02T09:00:00+08:00', people: {}, open: … }, { plan });
 * ```
 */
export function checkScenarioValue(
  value: unknown,
  options: CheckScenarioOptions & { context?: ScenarioDiagnosticContext } = {},
): ScenarioCheck {
  const ctx: ScenarioDiagnosticContext = options.context ?? {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  };
  const parsed = DrillScenarioSchema.safeParse(value);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.flatMap((issue) => issueDiagnostics(ctx, issue, value));
    return { ok: false, diagnostics: diagnostics.sort(compareDiagnostics) };
  }
  const scenario: DrillScenario = { ...parsed.data, ...(options.file === undefined ? {} : { file: options.file }) };
  const diagnostics = [
    ...checkScenarioStructure(scenario, ctx),
    ...(options.plan ? validateScenario(scenario, options.plan, ctx) : []),
  ].sort(compareDiagnostics);
  if (diagnostics.length > 0) return { ok: false, scenario, diagnostics };
  if (options.plan) validatedFor.set(scenario, options.plan);
  return { ok: true, scenario, diagnostics };
}

/** Scenarios this module found valid, and the plan definition they were checked against. */
const validatedFor = new WeakMap<DrillScenario, PlanDefinition>();

/**
 * Whether `scenario` is an object {@link checkScenario} returned as valid for exactly this plan
 * definition (and so needs no second check).
 * @internal
 */
export function isValidatedFor(scenario: DrillScenario, plan: PlanDefinition): boolean {
  return validatedFor.get(scenario) === plan;
}

type Issue = z.core.$ZodIssue;

function issueDiagnostics(ctx: ScenarioDiagnosticContext, issue: Issue, root: unknown): Diagnostic[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => scenarioDiagnostic(ctx, 'unknown-key', path, { key, allowed: allowedKeys(path) }, key));
    case 'invalid_type': {
      if (valueAt(root, path) === undefined && path.length > 0) {
        const key = String(path[path.length - 1]);
        return [scenarioDiagnostic(ctx, 'missing-key', path.slice(0, -1), { key })];
      }
      return [scenarioDiagnostic(ctx, 'invalid-type', path, reasonOf(ctx, issue))];
    }
    default:
      return [scenarioDiagnostic(ctx, 'invalid-value', path, reasonOf(ctx, issue))];
  }
}

/** The schema's reason in the context's locale; none (so the message says it in general words) when it has no translation. */
function reasonOf(ctx: ScenarioDiagnosticContext, issue: Issue): Record<string, string> {
  const reason = scenarioFieldMessage(issue.message, ctx.locale ?? 'en');
  return reason === undefined ? {} : { reason };
}

function valueAt(root: unknown, path: DocumentPath): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

const KEYS = {
  root: ['drill', 'start', 'people', 'open', 'steps', 'expect'],
  open: ['by', 'title', 'category', 'data', 'severity'],
  step: ['at', 'by', 'onBehalfOf', 'send', 'data', 'expect'],
  expect: ['stage', 'severity', 'breaches', 'notified', 'rejected', 'closed'],
};

function allowedKeys(path: DocumentPath): string {
  const last = path[path.length - 1];
  if (path.length === 0) return KEYS.root.join(', ');
  if (last === 'open') return KEYS.open.join(', ');
  if (last === 'expect') return KEYS.expect.join(', ');
  if (path[0] === 'steps' && path.length === 2) return KEYS.step.join(', ');
  return '';
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
