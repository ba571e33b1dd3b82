import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../dsl/schema/transition.js';
import { DiagramLabels, diagramWords } from '../report/diagram/diagram-labels.js';
import { escapeHtml } from '../report/html/escape-html.js';
import { PlanText } from './plan-text.js';
import { arrowMarker, edgeLabelSvg, svgDocument, type SvgDiagram, type SvgDiagramOptions } from './state-diagram-svg.js';
import { round, svgLines, textWidth, wrapText } from './svg-text.js';

const FONT = 13;
const SMALL = 11;
const LINE = 1.3;
const TEXT_WIDTH = 150;
const LANE_PAD = 18;
const ROW_GAP = 46;
const HEADER = 34;
const MARGIN = 16;
const CELL_GAP = 14;

interface Item {
  id: string;
  kind: 'stage' | 'track' | 'final';
  lane: number;
  row: number;
  lines: string[];
  small: string[];
  width: number;
  height: number;
  x: number;
  y: number;
}

interface Link {
  from: string;
  to: string;
  label: string;
  dashed: boolean;
}

/**
 * The plan as an SVG swimlane diagram, drawn without a browser: one vertical lane per responsible
 * team (in the order the flow reaches them), each stage in its owner's lane on the row of its
 * distance from the opening stage, a stage's parallel tracks on the row below in their owners'
 * lanes (dashed arrows in, arrows out to the stage entered when all are done), stages without a
 * team in a lane of their own and final stages below all lanes. Arrows carry the event's title.
 *
 * @example
 * const { svg } = swimlaneDiagramSvg(plan, { locale: 'en' });
 */
export function swimlaneDiagramSvg(plan: PlanDefinition, options: SvgDiagramOptions): SvgDiagram {
  const pt = new PlanText(plan, options.locale);
  const words = diagramWords(options.locale);
  const levelWords = new DiagramLabels(plan, options.locale, false);
  const known = new Set(plan.stages.map((s) => s.id));
  const teamIds = new Set(plan.teams.map((t) => t.id));

  // Forward links, for the rows (breadth-first distance from the opening stage).
  const links: Link[] = [];
  const eventText = (t: Transition | SharedTransition): string => pt.title('event', t.event);
  const addTransition = (from: string, t: Transition | SharedTransition): void => {
    const targets = t.targets !== undefined && t.targets.length > 0 ? t.targets.map((b) => b.target) : t.target === undefined ? [] : [t.target];
    for (const target of new Set(targets)) if (known.has(target)) links.push({ from: `stage:${from}`, to: `stage:${target}`, label: eventText(t), dashed: false });
  };
  for (const stage of plan.stages) for (const t of stage.on) addTransition(stage.id, t);
  for (const t of plan.transitions) {
    const stages = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in.filter((s) => known.has(s));
    for (const s of stages) addTransition(s, t);
  }
  const next = new Map<string, string[]>();
  const follow = (from: string, to: string): void => void next.set(from, [...(next.get(from) ?? []), to]);
  for (const l of links) follow(l.from.slice(6), l.to.slice(6));
  for (const stage of plan.stages) if ((stage.tracks?.length ?? 0) > 0 && stage.done !== undefined && known.has(stage.done)) follow(stage.id, stage.done);
  // Rows: the longest forward path from the opening stage (back links, found depth-first, are left out),
  // so a stage sits below every stage that can lead to it.
  const depth = new Map<string, number>();
  const opening = plan.stages[0];
  if (opening !== undefined) {
    const onStack = new Set<string>();
    const done = new Set<string>();
    const order: string[] = [];
    const forward = new Map<string, string[]>();
    const visit = (at: string): void => {
      onStack.add(at);
      for (const to of next.get(at) ?? []) {
        if (onStack.has(to)) continue;
        forward.set(at, [...(forward.get(at) ?? []), to]);
        if (!done.has(to)) visit(to);
      }
      onStack.delete(at);
      done.add(at);
      order.push(at);
    };
    visit(opening.id);
    depth.set(opening.id, 0);
    for (const at of order.reverse()) {
      const d = depth.get(at) ?? 0;
      for (const to of forward.get(at) ?? []) depth.set(to, Math.max(depth.get(to) ?? 0, d + 1));
    }
  }
  const maxDepth = [...depth.values()].reduce((most, d) => Math.max(most, d), 0);

  // Lanes: teams in the order the flow first reaches them, then "no team".
  const firstStage = (team: string): number => {
    const i = plan.stages.findIndex((s) => s.final !== true && (s.owner === team || (s.tracks ?? []).some((t) => (t.owner ?? s.owner) === team)));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const used = new Set<string>();
  for (const s of plan.stages) {
    if (s.final === true) continue;
    if (s.owner !== undefined && teamIds.has(s.owner)) used.add(s.owner);
    for (const t of s.tracks ?? []) {
      const owner = t.owner ?? s.owner;
      if (owner !== undefined && teamIds.has(owner)) used.add(owner);
    }
  }
  const lanes: Array<{ id: string | undefined; title: string }> = plan.teams
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => used.has(t.id))
    .sort((a, b) => firstStage(a.t.id) - firstStage(b.t.id) || a.i - b.i)
    .map(({ t }) => ({ id: t.id, title: pt.title('team', t.id) }));
  const laneOf = (team: string | undefined): number => {
    const i = lanes.findIndex((l) => l.id !== undefined && l.id === team);
    if (i >= 0) return i;
    let none = lanes.findIndex((l) => l.id === undefined);
    if (none < 0) {
      lanes.push({ id: undefined, title: words.noOwner });
      none = lanes.length - 1;
    }
    return none;
  };

  const items: Item[] = [];
  const item = (id: string, kind: Item['kind'], lane: number, row: number, title: string, small: string[]): void => {
    const lines = wrapText(title, TEXT_WIDTH, FONT);
    const smallLines = small.flatMap((s) => wrapText(s, TEXT_WIDTH, SMALL));
    const width = smallLines.reduce((most, l) => Math.max(most, textWidth(l, SMALL)), lines.reduce((most, l) => Math.max(most, textWidth(l, FONT)), 80)) + 20;
    const height = lines.length * FONT * LINE + smallLines.length * SMALL * LINE + 14;
    items.push({ id, kind, lane, row, lines, small: smallLines, width, height, x: 0, y: 0 });
  };
  const finalRow = 2 * (maxDepth + 1);
  for (const stage of plan.stages) {
    const d = depth.get(stage.id) ?? maxDepth + 1;
    if (stage.final === true) {
      item(`stage:${stage.id}`, 'final', -1, finalRow + 2, pt.title('stage', stage.id), []);
      continue;
    }
    // DSL v2: a stage owned by other teams at some levels says so under its title; a track present
    // only at some levels names them.
    const ownersAt = levelWords.ownersByLevel(stage).replace(/^ · /, '');
    item(`stage:${stage.id}`, 'stage', laneOf(stage.owner), 2 * d, pt.title('stage', stage.id), ownersAt === '' ? [] : [ownersAt]);
    for (const track of stage.tracks ?? []) {
      item(`track:${stage.id}:${track.id}`, 'track', laneOf(track.owner ?? stage.owner), 2 * d + 1, `${pt.text(track.title, track.id)}${levelWords.trackLevels(track)}`, track.on.map((t) => eventText(t)));
      links.push({ from: `stage:${stage.id}`, to: `track:${stage.id}:${track.id}`, label: '', dashed: true });
      if (stage.done !== undefined && known.has(stage.done)) links.push({ from: `track:${stage.id}:${track.id}`, to: `stage:${stage.done}`, label: '', dashed: false });
    }
  }

  // Geometry: lane widths from their widest item; rows from their tallest cell (items in one cell stack).
  // Items sharing a cell (a lane on one row) sit side by side.
  const cellWidth = (lane: number, row: number): number => {
    const cell = items.filter((it) => it.lane === lane && it.row === row);
    return cell.reduce((sum, it) => sum + it.width, 0) + CELL_GAP * Math.max(0, cell.length - 1);
  };
  const laneWidths = lanes.map((lane, i) =>
    items.filter((it) => it.lane === i).reduce((most, it) => Math.max(most, cellWidth(i, it.row) + 2 * LANE_PAD), Math.max(170, textWidth(lane.title, FONT) + 24)),
  );
  const laneLeft: number[] = [];
  laneWidths.reduce((left, w, i) => ((laneLeft[i] = left), left + w), MARGIN);
  const lanesWidth = laneWidths.reduce((a, b) => a + b, 0);
  const rows = [...new Set(items.map((it) => it.row))].sort((a, b) => a - b);
  let top = MARGIN + HEADER + 20;
  const rowTop = new Map<number, number>();
  for (const row of rows) {
    rowTop.set(row, top);
    const cells = new Map<number, Item[]>();
    for (const it of items.filter((x) => x.row === row)) cells.set(it.lane, [...(cells.get(it.lane) ?? []), it]);
    let rowHeight = 0;
    for (const [lane, cell] of cells) {
      const centre = lane < 0 ? MARGIN + lanesWidth / 2 : (laneLeft[lane] ?? 0) + (laneWidths[lane] ?? 0) / 2;
      let left = centre - (cell.reduce((sum, it) => sum + it.width, 0) + CELL_GAP * (cell.length - 1)) / 2;
      for (const it of cell) {
        it.x = left + it.width / 2;
        it.y = top + it.height / 2;
        left += it.width + CELL_GAP;
      }
      rowHeight = cell.reduce((most, c) => Math.max(most, c.height), rowHeight);
    }
    top += rowHeight + ROW_GAP;
  }
  const lanesBottom = items.filter((it) => it.kind !== 'final').reduce((most, it) => Math.max(most, it.y + it.height / 2 + 20), MARGIN + HEADER + 40);
  const width = MARGIN * 2 + lanesWidth + 60;
  const height = items.reduce((most, it) => Math.max(most, it.y + it.height / 2), lanesBottom) + MARGIN;

  const parts: string[] = [arrowMarker('lane-arrow')];
  lanes.forEach((lane, i) => {
    const left = laneLeft[i] ?? 0;
    const w = laneWidths[i] ?? 0;
    parts.push(
      `<g data-kind="lane" data-team="${escapeHtml(lane.id ?? '')}"><rect x="${round(left)}" y="${MARGIN}" width="${round(w)}" height="${round(lanesBottom - MARGIN)}" fill="${i % 2 === 0 ? '#f7f9fc' : '#ffffff'}" stroke="#9aa9bb"/>` +
        `<rect x="${round(left)}" y="${MARGIN}" width="${round(w)}" height="${HEADER}" fill="#dde7f3" stroke="#9aa9bb"/>` +
        `${svgLines(wrapText(lane.title, w - 12, FONT).slice(0, 2), left + w / 2, MARGIN + 21, FONT, 'font-weight="bold" fill="#1f2328"')}</g>`,
    );
  });
  const byId = new Map(items.map((it) => [it.id, it]));
  for (const link of links) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (a === undefined || b === undefined) continue;
    let d: string;
    let mid: { x: number; y: number };
    if (Math.abs(a.y - b.y) < 1 && Math.abs(a.x - b.x) > (a.width + b.width) / 2) {
      // Same row: straight across, from the facing sides.
      const sign = b.x > a.x ? 1 : -1;
      const start = { x: a.x + (sign * a.width) / 2, y: a.y };
      const end = { x: b.x - (sign * b.width) / 2, y: b.y };
      d = `M${round(start.x)},${round(start.y)} L${round(end.x)},${round(end.y)}`;
      mid = { x: (start.x + end.x) / 2, y: start.y - 10 };
    } else if (b.y - b.height / 2 > a.y + a.height / 2) {
      const start = { x: a.x, y: a.y + a.height / 2 };
      const end = { x: b.x, y: b.y - b.height / 2 };
      const bend = (end.y - start.y) / 2;
      d = `M${round(start.x)},${round(start.y)} C${round(start.x)},${round(start.y + bend)} ${round(end.x)},${round(end.y - bend)} ${round(end.x)},${round(end.y)}`;
      mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    } else {
      // Back (or sideways) links go out of the right side and come back into the target's right side.
      const start = { x: a.x + a.width / 2, y: a.y };
      const end = { x: b.x + b.width / 2, y: b.y };
      const out = Math.max(start.x, end.x) + 36;
      d = `M${round(start.x)},${round(start.y)} C${round(out)},${round(start.y)} ${round(out)},${round(end.y)} ${round(end.x)},${round(end.y)}`;
      mid = { x: out - 9, y: (start.y + end.y) / 2 };
    }
    const label = link.label === '' ? '' : edgeLabelSvg(wrapText(link.label, 110, SMALL), mid.x, mid.y);
    parts.push(`<g data-kind="link"><path d="${d}" fill="none" stroke="#444" stroke-width="1.2"${link.dashed ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#lane-arrow)"/>${label}</g>`);
  }
  for (const it of items) {
    const left = it.x - it.width / 2;
    const topY = it.y - it.height / 2;
    const shape =
      it.kind === 'track'
        ? `<rect x="${round(left)}" y="${round(topY)}" width="${round(it.width)}" height="${round(it.height)}" fill="#fffbe6" stroke="#9a6700" stroke-width="1.2"/>`
        : `<rect x="${round(left)}" y="${round(topY)}" width="${round(it.width)}" height="${round(it.height)}" rx="${it.kind === 'final' ? round(it.height / 2) : 8}" fill="${it.kind === 'final' ? '#f2f2f2' : '#eef4fb'}" stroke="#3a5a80" stroke-width="1.4"/>`;
    const title = svgLines(it.lines, it.x, topY + 7 + FONT, FONT, 'font-weight="bold" fill="#1f2328"');
    const small = it.small.length === 0 ? '' : svgLines(it.small, it.x, topY + 7 + it.lines.length * FONT * LINE + SMALL, SMALL, 'fill="#444"');
    parts.push(`<g data-kind="${it.kind === 'track' ? 'track' : 'stage'}" data-id="${escapeHtml(it.id.split(':').slice(1).join(':'))}">${shape}${title}${small}</g>`);
  }
  return { svg: svgDocument('swimlane', width, height, pt.labels.swimlaneDiagram, parts.join('')), width: Math.ceil(width), height: Math.ceil(height) };
}
