import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../dsl/schema/transition.js';
import { DiagramLabels, diagramWords } from '../report/diagram/diagram-labels.js';
import { escapeHtml } from '../report/html/escape-html.js';
import type { DocumentLocale } from './document-labels.js';
import { PlanText } from './plan-text.js';
import { DIAGRAM_FONT, round, svgLines, textWidth, wrapText } from './svg-text.js';

/** A diagram drawn as a standalone SVG document, with its size in pixels. */
export interface SvgDiagram {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Options of the SVG diagrams. */
export interface SvgDiagramOptions {
  readonly locale: DocumentLocale;
}

const FONT = 13;
const SMALL = 11;
const LINE = 1.3;
const NODE_TEXT_WIDTH = 190;
const LABEL_TEXT_WIDTH = 150;

interface StageNode extends NodeLabel {
  width: number;
  height: number;
  lines: string[];
  small: string[];
  shape: 'stage' | 'start' | 'final';
  stageId?: string;
}

interface LabeledEdge extends EdgeLabel {
  lines: string[];
  dashed?: boolean;
}

/** The SVG arrow marker every diagram uses. */
export function arrowMarker(id: string): string {
  return `<defs><marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>`;
}

/** A polyline through `points` with rounded corners (quadratic curves at the inner points). */
export function smoothPath(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const first = points[0]!;
  let d = `M${round(first.x)},${round(first.y)}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const p = points[i]!;
    const next = points[i + 1]!;
    d += ` Q${round(p.x)},${round(p.y)} ${round((p.x + next.x) / 2)},${round((p.y + next.y) / 2)}`;
  }
  const last = points[points.length - 1]!;
  if (points.length > 1) d += ` L${round(last.x)},${round(last.y)}`;
  return d;
}

/** An edge label: its text lines on a white box at (x, y). */
export function edgeLabelSvg(lines: readonly string[], x: number, y: number): string {
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return '';
  const width = lines.reduce((most, l) => Math.max(most, textWidth(l, SMALL)), -Infinity) + 8;
  const height = lines.length * SMALL * LINE + 4;
  return (
    `<g data-kind="edge-label"><rect x="${round(x - width / 2)}" y="${round(y - height / 2)}" width="${round(width)}" height="${round(height)}" fill="#ffffff" fill-opacity="0.92"/>` +
    `${svgLines(lines, x, y - height / 2 + SMALL + 1, SMALL, 'fill="#333"')}</g>`
  );
}

/** Wraps a finished diagram body in an `<svg>` document of the given size. */
export function svgDocument(kind: string, width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-diagram="${kind}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" font-family="${escapeHtml(DIAGRAM_FONT)}">` +
    `<title>${escapeHtml(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
  );
}

function labelLines(text: string): string[] {
  return wrapText(text, LABEL_TEXT_WIDTH, SMALL);
}

/**
 * The plan's stages and transitions as an SVG state diagram, laid out by dagre (layered, top to
 * bottom): the opening stage under a start dot, each stage a box with its title and responsible
 * team (a stage with parallel tracks lists them), final stages with a double border, and every
 * transition that moves the incident on an arrow labelled with the event's title (and its condition).
 * Transitions that stay in their stage are left to the stage tables. Drawn without a browser.
 *
 * @example
 * const { svg, width, height } = stateDiagramSvg(plan, { locale: 'zh-CN' });
 */
export function stateDiagramSvg(plan: PlanDefinition, options: SvgDiagramOptions): SvgDiagram {
  const pt = new PlanText(plan, options.locale);
  const words = diagramWords(options.locale);
  const levelWords = new DiagramLabels(plan, options.locale, false);
  const graph = new Graph<GraphLabel, StageNode, LabeledEdge>({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 36, edgesep: 16, ranksep: 44, marginx: 16, marginy: 16 });
  const known = new Set(plan.stages.map((s) => s.id));
  const nodeId = (stage: string): string => `stage:${stage}`;

  graph.setNode('start', { width: 16, height: 16, lines: [], small: [], shape: 'start' });
  for (const stage of plan.stages) {
    const lines = wrapText(pt.title('stage', stage.id), NODE_TEXT_WIDTH, FONT);
    const small: string[] = [];
    // DSL v2: the owners at some levels follow the stage's owner (` · II, I: municipal flood HQ`).
    if (stage.owner !== undefined) for (const line of wrapText(`${pt.labels.owner}: ${pt.title('team', stage.owner)}${levelWords.ownersByLevel(stage)}`, NODE_TEXT_WIDTH, SMALL)) small.push(line);
    for (const track of stage.tracks ?? []) {
      const owner = track.owner === undefined ? '' : ` · ${pt.title('team', track.owner)}`;
      for (const line of wrapText(`▸ ${pt.text(track.title, track.id)}${owner}${levelWords.trackLevels(track)}`, NODE_TEXT_WIDTH, SMALL)) small.push(line);
    }
    const width = small.reduce((most, l) => Math.max(most, textWidth(l, SMALL)), lines.reduce((most, l) => Math.max(most, textWidth(l, FONT)), 90)) + 24;
    const height = lines.length * FONT * LINE + small.length * SMALL * LINE + 18;
    graph.setNode(nodeId(stage.id), { width, height, lines, small, shape: stage.final === true ? 'final' : 'stage', stageId: stage.id });
  }
  const opening = plan.stages[0];
  let edges = 0;
  const edge = (from: string, to: string, text: string, dashed = false): void => {
    const lines = text === '' ? [] : labelLines(text);
    const width = lines.length === 0 ? 0 : lines.reduce((most, l) => Math.max(most, textWidth(l, SMALL)), -Infinity) + 8;
    const height = lines.length * SMALL * LINE + (lines.length === 0 ? 0 : 4);
    edges += 1;
    graph.setEdge(from, to, { width, height, labelpos: 'c', lines, dashed }, `e${edges}`);
  };
  if (opening !== undefined) edge('start', nodeId(opening.id), '');

  const transitionText = (t: Transition | SharedTransition): string => {
    const guard = t.when === undefined ? '' : ` [${t.when && 'field' in t.when ? pt.title('field', t.when.field) : '…'}]`;
    return `${pt.title('event', t.event)}${guard}`;
  };
  const addTransition = (from: string, t: Transition | SharedTransition): void => {
    if (t.targets !== undefined && t.targets.length > 0) {
      for (const branch of t.targets) {
        if (!known.has(branch.target)) continue;
        const when = branch.when === undefined ? words.otherwise : 'field' in branch.when ? pt.title('field', branch.when.field) : '…';
        edge(nodeId(from), nodeId(branch.target), `${transitionText(t)} (${when})`);
      }
    } else if (t.target !== undefined && known.has(t.target)) {
      edge(nodeId(from), nodeId(t.target), transitionText(t));
    }
  };
  for (const stage of plan.stages) {
    if ((stage.tracks?.length ?? 0) > 0 && stage.done !== undefined && known.has(stage.done)) edge(nodeId(stage.id), nodeId(stage.done), words.allTracksDone);
    for (const t of stage.on) addTransition(stage.id, t);
  }
  for (const t of plan.transitions) {
    const stages = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in.filter((s) => known.has(s));
    for (const s of stages) addTransition(s, t);
  }

  layout(graph);
  const size = graph.graph();
  const parts: string[] = [arrowMarker('state-arrow')];
  for (const e of graph.edges()) {
    const label = graph.edge(e);
    const points = label.points ?? [];
    parts.push(
      `<g data-kind="transition"><path d="${smoothPath(points)}" fill="none" stroke="#444" stroke-width="1.2"${label.dashed === true ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#state-arrow)"/>` +
        `${label.x === undefined || label.y === undefined ? '' : edgeLabelSvg(label.lines, label.x, label.y)}</g>`,
    );
  }
  for (const id of graph.nodes()) {
    const node = graph.node(id);
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    if (node.shape === 'start') {
      parts.push(`<circle data-kind="start" cx="${round(x)}" cy="${round(y)}" r="7" fill="#222"/>`);
      continue;
    }
    const left = x - node.width / 2;
    const top = y - node.height / 2;
    const final = node.shape === 'final';
    const box =
      `<rect x="${round(left)}" y="${round(top)}" width="${round(node.width)}" height="${round(node.height)}" rx="8" fill="${final ? '#f2f2f2' : '#eef4fb'}" stroke="#3a5a80" stroke-width="1.4"/>` +
      (final ? `<rect x="${round(left + 3)}" y="${round(top + 3)}" width="${round(node.width - 6)}" height="${round(node.height - 6)}" rx="6" fill="none" stroke="#3a5a80" stroke-width="1"/>` : '');
    const title = svgLines(node.lines, x, top + 9 + FONT, FONT, 'font-weight="bold" fill="#1f2328"');
    const small = node.small.length === 0 ? '' : svgLines(node.small, x, top + 9 + node.lines.length * FONT * LINE + SMALL + 1, SMALL, 'fill="#444"');
    parts.push(`<g data-kind="stage" data-id="${escapeHtml(node.stageId ?? '')}">${box}${title}${small}</g>`);
  }
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  return { svg: svgDocument('state', width, height, pt.labels.stateDiagram, parts.join('')), width: Math.ceil(width), height: Math.ceil(height) };
}
