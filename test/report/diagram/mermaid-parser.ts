import { JSDOM } from 'jsdom';

/** A node of a parsed state diagram: a state, a region (`divider`), a start/end, a choice or a note. */
export interface StateNode {
  readonly id: string;
  readonly parentId: string | undefined;
  readonly shape: string;
  readonly label: string;
}

/** What the Mermaid parser made of a state diagram (its render data: nested states, notes, edges). */
export interface ParsedStateDiagram {
  readonly type: string;
  readonly nodes: StateNode[];
  readonly edges: Array<{ from: string; to: string; label: string }>;
}

/** What the Mermaid parser made of a flowchart. */
export interface ParsedFlowchart {
  readonly type: string;
  readonly vertices: Map<string, string>;
  readonly edges: Array<{ from: string; to: string; text: string }>;
  readonly subgraphs: Array<{ id: string; title: string; nodes: string[] }>;
}

type Mermaid = typeof import('mermaid').default;
let loaded: Promise<Mermaid> | undefined;

/**
 * Mermaid's own parser (jison grammars of `stateDiagram-v2` and `flowchart`), given the DOM it needs
 * for DOMPurify by jsdom. Loaded once.
 *
 * @example
 * await (await mermaidParser()).parse('flowchart LR\n a --> b'); // { diagramType: 'flowchart-v2', … }
 */
export function mermaidParser(): Promise<Mermaid> {
  loaded ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false });
    return mermaid;
  })();
  return loaded;
}

interface StateDb {
  getData(): {
    nodes: Array<{ id: string; parentId?: string; shape: string; label?: unknown }>;
    edges: Array<{ start: string; end: string; label?: unknown }>;
  };
}
interface FlowDb {
  getVertices(): Map<string, { text?: string }>;
  getEdges(): Array<{ start: string; end: string; text?: string }>;
  getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>;
}

/**
 * Parses a `stateDiagram-v2` with Mermaid (throws a Mermaid parse error on bad syntax) and returns
 * the nodes and edges Mermaid would lay out (states nested in regions, notes, choices).
 *
 * @example
 * (await parseStateDiagram(text)).edges; // [{ from: 'root_start', to: 's_report', label: '' }, …]
 */
export async function parseStateDiagram(text: string): Promise<ParsedStateDiagram> {
  const mermaid = await mermaidParser();
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const data = (diagram.db as unknown as StateDb).getData();
  return {
    type: diagram.type,
    nodes: data.nodes.map((n) => ({ id: n.id, parentId: n.parentId, shape: n.shape, label: typeof n.label === 'string' ? n.label : '' })),
    edges: data.edges.map((e) => ({ from: e.start, to: e.end, label: typeof e.label === 'string' ? e.label : '' })),
  };
}

/**
 * Parses a `flowchart` with Mermaid (throws on bad syntax) and returns its vertices, edges and subgraphs.
 *
 * @example
 * (await parseFlowchart('flowchart LR\n a -->|x| b')).edges; // [{ from: 'a', to: 'b', text: 'x' }]
 */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
  const mermaid = await mermaidParser();
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as FlowDb;
  return {
    type: diagram.type,
    vertices: new Map([...db.getVertices()].map(([id, v]) => [id, v.text ?? ''])),
    edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, text: e.text ?? '' })),
    subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: s.title, nodes: [...s.nodes] })),
  };
}

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };

/**
 * Mermaid's parser keeps entity codes of labels (`#quot;`, `#35;`) as its own placeholders
 * (`ﬂ°quot¶ß`, `ﬂ°°35¶ß`); this turns them into the characters a reader sees.
 *
 * @example
 * decodeMermaidEntities('a ﬂ°quot¶ßb'); // 'a "b'
 */
export function decodeMermaidEntities(label: string): string {
  return label
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => NAMED[name] ?? `&${name};`);
}
