import type { PlanDefinition } from '../../dsl/schema/plan.js';
import type { SharedTransition, Transition } from '../../dsl/schema/transition.js';
import { DiagramLabels, diagramLocaleOf } from './diagram-labels.js';
import { MermaidIds, mermaidText } from './mermaid-text.js';

/** Options of {@link planStateDiagram} and {@link planSwimlaneDiagram}. */
export interface DiagramOptions {
  /** Locale of titles and words (default: the plan's first locale, else `en`). */
  readonly locale?: string;
  /** Write ids after titles (`收到预警 (ALERT)`, `指挥组组长 (command.leader)`); default titles only. */
  readonly ids?: boolean;
}

function transitionLabel(t: Transition | SharedTransition, labels: DiagramLabels): string {
  const guard = t.when === undefined ? '' : ` [${labels.condition(t.when)}]`;
  return mermaidText(`${labels.event(t.event)}${guard} · ${labels.words.by} ${labels.whoList(t.by)}`);
}

/**
 * The plan as a Mermaid `stateDiagram-v2`: stages (titled), the opening and final stages, every
 * transition labelled with its event, guard and who may fire it (conditional targets through a
 * choice), a stage's tracks as concurrent regions, and a note on each stage listing the transitions
 * that stay in it (recorded without moving on) and the deadlines it arms (`from: open` ones on the
 * opening stage). Shared stay transitions accepted in every stage are listed once, on the opening stage.
 *
 * @example
 * const text = planStateDiagram(plan, { locale: 'en' });
 * text.split('\n')[0]; // 'stateDiagram-v2'
 */
export function planStateDiagram(plan: PlanDefinition, options: DiagramOptions = {}): string {
  const labels = new DiagramLabels(plan, diagramLocaleOf(plan, options.locale), options.ids === true);
  const words = labels.words;
  const ids = new MermaidIds();
  const stageId = (id: string): string => ids.get('stage', 's', id);
  const known = new Set(plan.stages.map((s) => s.id));
  const finals = new Set(plan.stages.filter((s) => s.final === true).map((s) => s.id));
  const lines: string[] = ['stateDiagram-v2', `  %% ${mermaidText(`${plan.id} ${plan.version}`)} — planwright diagram --view state`];
  const edges: string[] = [];
  let choices = 0;
  const notes = new Map<string, string[]>();
  const note = (stage: string, text: string): void => {
    const list = notes.get(stage) ?? [];
    list.push(text);
    notes.set(stage, list);
  };
  const stayLabels = new Map<string, string[]>();
  const stays = (stage: string, label: string): void => {
    const list = stayLabels.get(stage) ?? [];
    list.push(label);
    stayLabels.set(stage, list);
  };

  const addTransition = (from: string, t: Transition | SharedTransition): void => {
    const label = transitionLabel(t, labels);
    if (t.targets !== undefined && t.targets.length > 0) {
      choices += 1;
      const choice = ids.get('choice', 'c', `${from}_${t.event}_${choices}`);
      lines.push(`  state ${choice} <<choice>>`);
      edges.push(`  ${stageId(from)} --> ${choice} : ${label}`);
      for (const branch of t.targets) {
        if (!known.has(branch.target)) continue;
        const when = branch.when === undefined ? words.otherwise : `${words.when} ${labels.condition(branch.when)}`;
        edges.push(`  ${choice} --> ${stageId(branch.target)} : ${mermaidText(when)}`);
      }
      return;
    }
    if (t.target === undefined) stays(from, label);
    else if (known.has(t.target)) edges.push(`  ${stageId(from)} --> ${stageId(t.target)} : ${label}`);
  };

  for (const stage of plan.stages) {
    const id = stageId(stage.id);
    const label = mermaidText(labels.item(stage) + labels.ownersByLevel(stage));
    if (stage.tracks === undefined || stage.tracks.length === 0) {
      lines.push(`  state "${label}" as ${id}`);
    } else {
      lines.push(`  state "${label}" as ${id} {`);
      stage.tracks.forEach((track, k) => {
        if (k > 0) lines.push('    --');
        const trackId = ids.get('track', 's', `${stage.id}__${track.id}`);
        const owner = track.owner === undefined ? '' : ` · ${labels.who(track.owner)}`;
        lines.push(`    state "${mermaidText(labels.item(track) + owner + labels.trackLevels(track))}" as ${trackId}`);
        lines.push(`    [*] --> ${trackId}`);
        for (const t of track.on) lines.push(`    ${trackId} --> [*] : ${transitionLabel(t, labels)}`);
      });
      lines.push('  }');
      if (stage.done !== undefined && known.has(stage.done)) edges.push(`  ${id} --> ${stageId(stage.done)} : ${mermaidText(words.allTracksDone)}`);
    }
    for (const t of stage.on) addTransition(stage.id, t);
  }

  const everywhere: string[] = [];
  for (const t of plan.transitions) {
    if (t.in === '*' && t.target === undefined && t.targets === undefined) {
      everywhere.push(transitionLabel(t, labels));
      continue;
    }
    const stages = t.in === '*' ? plan.stages.filter((s) => s.final !== true).map((s) => s.id) : t.in.filter((s) => known.has(s));
    for (const s of stages) addTransition(s, t);
  }

  const opening = plan.stages[0];
  if (opening !== undefined) lines.push(`  [*] --> ${stageId(opening.id)}`);
  for (const edge of edges) lines.push(edge);
  for (const s of finals) lines.push(`  ${stageId(s)} --> [*]`);

  if (opening !== undefined && everywhere.length > 0) note(opening.id, `${words.everyStage}: ${everywhere.join(' | ')}`);
  for (const stage of plan.stages) {
    const labels = stayLabels.get(stage.id);
    if (labels !== undefined) note(stage.id, `${words.staysHere}: ${labels.join(' | ')}`);
  }
  for (const deadline of plan.deadlines) {
    const at = deadline.from === 'enter' && deadline.stage !== undefined && known.has(deadline.stage) ? deadline.stage : opening?.id;
    if (at !== undefined) note(at, mermaidText(labels.deadline(deadline)));
  }
  // One note per stage, its items separated by <br/> (Mermaid joins the lines of a multi-line note).
  for (const stage of plan.stages) {
    const texts = notes.get(stage.id);
    if (texts !== undefined) lines.push(`  note right of ${stageId(stage.id)}`, `    ${texts.join('<br/>')}`, '  end note');
  }
  return `${lines.join('\n')}\n`;
}
