import { hashCanonical } from '../compile/hash.js';
import type { Condition } from '../dsl/schema/condition.js';
import type { Deadline } from '../dsl/schema/deadline.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Stage } from '../dsl/schema/stage.js';
import type { SharedTransition, Transition } from '../dsl/schema/transition.js';
import { conditionText, diagramWords, thresholdText } from '../report/diagram/diagram-labels.js';
import { templatePlaceholders } from '../dsl/template-placeholders.js';
import type { DocumentLocale } from './document-labels.js';
import type { DocumentBlock, PlanDocument } from './plan-document-model.js';
import { PlanText } from './plan-text.js';
import { stateDiagramSvg } from './state-diagram-svg.js';
import { swimlaneDiagramSvg } from './swimlane-diagram-svg.js';

/** Options of {@link planDocument}. */
export interface PlanDocumentOptions {
  /** Language of headings and labels, and of the plan's texts (default: the plan's first locale, else `en`). */
  readonly locale?: string;
  /** The plan file's name, quoted in the document's provenance line. */
  readonly file?: string;
}

/**
 * The locale a plan document is written in: the one asked for, else the plan's first locale, else English.
 *
 * @example
 * documentLocaleOf(plan, undefined); // 'zh-CN' for a plan with locales: [zh-CN, en]
 */
export function documentLocaleOf(plan: PlanDefinition, requested?: string): DocumentLocale {
  const locale = requested ?? plan.locales?.[0] ?? 'en';
  return locale === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * The plan as the document a public body approves and files (预案文本): purpose and scope,
 * organisation and duties, severity levels, triggers and impacts, the response procedure with its
 * diagrams and who may do what in each stage, the time limits by level, resources, announcement
 * templates, evaluation, and training and drills — in that order, every text taken from the plan.
 *
 * @example
 * const doc = planDocument(plan, { locale: 'zh-CN' });
 * doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => b.text);
 * // ['一、总则', '二、组织体系与职责', …]
 */
export function planDocument(plan: PlanDefinition, options: PlanDocumentOptions = {}): PlanDocument {
  const locale = documentLocaleOf(plan, options.locale);
  const pt = new PlanText(plan, locale);
  const { labels } = pt;
  const blocks: DocumentBlock[] = [];
  const title = pt.text(plan.title, plan.id);
  let section = 0;
  const heading = (text: string): void => {
    section += 1;
    blocks.push({ kind: 'heading', level: 2, text: `${labels.sectionNumber(section)}${text}` });
  };
  const sub = (index: number, text: string): void => {
    blocks.push({ kind: 'heading', level: 3, text: `${labels.subNumber(section, index)}${text}` });
  };
  const paragraph = (text: string): void => {
    if (text !== '') blocks.push({ kind: 'paragraph', text });
  };
  const none = (): void => paragraph(labels.noneDeclared);

  blocks.push({ kind: 'heading', level: 1, text: title });

  // 1 — purpose and scope
  heading(labels.sections.general);
  paragraph(pt.text(plan.description));
  const meta = [
    { label: labels.version, text: plan.version },
    { label: labels.planId, text: plan.id },
    ...(plan.timezone === undefined ? [] : [{ label: labels.timezone, text: plan.timezone }]),
  ];
  blocks.push({ kind: 'list', items: meta.map((m) => ({ label: m.label, text: m.text })) });
  if (plan.notes !== undefined) paragraph(pt.text(plan.notes));
  paragraph(labels.generatedFrom(options.file ?? `${plan.id}.plan.yaml`, plan.version, hashCanonical(plan).slice(0, 12)));

  // 2 — organisation and duties
  heading(labels.sections.organisation);
  if (plan.teams.length === 0) none();
  else {
    paragraph(labels.teamsIntro);
    blocks.push({
      kind: 'table',
      name: 'teams',
      headers: [labels.team, labels.leader, labels.deputy, labels.members, labels.duties],
      rows: plan.teams.map((team) => [
        pt.title('team', team.id),
        team.leader === undefined ? labels.none : pt.title('role', team.leader),
        team.deputy === undefined ? labels.none : pt.title('role', team.deputy),
        pt.roles(team.members),
        team.duties.length === 0 ? labels.none : team.duties.map((d) => pt.text(d)).join('\n'),
      ]),
    });
  }
  blocks.push({ kind: 'heading', level: 3, text: labels.roles });
  blocks.push({
    kind: 'table',
    name: 'roles',
    headers: [labels.role, labels.positions, labels.description],
    rows: plan.roles.map((role) => [pt.title('role', role.id), positionsOf(plan, pt, role.id), pt.text(role.description) || labels.none]),
  });

  // 3 — severity levels
  heading(labels.sections.severity);
  paragraph(labels.levelsIntro);
  blocks.push({
    kind: 'table',
    name: 'levels',
    headers: [labels.level, labels.levelTitle, labels.description],
    rows: plan.severity.map((level) => [level.id, pt.title('level', level.id), pt.text(level.description) || labels.none]),
  });

  // 4 — triggers and impacts
  heading(labels.sections.triggers);
  sub(1, labels.categories);
  blocks.push({
    kind: 'list',
    items: plan.categories.map((c) => {
      const examples = (c.examples ?? []).map((e) => pt.text(e));
      const description = pt.text(c.description);
      const extra = examples.length === 0 ? '' : `${description === '' ? '' : ' '}${labels.examples}: ${pt.join(examples)}`;
      return { label: pt.title('category', c.id), text: `${description}${extra}` };
    }),
  });
  sub(2, labels.impacts);
  if (plan.impacts.length === 0) none();
  else blocks.push({ kind: 'list', items: plan.impacts.map((i) => ({ label: pt.text(i.title, i.id), text: pt.text(i.description) })) });

  // 5 — response procedure
  heading(labels.sections.procedure);
  paragraph(labels.procedureIntro(plan.stages.length));
  const state = stateDiagramSvg(plan, { locale });
  blocks.push({ kind: 'figure', name: 'state', caption: labels.stateDiagram, ...state });
  const swimlane = swimlaneDiagramSvg(plan, { locale });
  blocks.push({ kind: 'figure', name: 'swimlane', caption: labels.swimlaneDiagram, ...swimlane });
  plan.stages.forEach((stage, index) => {
    sub(index + 1, pt.title('stage', stage.id));
    stageBlocks(plan, pt, stage, index === 0).forEach((b) => blocks.push(b));
  });

  // 6 — time limits
  heading(labels.sections.timeLimits);
  if (plan.deadlines.length === 0) none();
  else {
    paragraph(labels.timeLimitsIntro);
    const levels = plan.severity.map((l) => l.id);
    blocks.push({
      kind: 'table',
      name: 'deadlines',
      headers: [labels.deadline, labels.measuredFrom, labels.metBy, ...plan.severity.map((l) => levelHeading(pt, l.id))],
      rows: plan.deadlines.map((d) => {
        const applies = applicableLevels(plan, d);
        const from = d.from === 'enter' && d.stage !== undefined ? labels.fromEntering(pt.title('stage', d.stage)) : labels.fromOpen;
        const notes = [from];
        if (d.recurring === true) notes.push(labels.recurring);
        if (d.when !== undefined && applies === undefined) notes.push(`${labels.onlyWhen}: ${conditionWords(pt, d.when)}`);
        return [
          pt.title('deadline', d.id),
          notes.join('\n'),
          pt.join(d.metBy.map((e) => pt.title('event', e))),
          ...levels.map((level) => {
            if (applies !== undefined && !applies.has(level)) return labels.notApplicable;
            return dueAtLevel(pt, d.due, level) ?? labels.none;
          }),
        ];
      }),
    });
    blocks.push({ kind: 'heading', level: 3, text: labels.remindersAndBreach });
    blocks.push({
      kind: 'table',
      name: 'escalation',
      headers: [labels.deadline, labels.reminders, labels.onBreach],
      rows: plan.deadlines.map((d) => [
        pt.title('deadline', d.id),
        d.remind === undefined || d.remind.length === 0 ? labels.none : d.remind.map((r) => labels.remindBefore(pt.duration(r.before), pt.roles(r.notify))).join('\n'),
        pt.actions(d.breach),
      ]),
    });
  }

  // 7 — resources
  heading(labels.sections.resources);
  if (plan.resources.length === 0) none();
  else {
    blocks.push({
      kind: 'table',
      name: 'resources',
      headers: [labels.resource, labels.kind, labels.description, labels.usedIn],
      rows: plan.resources.map((r) => [
        pt.title('resource', r.id),
        [r.kind === undefined ? labels.none : (labels.kinds[r.kind] ?? r.kind), ...(r.whenNeeded === true ? [labels.whenNeeded] : [])].join(locale === 'zh-CN' ? '，' : ', '),
        pt.text(r.description) || labels.none,
        pt.join(plan.stages.filter((s) => s.resources.includes(r.id)).map((s) => pt.title('stage', s.id))),
      ]),
    });
  }

  // 8 — announcement templates
  heading(labels.sections.templates);
  if (plan.templates.length === 0) none();
  plan.templates.forEach((template, index) => {
    sub(index + 1, pt.title('template', template.id));
    const body = pt.text(template.body);
    blocks.push({ kind: 'paragraph', text: body, quote: true });
    const placeholders = templatePlaceholders(body);
    if (placeholders.length > 0) {
      const fields = new Set(plan.fields.map((f) => f.id));
      blocks.push({
        kind: 'list',
        items: [{ label: labels.placeholders, text: pt.join(placeholders.map((p) => (fields.has(p) ? `{{${p}}} ${pt.title('field', p)}` : `{{${p}}}`))) }],
      });
    }
  });

  // 9 — evaluation
  heading(labels.sections.evaluation);
  if (plan.evaluation.length === 0) none();
  else {
    blocks.push({
      kind: 'table',
      name: 'evaluation',
      headers: [labels.criterion, labels.description, labels.measure],
      rows: plan.evaluation.map((c) => [pt.text(c.title, c.id), pt.text(c.description) || labels.none, measureText(c.measure) || labels.none]),
    });
  }

  // 10 — training and drills
  heading(labels.sections.drills);
  const drills = plan.drills;
  if (drills === undefined || (drills.guidance.length === 0 && drills.scenarios.length === 0)) none();
  else {
    if (drills.guidance.length > 0) {
      sub(1, labels.guidance);
      blocks.push({ kind: 'list', items: drills.guidance.map((g) => ({ text: pt.text(g) })) });
    }
    if (drills.scenarios.length > 0) {
      sub(drills.guidance.length > 0 ? 2 : 1, labels.scenarios);
      blocks.push({ kind: 'list', items: drills.scenarios.map((s) => ({ text: pt.text(s) })) });
    }
  }

  return { title, locale, blocks };
}

/** A level as a column heading: `特别重大（I）`, `major (major)` shortened to `major`. */
function levelHeading(pt: PlanText, id: string): string {
  const title = pt.title('level', id);
  if (title === id) return id;
  return pt.locale === 'zh-CN' ? `${title}（${id}）` : `${title} (${id})`;
}

/** The measure of an evaluation criterion as text, whatever shape the plan gives it. */
function measureText(measure: unknown): string {
  if (measure === undefined || measure === null) return '';
  if (typeof measure === 'string') return measure;
  if (typeof measure === 'object' && 'kind' in measure && typeof measure.kind === 'string') return measure.kind;
  return '';
}

/** The team positions a role holds: `舆情应急指挥小组组长`, … */
function positionsOf(plan: PlanDefinition, pt: PlanText, role: string): string {
  const out: string[] = [];
  for (const team of plan.teams) {
    const title = pt.title('team', team.id);
    if (team.leader === role) out.push(pt.labels.position(title, 'leader'));
    if (team.deputy === role) out.push(pt.labels.position(title, 'deputy'));
    if (team.members.includes(role)) out.push(pt.labels.position(title, 'members'));
  }
  return pt.join(out);
}

/** A condition in words, with fields by their titles. */
function conditionWords(pt: PlanText, condition: Condition): string {
  const titled = (c: Condition): Condition => {
    if ('all' in c) return { all: c.all.map(titled) };
    if ('any' in c) return { any: c.any.map(titled) };
    if ('not' in c) return { not: titled(c.not) };
    return { ...c, field: pt.title('field', c.field) };
  };
  return conditionText(titled(condition), diagramWords(pt.locale), undefined, (operand) => thresholdText(pt.plan, operand, pt.locale));
}

/**
 * The levels a deadline applies at, when its `when` is a plain test of the plan's severity field
 * (`{ field: severity, in: [I, II] }`); `undefined` when it applies at every level or the condition is
 * about something else (then the condition is written out instead).
 */
function applicableLevels(plan: PlanDefinition, deadline: Deadline): Set<string> | undefined {
  const when = deadline.when;
  if (when === undefined || !('field' in when)) return undefined;
  const field = plan.fields.find((f) => f.id === when.field);
  if (field?.type !== 'severity') return undefined;
  const operators = Object.keys(when).filter((k) => k !== 'field');
  if (operators.length !== 1) return undefined;
  if (when.in !== undefined) return new Set(when.in.map(String));
  if (when.eq !== undefined) return new Set([String(when.eq)]);
  if (when.ne !== undefined) return new Set(plan.severity.map((l) => l.id).filter((l) => l !== String(when.ne)));
  return undefined;
}

/** The transitions a stage accepts: its own, its tracks', and the shared ones that name it. */
function sharedIn(plan: PlanDefinition, stage: Stage): SharedTransition[] {
  return plan.transitions.filter((t) => (t.in === '*' ? stage.final !== true : t.in.includes(stage.id)));
}

function outcome(pt: PlanText, t: Transition | SharedTransition): string {
  if (t.targets !== undefined && t.targets.length > 0) {
    return t.targets
      .map((branch) => {
        const goes = pt.labels.goesTo(pt.title('stage', branch.target));
        return branch.when === undefined ? `${pt.labels.otherwise}: ${goes}` : `${conditionWords(pt, branch.when)}: ${goes}`;
      })
      .join('\n');
  }
  return t.target === undefined ? pt.labels.staysInStage : pt.labels.goesTo(pt.title('stage', t.target));
}

/**
 * A deadline's due time at one severity level, in words: a duration, a clock time (DSL v2
 * `{ clock: '21:00' }`), or the bands of a measured field (`{ band, bands }`); undefined when the
 * per-level map gives none for `level`.
 */
function dueAtLevel(pt: PlanText, due: Deadline['due'], level: string): string | undefined {
  if (typeof due === 'string') return pt.duration(due);
  if ('clock' in due && typeof due.clock === 'string') return due.clock;
  if ('band' in due && typeof due.band === 'string') {
    const banded = due as { band: string; bands: ReadonlyArray<{ below?: number; due: string }> };
    const field = pt.title('field', banded.band);
    return banded.bands.map((band) => (band.below === undefined ? pt.duration(band.due) : `${field} < ${band.below}: ${pt.duration(band.due)}`)).join('\n');
  }
  const text = (due as Record<string, string>)[level];
  return text === undefined ? undefined : pt.duration(text);
}

/** Who may send a transition's event: the list, or (DSL v2) one line per level. */
function whoMay(pt: PlanText, by: Transition['by']): string {
  if (Array.isArray(by)) return pt.who(by);
  return Object.entries(by as Record<string, string[]>)
    .map(([level, entries]) => `${level}: ${pt.who(entries)}`)
    .join('\n');
}

function transitionRow(plan: PlanDefinition, pt: PlanText, t: Transition | SharedTransition): string[] {
  const event = plan.events.find((e) => e.id === t.event);
  const required = [...(event?.requires ?? []), ...(t.requires ?? [])];
  const condition = t.when === undefined ? pt.labels.none : conditionWords(pt, t.when);
  return [
    pt.title('event', t.event),
    whoMay(pt, t.by),
    condition,
    required.length === 0 ? pt.labels.none : pt.join([...new Set(required)].map((f) => pt.title('field', f))),
    outcome(pt, t),
    t.do === undefined || t.do.length === 0 ? pt.labels.none : pt.actions(t.do),
  ];
}

/** A stage's text: description, responsible team, resources, entry actions, and who may do what. */
function stageBlocks(plan: PlanDefinition, pt: PlanText, stage: Stage, opening: boolean): DocumentBlock[] {
  const { labels } = pt;
  const blocks: DocumentBlock[] = [];
  const description = pt.text(stage.description);
  if (description !== '') blocks.push({ kind: 'paragraph', text: description });
  const facts: Array<{ label?: string; text: string }> = [];
  if (opening) facts.push({ text: labels.openingStage });
  if (stage.owner !== undefined) facts.push({ label: labels.owner, text: pt.title('team', stage.owner) });
  if (stage.resources.length > 0) facts.push({ label: labels.usesResources, text: pt.join(stage.resources.map((r) => pt.title('resource', r))) });
  if (stage.enter !== undefined && stage.enter.length > 0) facts.push({ label: labels.onEntering, text: pt.actions(stage.enter).replace(/\n/g, labels.listSeparator) });
  if (stage.final === true) facts.push({ text: labels.finalStage });
  if (facts.length > 0) blocks.push({ kind: 'list', items: facts });

  const headers = [labels.action, labels.whoMay, labels.condition, labels.mustRecord, labels.outcome, labels.alsoDoes];
  if (stage.tracks !== undefined && stage.tracks.length > 0) {
    blocks.push({ kind: 'paragraph', text: labels.tracksIntro(stage.done === undefined ? undefined : pt.title('stage', stage.done)) });
    blocks.push({
      kind: 'table',
      name: `stage-${stage.id}-tracks`,
      headers: [labels.track, labels.owner, ...headers.slice(0, 4), labels.alsoDoes],
      rows: stage.tracks.flatMap((track) =>
        track.on.map((t) => {
          const row = transitionRow(plan, pt, t);
          return [pt.text(track.title, track.id), pt.title('team', track.owner ?? stage.owner ?? '') || labels.none, ...row.slice(0, 4), row[5] ?? labels.none];
        }),
      ),
    });
  }
  const transitions = [...stage.on, ...sharedIn(plan, stage)];
  if (transitions.length > 0) {
    blocks.push({ kind: 'table', name: `stage-${stage.id}`, headers, rows: transitions.map((t) => transitionRow(plan, pt, t)) });
  }
  return blocks;
}
