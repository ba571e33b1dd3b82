import type { StageGraph } from './stage-graph.js';

/**
 * The stages an incident can get to from `start` (default: the opening stage), following every
 * edge of the graph as if any condition could hold. A final stage closes the incident, so no edge
 * is followed out of it.
 *
 * @example
 * reachableStages(buildStageGraph(plan)).has('review'); // true
 */
export function reachableStages(graph: StageGraph, start: string | undefined = graph.opening): Set<string> {
  const seen = new Set<string>();
  if (start === undefined || !graph.stageIndex.has(start)) return seen;
  const queue = [start];
  seen.add(start);
  while (queue.length > 0) {
    const stage = queue.shift() as string;
    if (graph.finals.has(stage)) continue;
    for (const edge of graph.edges.get(stage) ?? []) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

/**
 * The stages from which some stage in `goals` can be reached (each goal reaches itself). Edges out
 * of final stages are not followed.
 *
 * @example
 * stagesReaching(graph, graph.finals).has('monitor'); // true: monitor → review → closed
 */
export function stagesReaching(graph: StageGraph, goals: ReadonlySet<string>): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [from, out] of graph.edges) {
    if (graph.finals.has(from)) continue;
    for (const edge of out) {
      const list = predecessors.get(edge.to) ?? [];
      list.push(from);
      predecessors.set(edge.to, list);
    }
  }
  const seen = new Set([...goals].filter((g) => graph.stageIndex.has(g)));
  const queue = [...seen];
  while (queue.length > 0) {
    const stage = queue.shift() as string;
    for (const p of predecessors.get(stage) ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return seen;
}
