import type { DocumentPath } from '../diagnostics/diagnostic.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../dsl/schema/transition.js';

/** A transition as written in the plan: in a stage's `on`, a track's `on`, or the top-level `transitions`. */
export interface TransitionDeclaration {
  readonly transition: Transition | SharedTransition;
  /** JSON path of the transition object. */
  readonly path: DocumentPath;
  /** The stage whose `on` (or track) holds it; absent for a shared transition. */
  readonly stage?: string;
  /** The track holding it, for a track's transition. */
  readonly track?: string;
  /** Declared at the top level and accepted in the stages its `in` names. */
  readonly shared: boolean;
}

/** A transition accepted in one stage (a shared transition appears once per stage of its `in`). */
export interface TransitionSite {
  readonly stage: string;
  /** The track of `stage` it completes, if any. */
  readonly track?: string;
  readonly declaration: TransitionDeclaration;
}

/** One way from a stage to another: a target, a conditional branch target, or the `done` of its tracks. */
export interface StageEdge {
  readonly from: string;
  readonly to: string;
  /** The event that takes it; absent for a stage's `done` (all tracks done). */
  readonly event?: string;
  /** JSON path of the `target`, branch `target` or `done` that names `to`. */
  readonly path: DocumentPath;
}

/** The plan's stages as a directed graph, with the transitions each stage accepts. */
export interface StageGraph {
  /** Stage ids in plan order. */
  readonly stageIds: readonly string[];
  /** Stage id → its index in `stages`. */
  readonly stageIndex: ReadonlyMap<string, number>;
  /** The stage an incident opens in (the first listed). */
  readonly opening: string | undefined;
  /** Stages with `final: true`. */
  readonly finals: ReadonlySet<string>;
  /** Every transition as declared, in plan order (stage transitions, then shared ones). */
  readonly declarations: readonly TransitionDeclaration[];
  /**
   * Stage id → the transitions it accepts, in the order the engine tries them: the stage's own
   * `on`, then its tracks' transitions, then shared transitions whose `in` names it.
   */
  readonly sites: ReadonlyMap<string, readonly TransitionSite[]>;
  /** Stage id → its outgoing edges (edges to stages the plan does not declare are left out). */
  readonly edges: ReadonlyMap<string, readonly StageEdge[]>;
}

/**
 * Builds the stage graph of a validated plan: which transitions each stage accepts (own, tracks,
 * shared through `in`, `'*'` meaning every stage that is not final) and where each can lead
 * (targets, conditional branch targets, and `done` once a stage's tracks are done).
 *
 * @example
 * const graph = buildStageGraph(plan);
 * graph.edges.get('assess')?.map((e) => e.to); // ['strategy', 'closed']
 */
export function buildStageGraph(plan: PlanDefinition): StageGraph {
  const stageIds = plan.stages.map((s) => s.id);
  const stageIndex = new Map<string, number>();
  stageIds.forEach((id, i) => {
    if (!stageIndex.has(id)) stageIndex.set(id, i);
  });
  const finals = new Set(plan.stages.filter((s) => s.final === true).map((s) => s.id));
  const declarations: TransitionDeclaration[] = [];
  const sites = new Map<string, TransitionSite[]>(stageIds.map((id) => [id, []]));
  const edges = new Map<string, StageEdge[]>(stageIds.map((id) => [id, []]));

  const addEdges = (from: string, declaration: TransitionDeclaration): void => {
    const { transition, path } = declaration;
    const out = edges.get(from);
    if (out === undefined) return;
    if (transition.target !== undefined && stageIndex.has(transition.target)) {
      out.push({ from, to: transition.target, event: transition.event, path: [...path, 'target'] });
    }
    transition.targets?.forEach((branch, b) => {
      if (stageIndex.has(branch.target)) {
        out.push({ from, to: branch.target, event: transition.event, path: [...path, 'targets', b, 'target'] });
      }
    });
  };
  const accept = (stage: string, declaration: TransitionDeclaration, track?: string): void => {
    sites.get(stage)?.push(track === undefined ? { stage, declaration } : { stage, track, declaration });
    addEdges(stage, declaration);
  };

  plan.stages.forEach((stage, i) => {
    stage.on.forEach((transition, j) => {
      const declaration: TransitionDeclaration = { transition, path: ['stages', i, 'on', j], stage: stage.id, shared: false };
      declarations.push(declaration);
      accept(stage.id, declaration);
    });
    stage.tracks?.forEach((track, k) => {
      track.on.forEach((transition, j) => {
        const declaration: TransitionDeclaration = {
          transition,
          path: ['stages', i, 'tracks', k, 'on', j],
          stage: stage.id,
          track: track.id,
          shared: false,
        };
        declarations.push(declaration);
        accept(stage.id, declaration, track.id);
      });
    });
    if (stage.done !== undefined && (stage.tracks?.length ?? 0) > 0 && stageIndex.has(stage.done)) {
      edges.get(stage.id)?.push({ from: stage.id, to: stage.done, path: ['stages', i, 'done'] });
    }
  });

  plan.transitions.forEach((transition, j) => {
    const declaration: TransitionDeclaration = { transition, path: ['transitions', j], shared: true };
    declarations.push(declaration);
    for (const stage of sharedTransitionStages(transition, stageIds, finals)) accept(stage, declaration);
  });

  return { stageIds, stageIndex, opening: stageIds[0], finals, declarations, sites, edges };
}

/**
 * The stages a shared transition is accepted in: those its `in` names that the plan declares, or
 * for `'*'` every stage that is not final.
 *
 * @example
 * sharedTransitionStages({ event: 'NOTE', by: ['any-role'], in: '*' }, ['a', 'b', 'end'], new Set(['end'])); // ['a', 'b']
 */
export function sharedTransitionStages(
  transition: Pick<SharedTransition, 'in'>,
  stageIds: readonly string[],
  finals: ReadonlySet<string>,
): string[] {
  if (transition.in === '*') return stageIds.filter((id) => !finals.has(id));
  const known = new Set(stageIds);
  return [...new Set(transition.in)].filter((id) => known.has(id));
}
