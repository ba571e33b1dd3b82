import type { DiagnosticCode, DiagnosticParams, IdKind, UnknownRefParams } from '../diagnostics/codes.js';
import type { Condition } from './schema/condition.js';
import type { Field } from './schema/field.js';
import type { PlanDefinition } from './schema/plan.js';
import type { Team } from './schema/team.js';

/** Where in the plan document a reference is: keys and list indexes from the root. */
export type ReferencePath = Array<string | number>;

/** Ids a reference may name: the list (order kept for messages and suggestions) and a set for lookups, built once per plan. */
export class KnownIds {
  #set: Set<string> | undefined;
  constructor(readonly list: readonly string[]) {}
  has(id: string): boolean {
    this.#set ??= new Set(this.list);
    return this.#set.has(id);
  }
}

/** The diagnostic codes of an unknown reference (their parameters name the id, the known ids and a suggestion). */
export type UnknownRefCode = {
  [C in DiagnosticCode]: DiagnosticParams[C] extends UnknownRefParams ? C : never;
}[DiagnosticCode];

/**
 * What the reference checks of one part of a plan (check-quantities.ts, check-level-duties.ts)
 * see of the whole check: the plan, its ids, and where to report. `ReferenceChecker`
 * (check-references.ts) is the one implementation; the parts take this interface so that they do
 * not import the checker that calls them.
 */
export interface ReferenceScope {
  readonly plan: PlanDefinition;
  readonly teams: ReadonlyMap<string, Team>;
  readonly fields: ReadonlyMap<string, Field>;
  readonly severity: KnownIds;
  readonly teamIds: KnownIds;
  readonly fieldIds: KnownIds;
  /** Report a diagnostic at `path` (at its key with `target: 'key'`). */
  push<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], path: ReferencePath, target?: 'key'): void;
  /** Report `id` unless it is in `ids`, with the closest known id as a suggestion. */
  ref(code: UnknownRefCode, id: string, ids: KnownIds, path: ReferencePath, target?: 'key'): void;
  /** Report every repeated id of `items`. */
  duplicates(items: ReadonlyArray<{ id: string }>, path: ReferencePath, kind: IdKind): void;
  /** Check a `when` condition's fields, levels and thresholds. */
  checkWhen(condition: Condition, path: ReferencePath): void;
}
