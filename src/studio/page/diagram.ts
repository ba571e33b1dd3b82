import type { PlanGraph, PlanGraphEdge, PlanGraphStage } from '../../index.js';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_HEIGHT = 44;
const ROW_GAP = 56;
const COLUMN_GAP = 36;
const CHAR_WIDTH = 7.2;
const WIDE_CHAR_WIDTH = 13;

/** What the diagram tells its owner: a stage was clicked. */
export interface DiagramHandlers {
  onStage(stageId: string): void;
}

/** Which view to draw. */
export type DiagramView = 'state' | 'swimlane';

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? WIDE_CHAR_WIDTH : CHAR_WIDTH;
  return width;
}

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

/**
 * Rows of a layered layout: each stage's row is its longest distance from the opening stage over
 * forward edges (edges that close a cycle, found by depth-first search, are ignored); stages not
 * reachable go below. Linear in stages + edges.
 */
export function layerStages(graph: PlanGraph): Map<string, number> {
  const ids = graph.stages.map((s) => s.id);
  const out = new Map<string, string[]>();
  for (const id of ids) out.set(id, []);
  for (const edge of graph.edges) if (edge.from !== edge.to) out.get(edge.from)?.push(edge.to);
  // Back edges: iterative DFS from the opening stage, then from any stage not yet seen.
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const order: string[] = [];
  const visit = (start: string): void => {
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top.id) ?? [];
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        const seen = state.get(target);
        if (seen === 1) back.add(`${top.id}\u0000${target}`);
        else if (seen === undefined) {
          state.set(target, 1);
          stack.push({ id: target, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        order.push(top.id);
        stack.pop();
      }
    }
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  const layer = new Map<string, number>();
  for (const id of ids) layer.set(id, 0);
  // Reverse post-order is a topological order of the forward edges.
  for (const id of order.reverse()) {
    const here = layer.get(id) ?? 0;
    for (const target of out.get(id) ?? []) {
      if (back.has(`${id}\u0000${target}`)) continue;
      if ((layer.get(target) ?? 0) < here + 1) layer.set(target, here + 1);
    }
  }
  return layer;
}

interface Placed {
  stage: PlanGraphStage;
  x: number;
  y: number;
  width: number;
}

function hoverText(edge: PlanGraphEdge, words: { by: string; condition: string }): string {
  const lines = [edge.event === '' ? edge.title : `${edge.title} (${edge.event})`];
  if (edge.byTitles.length > 0) lines.push(`${words.by}: ${edge.byTitles.join(', ')}  [${edge.by.join(', ')}]`);
  if (edge.condition !== undefined) lines.push(`${words.condition}: ${edge.condition}`);
  return lines.join('\n');
}

/**
 * Draws the plan graph as SVG: the state view (stages in rows by their distance from the opening
 * stage) or the swimlane view (one column per owning team). Stages carry `data-stage` and their
 * id on hover; edges carry the event title, and on hover who may send it and its condition.
 */
export function drawDiagram(
  container: HTMLElement,
  graph: PlanGraph,
  view: DiagramView,
  handlers: DiagramHandlers,
  words: { by: string; condition: string; noOwner: string; stays: string },
  highlight?: string,
): SVGSVGElement {
  const layers = layerStages(graph);
  const placed = new Map<string, Placed>();
  const rows = new Map<number, PlanGraphStage[]>();
  for (const stage of graph.stages) {
    const row = layers.get(stage.id) ?? 0;
    const list = rows.get(row) ?? [];
    list.push(stage);
    rows.set(row, list);
  }
  const widthOf = (stage: PlanGraphStage): number => Math.max(120, Math.min(260, textWidth(stage.title) + 32));
  const lanes: Array<{ id: string; title: string }> = [];
  let totalWidth = 0;
  if (view === 'swimlane') {
    const used = new Set(graph.stages.map((s) => s.owner?.id ?? ''));
    for (const team of graph.teams) if (used.has(team.id)) lanes.push(team);
    if (used.has('')) lanes.push({ id: '', title: words.noOwner });
    const laneWidth = new Map<string, number>();
    for (const stage of graph.stages) {
      const lane = stage.owner?.id ?? '';
      laneWidth.set(lane, Math.max(laneWidth.get(lane) ?? 160, widthOf(stage) + 40));
    }
    // Stages of one lane in one row sit side by side.
    const laneX = new Map<string, number>();
    let x = 20;
    for (const lane of lanes) {
      laneX.set(lane.id, x);
      const perRow = [...rows.values()].reduce((most, list) => Math.max(most, list.filter((s) => (s.owner?.id ?? '') === lane.id).length), 1);
      const width = (laneWidth.get(lane.id) ?? 160) * perRow;
      laneWidth.set(lane.id, width);
      x += width + 10;
    }
    totalWidth = x + 10;
    for (const [row, list] of rows) {
      const count = new Map<string, number>();
      for (const stage of list) {
        const lane = stage.owner?.id ?? '';
        const k = count.get(lane) ?? 0;
        count.set(lane, k + 1);
        const width = widthOf(stage);
        placed.set(stage.id, { stage, x: (laneX.get(lane) ?? 0) + 20 + k * (width + 40), y: 60 + row * (NODE_HEIGHT + ROW_GAP), width });
      }
    }
    for (const lane of lanes) laneWidth.get(lane.id);
    (container as HTMLElement & { laneInfo?: unknown }).laneInfo = { laneX, laneWidth };
  } else {
    let maxRow = 0;
    for (const list of rows.values()) maxRow = Math.max(maxRow, list.reduce((sum, s) => sum + widthOf(s) + COLUMN_GAP, 0));
    totalWidth = Math.max(maxRow + 260, 480);
    for (const [row, list] of rows) {
      const rowWidth = list.reduce((sum, s) => sum + widthOf(s) + COLUMN_GAP, -COLUMN_GAP);
      let x = (totalWidth - 200 - rowWidth) / 2;
      for (const stage of list) {
        const width = widthOf(stage);
        placed.set(stage.id, { stage, x, y: 40 + row * (NODE_HEIGHT + ROW_GAP), width });
        x += width + COLUMN_GAP;
      }
    }
  }
  const rowCount = [...rows.keys()].reduce((most, r) => Math.max(most, r + 1), 1);
  const height = (view === 'swimlane' ? 60 : 40) + rowCount * (NODE_HEIGHT + ROW_GAP) + 20;
  const svg = element('svg', { width: totalWidth, height, viewBox: `0 0 ${totalWidth} ${height}`, class: `diagram diagram-${view}`, role: 'img' });
  const defs = element('defs', {}, svg);
  const marker = element('marker', { id: `arrow-${view}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  element('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }, marker);

  if (view === 'swimlane') {
    const info = (container as HTMLElement & { laneInfo?: { laneX: Map<string, number>; laneWidth: Map<string, number> } }).laneInfo;
    for (const lane of lanes) {
      const x = info?.laneX.get(lane.id) ?? 0;
      const width = info?.laneWidth.get(lane.id) ?? 160;
      const group = element('g', { class: 'lane', 'data-lane': lane.id }, svg);
      element('rect', { x, y: 8, width, height: height - 16, rx: 6 }, group);
      const label = element('text', { x: x + width / 2, y: 30, 'text-anchor': 'middle', class: 'lane-title' }, group);
      label.textContent = lane.title;
    }
  }

  const edgeLayer = element('g', { class: 'edges' }, svg);
  const nodeLayer = element('g', { class: 'nodes' }, svg);
  // Edges between the same two stages are fanned out so their labels do not overlap.
  const pairCount = new Map<string, number>();
  const drawn = graph.edges.length > 4000 ? graph.edges.slice(0, 4000) : graph.edges;
  for (const edge of drawn) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const pair = `${edge.from}>${edge.to}`;
    const k = pairCount.get(pair) ?? 0;
    pairCount.set(pair, k + 1);
    const group = element('g', { class: `edge edge-${edge.kind}`, 'data-from': edge.from, 'data-to': edge.to, 'data-event': edge.event }, edgeLayer);
    element('title', {}, group).textContent = hoverText(edge, words);
    const x1 = from.x + from.width / 2;
    const y1 = from.y + NODE_HEIGHT;
    const x2 = to.x + to.width / 2;
    const y2 = to.y;
    let d: string;
    let labelX: number;
    let labelY: number;
    if (to.y > from.y) {
      const spread = k * 18;
      d = `M ${x1 + spread} ${y1} C ${x1 + spread} ${y1 + 30}, ${x2 + spread} ${y2 - 30}, ${x2 + spread} ${y2}`;
      labelX = (x1 + x2) / 2 + spread + 6;
      labelY = (y1 + y2) / 2 + 4;
    } else {
      // Back (or same-row) edge: out of the right side, around, into the right side.
      const side = Math.max(from.x + from.width, to.x + to.width) + 40 + k * 24;
      const sy = from.y + NODE_HEIGHT / 2;
      const ty = to.y + NODE_HEIGHT / 2;
      d = `M ${from.x + from.width} ${sy} C ${side} ${sy}, ${side} ${ty}, ${to.x + to.width} ${ty}`;
      labelX = side - 16;
      labelY = (sy + ty) / 2;
    }
    element('path', { d, class: 'edge-line', 'marker-end': `url(#arrow-${view})` }, group);
    // A wide invisible path makes the edge easy to hover.
    element('path', { d, class: 'edge-hit' }, group);
    const label = element('text', { x: labelX, y: labelY, class: 'edge-label' }, group);
    label.textContent = edge.title.length > 18 ? `${edge.title.slice(0, 17)}…` : edge.title;
  }
  for (const { stage, x, y, width } of placed.values()) {
    const classes = ['stage'];
    if (stage.final) classes.push('stage-final');
    if (stage.initial) classes.push('stage-initial');
    if (stage.id === highlight) classes.push('stage-current');
    const group = element('g', { class: classes.join(' '), 'data-stage': stage.id, tabindex: 0, role: 'button' }, nodeLayer);
    const details = [`${stage.title} (${stage.id})`];
    if (stage.owner !== undefined) details.push(stage.owner.title);
    for (const track of stage.tracks) details.push(`▸ ${track.title}: ${track.events.map((e) => e.title).join(', ')}`);
    for (const stay of stage.stays) details.push(`↺ ${stay.title} (${words.stays}) · ${words.by} ${stay.byTitles.join(', ')}`);
    for (const deadline of stage.deadlines) details.push(`◷ ${deadline.title}: ${deadline.due}`);
    element('title', {}, group).textContent = details.join('\n');
    element('rect', { x, y, width, height: NODE_HEIGHT, rx: stage.final ? 22 : 8 }, group);
    const label = element('text', { x: x + width / 2, y: y + (stage.tracks.length > 0 ? 19 : 27), 'text-anchor': 'middle', class: 'stage-title' }, group);
    label.textContent = stage.title;
    if (stage.tracks.length > 0) {
      const tracks = element('text', { x: x + width / 2, y: y + 36, 'text-anchor': 'middle', class: 'stage-tracks' }, group);
      tracks.textContent = stage.tracks.map((t) => t.title).join(' ∥ ');
    }
    if (stage.deadlines.length > 0) {
      // A small clock badge with the number of deadlines this stage arms.
      element('circle', { cx: x + width - 2, cy: y + 2, r: 8, class: 'stage-deadline-badge' }, group);
      const badge = element('text', { x: x + width - 2, y: y + 6, 'text-anchor': 'middle', class: 'stage-deadline' }, group);
      badge.textContent = String(stage.deadlines.length);
    }
    group.addEventListener('click', () => handlers.onStage(stage.id));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') handlers.onStage(stage.id);
    });
  }
  container.replaceChildren(svg);
  return svg;
}
