import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../../dsl/schema/transition.js';
import { DiagramLabels, diagramLocaleOf } from './diagram-labels.js';
import { MermaidIds, mermaidText } from './mermaid-text.js';
import type { DiagramOptions } from './state-diagram.js';

/** A transition's event (and guard). */
function eventText(t: Transition | SharedTransition, labels: DiagramLabels): string {
  return `${labels.event(t.event)}${t.when === undefined ? '' : ` [${labels.condition(t.when)}]`}`;
}

/**
 * The plan as a Mermaid swimlane `flowchart`: one lane (subgraph) per owner team holding the stages
 * it owns (lanes in the order the flow reaches them), a stage's tracks drawn as forks in their
 * owner's lane (else their stage's), edges labelled with the event
 * (and guard) that moves the incident on. Stages without owner and final stages stand outside the
 * lanes. Transitions that stay in their stage are left out (see the state view).
 *
 * @example
 * planSwimlaneDiagram(plan, { locale: 'en' }).split('\n')[0]; // 'flowchart LR'
 */
export function planSwimlaneDiagram(plan: PlanDefinition, options: DiagramOptions = {}): string {
  const labels = new DiagramLabels(plan, diagramLocaleOf(plan, options.locale), options.ids === true);
  const words = labels.words;
  const ids = new MermaidIds();
  const stageId = (id: string): string => ids.get('stage', 's', id);
  const known = new Set(plan.stages.map((s) => s.id));
  const teams = new Set(plan.teams.map((t) => t.id));
  const lanes = new Map<string, string[]>();
  const outside: string[] = [];
  const edges: string[] = [];
  const place = (team: string | undefined, line: string): void => {
    if (team === undefined || !teams.has(team)) {
      outside.push(line);
      return;
    }
    const lane = lanes.get(team) ?? [];
    lane.push(line);
    lanes.set(team, lane);
  };
  const edge = (from: string, to: string, label: string): void => {
    edges.push(`  ${from} -->|"${mermaidText(label)}"| ${to}`);
  };
  const addTransition = (from: string, t: Transition | SharedTransition): void => {
    if (t.targets !== undefined && t.targets.length > 0) {
      for (const branch of t.targets) {
        if (!known.has(branch.target)) continue;
        const when = branch.when === undefined ? words.otherwise : labels.condition(branch.when);
        edge(stageId(from), stageId(branch.target), `${eventText(t, labels)} [${when}]`);
      }
    } else if (t.target !== undefined && known.has(t.target)) {
      edge(stageId(from), stageId(t.target), eventText(t, labels));
    }
  };

  for (const stage of plan.stages) {
    const id = stageId(stage.id);
    const label = mermaidText(labels.item(stage) + labels.ownersByLevel(stage));
    if (stage.final === true) outside.push(`  ${id}(["${label}"])`);
    else place(stage.owner, `${id}["${label}"]`);
    for (const track of stage.tracks ?? []) {
      const trackId = ids.get('track', 's', `${stage.id}__${track.id}`);
      const events = track.on.map((t) => eventText(t, labels)).join(words.list);
      place(track.owner ?? stage.owner, `${trackId}[["${mermaidText(`${labels.item(track)}${labels.trackLevels(track)}: ${events}`)}"]]`);
      edges.push(`  ${id} -.-> ${trackId}`);
    }
    if ((stage.tracks?.length ?? 0) > 0 && stage.done !== undefined && known.has(stage.done)) {
      edge(id, stageId(stage.done), words.allTracksDone);
    }
    for (const t of stage.on) addTransition(stage.id, t);
  }
  for (const t of plan.transitions) {
    const stages = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in.filter((s) => known.has(s));
    for (const s of stages) addTransition(s, t);
  }

  const lines = ['flowchart LR', `  %% ${mermaidText(`${plan.id} ${plan.version}`)} — planwright diagram --view swimlane`];
  // Lanes in the order the flow first reaches them: by the first stage each team owns.
  const firstStage = (team: string): number => {
    const i = plan.stages.findIndex((s) => s.final !== true && s.owner === team);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const laneOrder = plan.teams.map((t, i) => ({ t, i })).sort((a, b) => firstStage(a.t.id) - firstStage(b.t.id) || a.i - b.i);
  for (const { t: team } of laneOrder) {
    const members = lanes.get(team.id);
    if (members === undefined) continue;
    lines.push(`  subgraph ${ids.get('team', 't', team.id)}["${mermaidText(labels.item(team))}"]`, '    direction TB');
    for (const m of members) lines.push(`    ${m}`);
    lines.push('  end');
  }
  const opening = plan.stages[0];
  const start = ids.get('start', 'o', 'open');
  lines.push(`  ${start}(( ))`);
  for (const l of outside) lines.push(l.startsWith('  ') ? l : `  ${l}`);
  if (opening !== undefined) lines.push(`  ${start} --> ${stageId(opening.id)}`);
  for (const edge of edges) lines.push(edge);
  return `${lines.join('\n')}\n`;
}
