import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import { checkReferences } from './check-references.js';
import { Id } from './schema/common.js';
import { PlanSchema } from './schema/plan.js';

/** The parts of a schema issue this module reads (zod's issue shape). */
interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

/**
 * The findings that refer to the items of a list by id. When an item of the list was set aside
 * without a valid id of its own, nobody can tell which id it meant, so these findings are left out.
 */
const REFERENCES_TO: Readonly<Record<string, readonly string[]>> = {
  severity: ['unknown-severity', 'missing-severity-level'],
  categories: ['unknown-category'],
  roles: ['unknown-role', 'unknown-position', 'vacant-position'],
  teams: ['unknown-team', 'unknown-position', 'vacant-position'],
  fields: ['unknown-field', 'unknown-placeholder', 'condition-type-mismatch', 'condition-operator'],
  resources: ['unknown-resource'],
  templates: ['unknown-template'],
  effects: ['unknown-effect'],
  events: ['unknown-event'],
  stages: ['unknown-stage', 'deadline-needs-stage'],
  deadlines: ['unknown-deadline'],
  thresholds: ['unknown-threshold'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string under an `id` key in `value` (the ids a removed item declared, its tracks' too). */
function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'id' && typeof item === 'string') into.add(item);
    else collectIds(item, into, depth + 1);
  }
}

/** Whether a diagnostic's data names one of `ids` (then it may only be a knock-on of a removed item). */
function mentions(value: unknown, ids: ReadonlySet<string>, depth = 0): boolean {
  if (typeof value === 'string') return ids.has(value);
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((item) => mentions(item, ids, depth + 1));
}

/**
 * Cross-reference diagnostics for a plan that failed the schema, from the parts that passed it,
 * so that one run shows both kinds. Every list item (`stages[3]`, `roles[0]`, …) with a schema
 * issue is set aside and unknown top-level keys are dropped; when what is left passes the schema,
 * the reference checks run on it and their findings are mapped back to the original list
 * positions. Findings that name an id declared by a set-aside item are left out: they are
 * knock-ons of the schema error, not mistakes of their own. When the schema issues are not all
 * inside list items (a bad `version`, a list that is not a list), nothing is reported: the
 * reference checks would have too little to stand on.
 *
 * @example
 * const extra = checkReferencesOfValidParts(value, parsed.error.issues, 'en'); // unknown-role in stages[2] though stages[0] has a schema error
 */
export function checkReferencesOfValidParts(value: unknown, issues: readonly SchemaIssue[], locale: Locale): Diagnostic[] {
  if (!isRecord(value)) return [];
  const removed = new Map<string, Set<number>>();
  const dropKeys = new Set<string>();
  for (const issue of issues) {
    const [section, index] = issue.path;
    if (issue.path.length === 0 && issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
      for (const key of issue.keys) dropKeys.add(key);
      continue;
    }
    if (typeof section !== 'string' || typeof index !== 'number' || !Array.isArray(value[section])) return [];
    let indexes = removed.get(section);
    if (indexes === undefined) {
      indexes = new Set();
      removed.set(section, indexes);
    }
    indexes.add(index);
  }
  const removedIds = new Set<string>();
  /** Codes to leave out because an item set aside had no valid id. */
  const uncertain = new Set<string>();
  const kept: Record<string, unknown> = {};
  /** For each pruned list, the original index of each kept item. */
  const originalIndex = new Map<string, number[]>();
  for (const [key, item] of Object.entries(value)) {
    if (dropKeys.has(key)) continue;
    const indexes = removed.get(key);
    if (indexes === undefined || !Array.isArray(item)) {
      kept[key] = item;
      continue;
    }
    const items: unknown[] = [];
    const positions: number[] = [];
    item.forEach((element, index) => {
      if (indexes.has(index)) {
        collectIds(element, removedIds);
        const id = isRecord(element) ? element['id'] : undefined;
        if (!Id.safeParse(id).success) {
          for (const code of REFERENCES_TO[key] ?? []) uncertain.add(code);
          if (REFERENCES_TO[key] === undefined) uncertain.add('*');
        }
      } else {
        items.push(element);
        positions.push(index);
      }
    });
    kept[key] = items;
    originalIndex.set(key, positions);
  }
  const parsed = PlanSchema.safeParse(kept);
  if (!parsed.success) return [];
  const out: Diagnostic[] = [];
  for (const d of checkReferences(parsed.data, { locale })) {
    if (mentions(d.params, removedIds) || uncertain.has(d.code) || (uncertain.has('*') && d.code.startsWith('unknown-'))) continue;
    const [section, index] = d.path;
    const positions = typeof section === 'string' ? originalIndex.get(section) : undefined;
    if (positions !== undefined && typeof index === 'number') {
      const original = positions[index];
      if (original === undefined) continue;
      out.push({ ...d, path: [section as string, original, ...d.path.slice(2)] });
    } else out.push(d);
  }
  return out;
}
