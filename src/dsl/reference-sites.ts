import type { PlanDefinition } from './schema/plan.js';
import { ReferenceChecker } from './check-references.js';

type Path = Array<string | number>;

/** What kind of id a reference site expects: `by` takes a role, a team or a team position (`team.leader`). */
export type ReferenceKind = 'by' | 'role' | 'team' | 'stage' | 'event' | 'field' | 'resource' | 'template' | 'effect' | 'severity' | 'placeholder';

/** One place in a plan where an id is expected, as {@link referenceSites} lists it. */
export interface ReferenceSite {
  /** JSON path of the value (or, with `key`, of the mapping key) that names the id. */
  path: Array<string | number>;
  kind: ReferenceKind;
  /** The id is written as a mapping key (e.g. a severity level of a per-level `due`). */
  key?: boolean;
}

/** A reference checker that records every reference it checks, known or not (first kind wins: a `by` entry stays `by`). */
class SiteRecorder extends ReferenceChecker {
  readonly sites = new Map<string, ReferenceSite>();

  record(kind: ReferenceKind, path: Path, target?: 'key'): void {
    const key = JSON.stringify(path);
    if (this.sites.has(key)) return;
    this.sites.set(key, target === 'key' ? { path: [...path], kind, key: true } : { path: [...path], kind });
  }

  override ref(...args: Parameters<ReferenceChecker['ref']>): void {
    const [code, ids, known, path, target] = args;
    this.record(code.slice('unknown-'.length) as ReferenceKind, path, target);
    super.ref(code, ids, known, path, target);
  }

  override checkBy(entry: string, path: Path): void {
    this.record('by', path);
    super.checkBy(entry, path);
  }
}

/**
 * Every place a schema-valid plan names an id (the same places `checkReferences` checks), with
 * the kind of id expected there — for editors that complete ids: a `by` entry takes a role, a
 * team or a team position, a `target` a stage, `metBy` an event, and so on.
 *
 * @example
 * const sites = referenceSites(PlanSchema.parse(data));
 * sites.find((s) => s.kind === 'stage')?.path; // e.g. ['stages', 0, 'on', 0, 'target']
 */
export function referenceSites(plan: PlanDefinition): ReferenceSite[] {
  const recorder = new SiteRecorder(plan, 'en');
  recorder.run();
  return [...recorder.sites.values()];
}
