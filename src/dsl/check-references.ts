import type { DiagnosticCode, DiagnosticParams, IdKind, UnknownRefParams } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import type { Locale } from '../diagnostics/locale.js';
import { checkCondition, type ConditionScope } from './check-condition.js';
import { checkQuantities } from './check-quantities.js';
import { KnownIds, type ReferencePath, type ReferenceScope, type UnknownRefCode } from './reference-scope.js';
import { checkActionLevels, checkStageLevels } from './check-level-duties.js';
import { tryParseDuration } from '../compile/duration.js';
import type { Action } from './schema/action.js';
import type { Condition } from './schema/condition.js';
import type { Deadline, Due } from './schema/deadline.js';
import { IMMEDIATELY } from './schema/patterns.js';
import { isTimeZone } from '../plan-format/time-zone.js';
import type { LocalizedText } from './schema/common.js';
import type { Field } from './schema/field.js';
import type { Measure } from './schema/measure.js';
import type { PlanDefinition } from './schema/plan.js';
import type { Stage } from './schema/stage.js';
import type { Team } from './schema/team.js';
import { BUILTIN_PLACEHOLDERS } from '../plan-format/builtin-placeholders.js';
import type { Transition } from './schema/transition.js';
import { templatePlaceholders } from './template-placeholders.js';

/** Options of {@link checkReferences}. */
export interface CheckReferencesOptions {
  /** Message locale (default `en`). */
  locale?: Locale;
}

const POSITIONS = ['leader', 'deputy', 'members'] as const;
/** Checks the references of one plan (see {@link checkReferences}); `ref` and `checkBy` see every reference. */
export class ReferenceChecker implements ReferenceScope {
  readonly out: Diagnostic[] = [];
  readonly roles: KnownIds;
  readonly teams: Map<string, Team>;
  readonly fields: Map<string, Field>;
  readonly stages: Map<string, Stage>;
  readonly severity: KnownIds;
  readonly events: KnownIds;
  readonly resources: KnownIds;
  readonly templates: KnownIds;
  readonly effects: KnownIds;
  readonly teamIds: KnownIds;
  readonly fieldIds: KnownIds;
  readonly stageIds: KnownIds;
  readonly deadlineIds: KnownIds;
  readonly measureIds: KnownIds;
  /** Roles and teams, for a `by` entry that is neither. */
  readonly roleOrTeamIds: KnownIds;
  /** Built-in placeholders and fields, for template texts. */
  readonly placeholders: KnownIds;
  readonly scope: ConditionScope;

  constructor(
    readonly plan: PlanDefinition,
    readonly locale: Locale,
  ) {
    const firstById = <T extends { id: string }>(items: readonly T[]): Map<string, T> => {
      const map = new Map<string, T>();
      for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
      return map;
    };
    const severity = plan.severity.map((s) => s.id);
    this.roles = new KnownIds(plan.roles.map((r) => r.id));
    this.teams = firstById(plan.teams);
    this.fields = firstById(plan.fields);
    this.stages = firstById(plan.stages);
    this.severity = new KnownIds(severity);
    this.events = new KnownIds(plan.events.map((e) => e.id));
    this.resources = new KnownIds(plan.resources.map((r) => r.id));
    this.templates = new KnownIds(plan.templates.map((t) => t.id));
    this.effects = new KnownIds(plan.effects.map((e) => e.id));
    this.teamIds = new KnownIds([...this.teams.keys()]);
    this.fieldIds = new KnownIds([...this.fields.keys()]);
    this.stageIds = new KnownIds([...this.stages.keys()]);
    this.deadlineIds = new KnownIds([...new Set(plan.deadlines.map((d) => d.id))]);
    this.measureIds = new KnownIds([...new Set(plan.measures.map((m) => m.id))]);
    this.roleOrTeamIds = new KnownIds([...new Set([...this.roles.list, ...this.teams.keys()])]);
    this.placeholders = new KnownIds([...new Set([...BUILTIN_PLACEHOLDERS, ...this.fields.keys()])]);
    this.scope = { fields: this.fields, severityLevels: severity, thresholds: firstById(plan.thresholds ?? []) };
  }

  push<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], path: ReferencePath, target?: 'key'): void {
    this.out.push(createDiagnostic(code, params, path, target === undefined ? { locale: this.locale } : { locale: this.locale, target }));
  }

  /** Report `id` unless it is in `known`. */
  ref(code: UnknownRefCode, id: string, ids: KnownIds, path: ReferencePath, target?: 'key'): void {
    if (ids.has(id)) return;
    const known = [...ids.list];
    const suggestion = closestMatch(id, known);
    const params: UnknownRefParams = suggestion === undefined ? { id, known } : { id, known, suggestion };
    this.push(code, params as DiagnosticParams[typeof code], path, target);
  }

  duplicates(items: ReadonlyArray<{ id: string }>, path: ReferencePath, kind: IdKind): void {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) this.push('duplicate-id', { id: item.id, kind }, [...path, index, 'id']);
      seen.add(item.id);
    });
  }

  run(): Diagnostic[] {
    const p = this.plan;
    this.duplicates(p.severity, ['severity'], 'severity');
    this.duplicates(p.categories, ['categories'], 'category');
    this.duplicates(p.impacts, ['impacts'], 'impact');
    this.duplicates(p.roles, ['roles'], 'role');
    this.duplicates(p.teams, ['teams'], 'team');
    this.duplicates(p.fields, ['fields'], 'field');
    this.duplicates(p.resources, ['resources'], 'resource');
    this.duplicates(p.templates, ['templates'], 'template');
    this.duplicates(p.effects, ['effects'], 'effect');
    this.duplicates(p.events, ['events'], 'event');
    this.duplicates(p.stages, ['stages'], 'stage');
    this.duplicates(p.deadlines, ['deadlines'], 'deadline');
    this.duplicates(p.evaluation, ['evaluation'], 'evaluation');
    this.duplicates(p.measures, ['measures'], 'measure');
    this.duplicates(
      p.migrations.map((m) => ({ id: m.from })),
      ['migrations'],
      'migration',
    );
    if (p.timezone !== undefined && !isTimeZone(p.timezone)) this.push('unknown-timezone', { timezone: p.timezone }, ['timezone']);
    p.roles.forEach((role, i) => {
      if (role.id === 'any-role') this.push('ambiguous-id', { id: role.id }, ['roles', i, 'id']);
    });
    p.teams.forEach((team, i) => this.checkTeam(team, ['teams', i]));
    this.checkFields();
    p.events.forEach((event, i) => {
      event.requires.forEach((f, k) => this.ref('unknown-field', f, this.fieldIds, ['events', i, 'requires', k]));
      event.optional.forEach((f, k) => this.ref('unknown-field', f, this.fieldIds, ['events', i, 'optional', k]));
    });
    p.templates.forEach((template, i) => this.checkTemplateText(template.body, ['templates', i, 'body']));
    p.stages.forEach((stage, i) => this.checkStage(stage, ['stages', i]));
    p.transitions.forEach((t, i) => {
      const path = ['transitions', i];
      if (t.in !== '*') t.in.forEach((s, k) => this.ref('unknown-stage', s, this.stageIds, [...path, 'in', k]));
      this.checkTransition(t, path, undefined);
    });
    p.deadlines.forEach((deadline, i) => {
      const path = ['deadlines', i];
      if (deadline.owner !== undefined) this.ref('unknown-team', deadline.owner, this.teamIds, [...path, 'owner']);
      if (deadline.from === 'enter' && deadline.stage === undefined) this.push('deadline-needs-stage', { deadline: deadline.id }, path);
      this.checkDeadlineStart(deadline, path);
      if (deadline.stage !== undefined) this.ref('unknown-stage', deadline.stage, this.stageIds, [...path, 'stage']);
      if (deadline.when !== undefined) this.checkWhen(deadline.when, [...path, 'when']);
      this.checkDue(deadline.due, [...path, 'due']);
      deadline.metBy.forEach((e, k) => this.ref('unknown-event', e, this.events, [...path, 'metBy', k]));
      deadline.within?.forEach((s, k) => this.ref('unknown-stage', s, this.stageIds, [...path, 'within', k]));
      deadline.remind?.forEach((reminder, r) => {
        reminder.notify.forEach((role, k) => this.ref('unknown-role', role, this.roles, [...path, 'remind', r, 'notify', k]));
      });
      this.checkActions(deadline.breach, [...path, 'breach']);
    });
    checkQuantities(this);
    p.measures.forEach((measure, i) => this.checkMeasure(measure, ['measures', i]));
    p.evaluation.forEach((criterion, i) => {
      if (criterion.measure !== undefined) this.ref('unknown-measure', criterion.measure, this.measureIds, ['evaluation', i, 'measure']);
    });
    p.migrations.forEach((migration, i) => {
      for (const [from, to] of Object.entries(migration.stages)) {
        this.ref('unknown-stage', to, this.stageIds, ['migrations', i, 'stages', from]);
      }
    });
    return this.out;
  }

  /** DSL v2: what a deadline is measured from (event, occurrence field, condition) and its clock. */
  checkDeadlineStart(deadline: Deadline, path: ReferencePath): void {
    const id = deadline.id;
    if (deadline.from === 'event') {
      if (deadline.event === undefined) this.push('deadline-event-missing', { deadline: id }, [...path, 'from']);
    }
    if (deadline.event !== undefined) this.ref('unknown-event', deadline.event, this.events, [...path, 'event']);
    if (deadline.from === 'condition' && deadline.when === undefined) this.push('deadline-condition-missing', { deadline: id }, [...path, 'from']);
    if (deadline.at !== undefined) {
      this.ref('unknown-field', deadline.at, this.fieldIds, [...path, 'at']);
      const field = this.fields.get(deadline.at);
      if (field !== undefined && field.type !== 'datetime') this.push('deadline-at-not-datetime', { deadline: id, field: deadline.at, fieldType: field.type }, [...path, 'at']);
    }
    if (deadline.match !== undefined) {
      this.ref('unknown-field', deadline.match, this.fieldIds, [...path, 'match']);
      if (deadline.each !== true) this.push('deadline-match-without-each', { deadline: id }, [...path, 'match']);
    }
    // A clock-time due is read in the plan's timezone, checked once for the whole plan above.
    const due = deadline.due;
    const texts =
      typeof due === 'string'
        ? [due]
        : 'clock' in due
          ? []
          : 'band' in due && Array.isArray(due.bands)
            ? (due.bands as { due: string }[]).map((b) => b.due)
            : Object.values(due as Record<string, string>);
    if (texts.includes(IMMEDIATELY) && this.plan.timing?.immediately === undefined) this.push('immediately-undefined', { deadline: id }, [...path, 'due']);
  }

  checkTeam(team: Team, path: ReferencePath): void {
    if (this.roles.has(team.id) || team.id === 'any-role') this.push('ambiguous-id', { id: team.id }, [...path, 'id']);
    if (team.leader !== undefined) this.ref('unknown-role', team.leader, this.roles, [...path, 'leader']);
    if (team.deputy !== undefined) this.ref('unknown-role', team.deputy, this.roles, [...path, 'deputy']);
    team.members.forEach((m, k) => this.ref('unknown-role', m, this.roles, [...path, 'members', k]));
  }

  checkFields(): void {
    let severityField: string | undefined;
    this.plan.fields.forEach((field, i) => {
      const path = ['fields', i];
      if (field.type === 'severity') {
        if (severityField === undefined) severityField = field.id;
        else this.push('duplicate-severity-field', { id: field.id, first: severityField }, [...path, 'type']);
      }
      if (field.type === 'number' && field.min !== undefined && field.max !== undefined && field.min > field.max) {
        this.push('invalid-value', { kind: 'min-max', min: field.min, max: field.max }, [...path, 'min']);
      }
      if (field.type === 'enum') {
        this.duplicates(
          field.values.map((v) => ({ id: v })),
          [...path, 'values'],
          'enum-value',
        );
      }
    });
  }

  checkTemplateText(text: LocalizedText, path: ReferencePath): void {
    const check = (body: string, at: ReferencePath): void => {
      for (const name of templatePlaceholders(body)) this.ref('unknown-placeholder', name, this.placeholders, at);
    };
    if (typeof text === 'string') check(text, path);
    else for (const [locale, body] of Object.entries(text)) check(body, [...path, locale]);
  }

  checkStage(stage: Stage, path: ReferencePath): void {
    if (stage.owner !== undefined) this.ref('unknown-team', stage.owner, this.teamIds, [...path, 'owner']);
    checkStageLevels(this, stage, path);
    stage.resources.forEach((r, k) => this.ref('unknown-resource', r, this.resources, [...path, 'resources', k]));
    if (stage.enter !== undefined) this.checkActions(stage.enter, [...path, 'enter'], stage);
    stage.on.forEach((t, k) => this.checkTransition(t, [...path, 'on', k], undefined, stage));
    if (stage.tracks !== undefined) {
      this.duplicates(stage.tracks, [...path, 'tracks'], 'track');
      stage.tracks.forEach((track, k) => {
        const trackPath = [...path, 'tracks', k];
        if (track.owner !== undefined) this.ref('unknown-team', track.owner, this.teamIds, [...trackPath, 'owner']);
        track.on.forEach((t, n) => this.checkTransition(t, [...trackPath, 'on', n], track.id, stage));
      });
      // DSL v2 §4: a stage with level-gated tracks may omit `done` and stay when its duties are done.
      if (stage.done === undefined && !stage.tracks.some((track) => track.levels !== undefined)) this.push('missing-done', { stage: stage.id }, path);
    } else if (stage.done !== undefined) {
      this.push('done-without-tracks', { stage: stage.id }, [...path, 'done']);
    }
    if (stage.done !== undefined) this.ref('unknown-stage', stage.done, this.stageIds, [...path, 'done']);
  }

  checkMeasure(measure: Measure, path: ReferencePath): void {
    const deadlines = (ids: readonly string[] | undefined): void =>
      ids?.forEach((d, k) => this.ref('unknown-deadline', d, this.deadlineIds, [...path, 'deadlines', k]));
    switch (measure.kind) {
      case 'time-to': {
        if (measure.from !== 'open') this.ref('unknown-stage', measure.from.stage, this.stageIds, [...path, 'from', 'stage']);
        if ('stage' in measure.to) this.ref('unknown-stage', measure.to.stage, this.stageIds, [...path, 'to', 'stage']);
        else if (typeof measure.to.event === 'string') this.ref('unknown-event', measure.to.event, this.events, [...path, 'to', 'event']);
        else measure.to.event.forEach((e, k) => this.ref('unknown-event', e, this.events, [...path, 'to', 'event', k]));
        if (measure.limit !== undefined) this.checkDuration(measure.limit, [...path, 'limit']);
        break;
      }
      case 'deadline-time':
        this.ref('unknown-deadline', measure.deadline, this.deadlineIds, [...path, 'deadline']);
        break;
      case 'deadline-met-rate':
      case 'breach-count':
        deadlines(measure.deadlines);
        break;
      case 'field-change': {
        const field = this.fields.get(measure.field);
        if (field === undefined) this.ref('unknown-field', measure.field, this.fieldIds, [...path, 'field']);
        else if (field.type !== 'number') this.push('measure-field-not-number', { measure: measure.id, field: field.id, fieldType: field.type }, [...path, 'field']);
        break;
      }
      case 'refusal-count':
        measure.events?.forEach((e, k) => this.ref('unknown-event', e, this.events, [...path, 'events', k]));
        break;
    }
  }

  checkTransition(t: Transition, path: ReferencePath, track: string | undefined, stage?: Stage): void {
    this.ref('unknown-event', t.event, this.events, [...path, 'event']);
    if (Array.isArray(t.by)) t.by.forEach((entry, k) => this.checkBy(entry, [...path, 'by', k]));
    else {
      for (const [level, entries] of Object.entries(t.by)) {
        this.ref('unknown-severity', level, this.severity, [...path, 'by', level], 'key');
        entries.forEach((entry, k) => this.checkBy(entry, [...path, 'by', level, k]));
      }
    }
    if (t.when !== undefined) this.checkWhen(t.when, [...path, 'when']);
    t.requires?.forEach((f, k) => this.ref('unknown-field', f, this.fieldIds, [...path, 'requires', k]));
    if (track !== undefined && t.target !== undefined) this.push('target-in-track', { track }, [...path, 'target']);
    if (track !== undefined && t.targets !== undefined) this.push('target-in-track', { track }, [...path, 'targets']);
    if (t.target !== undefined) this.ref('unknown-stage', t.target, this.stageIds, [...path, 'target']);
    t.targets?.forEach((branch, k) => {
      if (branch.when !== undefined) this.checkWhen(branch.when, [...path, 'targets', k, 'when']);
      this.ref('unknown-stage', branch.target, this.stageIds, [...path, 'targets', k, 'target']);
      if (branch.do !== undefined) this.checkActions(branch.do, [...path, 'targets', k, 'do'], stage);
    });
    if (t.do !== undefined) this.checkActions(t.do, [...path, 'do'], stage);
  }

  checkBy(entry: string, path: ReferencePath): void {
    if (entry === 'any-role' || this.roles.has(entry) || this.teams.has(entry)) return;
    const dot = entry.indexOf('.');
    if (dot === -1) {
      this.ref('unknown-role', entry, this.roleOrTeamIds, path);
      return;
    }
    const teamId = entry.slice(0, dot);
    const position = entry.slice(dot + 1);
    const team = this.teams.get(teamId);
    if (team === undefined) {
      this.ref('unknown-team', teamId, this.teamIds, path);
      return;
    }
    if (!(POSITIONS as readonly string[]).includes(position)) {
      this.push('unknown-position', { id: entry, team: teamId, position }, path);
      return;
    }
    const vacant =
      (position === 'leader' && team.leader === undefined) ||
      (position === 'deputy' && team.deputy === undefined) ||
      (position === 'members' && team.members.length === 0);
    if (vacant) this.push('vacant-position', { id: entry, team: teamId, position: position as (typeof POSITIONS)[number] }, path);
  }

  checkWhen(condition: Condition, path: ReferencePath): void {
    for (const finding of checkCondition(condition, path, this.scope)) {
      this.push(finding.code, finding.params as never, finding.path);
    }
  }

  checkDuration(text: string, path: ReferencePath, target?: 'key'): void {
    const ms = tryParseDuration(text);
    if (ms === undefined || !Number.isSafeInteger(ms)) this.push('bad-duration', { value: text }, path, target);
    else if (ms <= 0) this.push('bad-duration', { value: text, zero: true }, path, target);
  }

  checkDue(due: Due, path: ReferencePath): void {
    if (typeof due === 'string') {
      if (due !== IMMEDIATELY) this.checkDuration(due, path);
      return;
    }
    if ('clock' in due && typeof due.clock === 'string') return;
    if ('band' in due && typeof due.band === 'string') {
      const banded = due as { band: string; bands: { below?: number; due: string }[] };
      this.ref('unknown-field', banded.band, this.fieldIds, [...path, 'band']);
      const field = this.fields.get(banded.band);
      if (field !== undefined && field.type !== 'number') this.push('band-field-not-number', { field: banded.band, fieldType: field.type }, [...path, 'band']);
      let previous = Number.NEGATIVE_INFINITY;
      banded.bands.forEach((b, k) => {
        if (b.due !== IMMEDIATELY) this.checkDuration(b.due, [...path, 'bands', k, 'due']);
        const last = k === banded.bands.length - 1;
        if ((b.below === undefined) !== last || (b.below !== undefined && b.below <= previous)) this.push('bands-unordered', { index: k }, [...path, 'bands', k]);
        if (b.below !== undefined) previous = b.below;
      });
      return;
    }
    for (const [level, duration] of Object.entries(due as Record<string, string>)) {
      this.ref('unknown-severity', level, this.severity, [...path, level], 'key');
      if (duration !== IMMEDIATELY) this.checkDuration(duration, [...path, level]);
    }
    const missing = this.severity.list.filter((level) => !Object.hasOwn(due, level));
    if (missing.length > 0) this.push('missing-severity-level', { missing }, path);
  }

  /** `stage`: the stage the actions belong to (enter, its transitions), which `owner.*` in a notify names (DSL v2). */
  checkActions(actions: readonly Action[], path: ReferencePath, stage?: Stage): void {
    actions.forEach((action, i) => {
      const at = [...path, i];
      checkActionLevels(this, action, at, stage);
      if ('notify' in action) {
        action.notify.forEach((role, k) => {
          if (!role.startsWith('owner.')) this.ref('unknown-role', role, this.roles, [...at, 'notify', k]);
        });
        if (action.template !== undefined) this.ref('unknown-template', action.template, this.templates, [...at, 'template']);
      } else if ('regrade' in action) {
        if (action.regrade !== 'up' && action.regrade !== 'down') this.ref('unknown-severity', action.regrade, this.severity, [...at, 'regrade']);
      } else if ('effect' in action) {
        this.ref('unknown-effect', action.effect, this.effects, [...at, 'effect']);
        if (action.template !== undefined) this.ref('unknown-template', action.template, this.templates, [...at, 'template']);
        action.to?.forEach((role, k) => this.ref('unknown-role', role, this.roles, [...at, 'to', k]));
      }
    });
  }
}

/**
 * Check a schema-valid plan's cross-references and rules the schema cannot express: every
 * referenced id is declared (roles, teams and positions in `by`, stages, events, fields, resources,
 * templates, severity levels, effects, deadlines and measures), ids are unique, every per-severity `due` names each level,
 * durations are positive, conditions fit their fields, template placeholders exist, tracks and
 * `done` go together, `from: enter` names a stage. Free of any YAML code, so the runtime can reuse
 * it on bundles. Diagnostics carry `path`; positions are attached by the caller.
 *
 * @example
 * const diagnostics = checkReferences(PlanSchema.parse(data));
 * // [{ code: 'unknown-stage', path: ['stages', 0, 'on', 0, 'target'], … }]
 */
export function checkReferences(plan: PlanDefinition, options: CheckReferencesOptions = {}): Diagnostic[] {
  return new ReferenceChecker(plan, options.locale ?? 'en').run();
}

