export { planStateDiagram, type DiagramOptions } from './state-diagram.js';
export { planSwimlaneDiagram } from './swimlane-diagram.js';
export { diagramLocaleOf, type DiagramLocale } from './diagram-labels.js';
export { planDiagramsMarkdown, type PlanDiagramsMarkdownOptions } from './plan-diagrams-markdown.js';
export {
  planGraph,
  deadlineMatrix,
  type PlanGraph,
  type PlanGraphStage,
  type PlanGraphLabel,
  type PlanGraphEdge,
  type DeadlineMatrixRow,
} from './plan-graph.js';
