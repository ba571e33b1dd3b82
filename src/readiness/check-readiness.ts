import { compareDiagnostics } from '../diagnostics/compare-diagnostics.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../diagnostics/locale.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { localize } from '../report/plan-definition-of.js';
import type { Inventory } from './inventory-schema.js';
import type { DataFileLocator } from './read-data-file.js';
import { readinessDiagnostic } from './readiness-diagnostic.js';
import type { Roster } from './roster-schema.js';
import { teamPositions } from './team-positions.js';

/** A checked roster or inventory with the positions of its nodes. */
export interface Located<T> {
  readonly value: T;
  readonly source: DataFileLocator;
}

/** Options of {@link checkReadiness}. */
export interface CheckReadinessOptions {
  readonly roster: Located<Roster>;
  /** Without an inventory, resources are not checked (`summary.resources` is `null`). */
  readonly inventory?: Located<Inventory>;
  readonly locale?: Locale;
}

/** Counts of what is covered. */
export interface ReadinessSummary {
  readonly roles: { readonly total: number; readonly staffed: number };
  readonly positions: { readonly total: number; readonly backedUp: number };
  readonly resources: { readonly total: number; readonly available: number } | null;
}

/** What {@link checkReadiness} finds. */
export interface ReadinessReport {
  /** No gap of severity `error`. */
  readonly ready: boolean;
  /** The gaps, pointing into the roster or inventory, in file and position order. */
  readonly diagnostics: Diagnostic[];
  readonly summary: ReadinessSummary;
}

/**
 * Checks that the people and resources on hand can run the plan (section 5 of the seed plan):
 * every role is held by someone on the roster; every team position (leader, deputy) has a named
 * backup who is not its only holder; every resource a stage uses is in the inventory and available
 * (a `whenNeeded` resource that is missing or unavailable is a warning). Each gap points at the
 * roster or inventory: the `people` / `resources` key where something must be added, or the entry
 * that falls short.
 *
 * @example
 * const report = checkReadiness(plan, { roster, inventory });
 * report.ready; // true
 * report.summary.roles; // { total: 15, staffed: 15 }
 */
export function checkReadiness(plan: PlanDefinition, options: CheckReadinessOptions): ReadinessReport {
  const locale = options.locale ?? 'en';
  const { roster, inventory } = options;
  const people = roster.value.people;
  const out: Diagnostic[] = [];
  const title = (t: Parameters<typeof localize>[0], id: string): string => localize(t, locale, id);

  const holders = (role: string): string[] => people.filter((p) => p.roles.includes(role)).map((p) => p.id);
  let staffed = 0;
  for (const role of plan.roles) {
    if (holders(role.id).length > 0) staffed += 1;
    else out.push(readinessDiagnostic('role-unstaffed', 'error', { role: role.id, title: title(role.title, role.id) }, { source: roster.source, path: ['people'], key: true }, locale));
  }

  const positions = teamPositions(plan);
  let backedUp = 0;
  for (const { position, role } of positions) {
    const backers = people.flatMap((p, i) => (p.backs.includes(position) ? [{ person: p, i, k: p.backs.indexOf(position) }] : []));
    if (backers.length === 0) {
      out.push(readinessDiagnostic('position-without-backup', 'error', { position, role }, { source: roster.source, path: ['people'], key: true }, locale));
      continue;
    }
    const held = holders(role);
    const real = backers.filter(({ person }) => !(held.length === 1 && held[0] === person.id));
    if (real.length > 0) {
      backedUp += 1;
      continue;
    }
    const first = backers[0] as (typeof backers)[number];
    out.push(
      readinessDiagnostic('backup-is-only-holder', 'error', { person: first.person.id, position, role }, { source: roster.source, path: ['people', first.i, 'backs', first.k] }, locale),
    );
  }

  let resources: ReadinessSummary['resources'] = null;
  if (inventory !== undefined) {
    const usedIn = new Map<string, string[]>();
    for (const stage of plan.stages) {
      for (const r of stage.resources) usedIn.set(r, [...(usedIn.get(r) ?? []), stage.id]);
    }
    let available = 0;
    let total = 0;
    for (const resource of plan.resources) {
      const stages = usedIn.get(resource.id);
      if (stages === undefined) continue;
      total += 1;
      const severity = resource.whenNeeded === true ? 'warning' : 'error';
      const data = { resource: resource.id, title: title(resource.title, resource.id), stages: stages.join(', ') };
      const i = inventory.value.resources.findIndex((item) => item.id === resource.id);
      const item = inventory.value.resources[i];
      if (item === undefined) {
        out.push(readinessDiagnostic('resource-missing', severity, data, { source: inventory.source, path: ['resources'], key: true }, locale));
      } else if (!item.available) {
        const note = item.note === undefined ? '' : ` (${item.note})`;
        out.push(readinessDiagnostic('resource-unavailable', severity, { ...data, note }, { source: inventory.source, path: ['resources', i, 'available'] }, locale));
      } else {
        available += 1;
      }
    }
    resources = { total, available };
  }

  const files = [roster.source.locate([]).file, inventory?.source.locate([]).file].filter((f): f is string => f !== undefined);
  return {
    ready: !out.some((d) => d.severity === 'error'),
    diagnostics: out.sort(compareDiagnostics(files)),
    summary: { roles: { total: plan.roles.length, staffed }, positions: { total: positions.length, backedUp }, resources },
  };
}
