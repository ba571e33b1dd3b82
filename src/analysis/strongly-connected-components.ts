import type { StageGraph } from './stage-graph.js';

/** A strongly connected set of stages: each reaches every other. */
export interface StageComponent {
  /** Its stages, in plan order. */
  readonly stages: readonly string[];
  /** Whether it holds a cycle (more than one stage, or a stage with an edge to itself). */
  readonly cyclic: boolean;
  /** Whether some edge leads from it to a stage outside it. */
  readonly hasExit: boolean;
}

/**
 * Splits the stage graph into strongly connected components (Tarjan), ignoring edges out of final
 * stages. Components come in plan order of their first stage.
 *
 * @example
 * stronglyConnectedComponents(graph).filter((c) => c.cyclic).map((c) => c.stages); // [['strategy', 'respond', 'monitor']]
 */
export function stronglyConnectedComponents(graph: StageGraph): StageComponent[] {
  // Several rules ask for the same graph's components: compute them once per graph.
  let components = componentsByGraph.get(graph);
  if (components === undefined) {
    components = computeComponents(graph);
    componentsByGraph.set(graph, components);
  }
  return [...components];
}

const componentsByGraph = new WeakMap<StageGraph, readonly StageComponent[]>();

function computeComponents(graph: StageGraph): StageComponent[] {
  const successors = (stage: string): string[] =>
    graph.finals.has(stage) ? [] : (graph.edges.get(stage) ?? []).map((e) => e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;

  // Iterative Tarjan, so that a long chain of stages cannot overflow the call stack.
  for (const root of graph.stageIndex.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ stage: string; next: string[]; i: number }> = [];
    const open = (stage: string): void => {
      index.set(stage, counter);
      low.set(stage, counter);
      counter += 1;
      stack.push(stage);
      onStack.add(stage);
      work.push({ stage, next: successors(stage), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { stage: string; next: string[]; i: number };
      if (frame.i < frame.next.length) {
        const to = frame.next[frame.i] as string;
        frame.i += 1;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.stage, Math.min(low.get(frame.stage) as number, index.get(to) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.stage, Math.min(low.get(parent.stage) as number, low.get(frame.stage) as number));
      if (low.get(frame.stage) === index.get(frame.stage)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.stage);
        found.push(component);
      }
    }
  }

  const order = (s: string): number => graph.stageIndex.get(s) ?? Number.MAX_SAFE_INTEGER;
  return found
    .map((members) => {
      const set = new Set(members);
      const edges = members.flatMap((m) => successors(m).map((to) => ({ from: m, to })));
      return {
        stages: [...members].sort((a, b) => order(a) - order(b)),
        cyclic: members.length > 1 || edges.some((e) => e.from === e.to),
        hasExit: edges.some((e) => !set.has(e.to)),
      };
    })
    .sort((a, b) => order(a.stages[0] as string) - order(b.stages[0] as string));
}
