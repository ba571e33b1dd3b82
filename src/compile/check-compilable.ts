import type { Action } from '../dsl/schema/action.js';
import type { Condition } from '../dsl/schema/condition.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { Transition } from '../dsl/schema/transition.js';
import { BUILTIN_PLACEHOLDERS } from '../plan-format/builtin-placeholders.js';
import { CHANGE_FIELDS, IMMEDIATELY } from '../plan-format/patterns.js';
import { isTimeZone } from '../plan-format/time-zone.js';
import type { CompileProblem } from './compile-error.js';
import { conditionFields } from './conditions.js';
import { templatePlaceholders } from './render-template.js';

type Path = Array<string | number>;

/** What a plan declares, by the kind of id a reference names (the code of a dangling one is `unknown-<kind>`). */
type Kind = 'stage' | 'event' | 'field' | 'role' | 'template' | 'effect' | 'severity';

/**
 * The structural checks the compiler relies on (so that XState never throws on a plan):
 * unique ids, every referenced stage, event, field, role, template and effect declared,
 * track transitions without targets, per-severity due maps covering every level, durations
 * parseable. Returns the problems found (empty when compilable).
 *
 * @example
 * checkCompilable(plan); // []
 */
export function checkCompilable(definition: PlanDefinition): CompileProblem[] {
  const problems: CompileProblem[] = [];
  const add = (code: string, path: Path, message: string): void => {
    problems.push({ code, path, message });
  };
  const ids = (list: ReadonlyArray<{ id: string }>): Set<string> => new Set(list.map((x) => x.id));
  const stageIds = new Set<string>();
  definition.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) add('duplicate-id', ['stages', i, 'id'], `stage "${s.id}" is declared twice`);
    stageIds.add(s.id);
  });
  const fields = ids(definition.fields);
  const fieldTypes = new Map(definition.fields.map((f) => [f.id, f.type]));
  const levels = ids(definition.severity);
  const declared: Record<Kind, ReadonlySet<string>> = {
    stage: stageIds,
    event: ids(definition.events),
    field: fields,
    role: ids(definition.roles),
    template: ids(definition.templates),
    effect: new Set(['notify', ...ids(definition.effects)]),
    severity: levels,
  };
  /** Adds an `unknown-<kind>` problem for each of `refs` the plan does not declare. */
  const need = (kind: Kind, refs: readonly string[] | undefined, path: Path, message?: (ref: string) => string): void => {
    for (const ref of refs ?? []) {
      if (!declared[kind].has(ref)) add(`unknown-${kind}`, path, message?.(ref) ?? `unknown ${kind === 'severity' ? 'severity level' : kind} "${ref}"`);
    }
  };
  if (declared.event.size !== definition.events.length) add('duplicate-id', ['events'], 'an event id is declared twice');
  if (fields.size !== definition.fields.length) add('duplicate-id', ['fields'], 'a field id is declared twice');
  if (definition.fields.filter((f) => f.type === 'severity').length > 1) {
    add('several-severity-fields', ['fields'], 'at most one field may have type severity');
  }
  definition.events.forEach((e, i) => need('field', [...e.requires, ...e.optional], ['events', i], (f) => `event "${e.id}" names unknown field "${f}"`));
  const checkCondition = (c: Condition | undefined, path: Path): void => {
    if (c !== undefined) need('field', conditionFields(c).filter((f) => f !== 'severity' && !(CHANGE_FIELDS as readonly string[]).includes(f)), path, (f) => `condition reads unknown field "${f}"`);
  };
  const checkActions = (actions: readonly Action[] | undefined, path: Path): void => {
    actions?.forEach((a, i) => {
      const at = [...path, i];
      if ('notify' in a) need('role', a.notify.filter((role) => !role.startsWith('owner.')), at);
      checkCondition(a.when, [...at, 'when']);
      if ('regrade' in a && a.regrade !== 'up' && a.regrade !== 'down') need('severity', [a.regrade], at);
      if ('effect' in a) need('effect', [a.effect], at);
      if ('template' in a && a.template !== undefined) need('template', [a.template], at);
    });
  };
  const checkTransition = (t: Transition, path: Path, inTrack: boolean): void => {
    need('event', [t.event], [...path, 'event']);
    if (!Array.isArray(t.by)) need('severity', Object.keys(t.by), [...path, 'by']);
    if (inTrack && (t.target !== undefined || t.targets !== undefined)) {
      add('track-target', path, 'a track transition completes its track and has no target');
    }
    if (t.target !== undefined) need('stage', [t.target], [...path, 'target']);
    t.targets?.forEach((b, j) => {
      need('stage', [b.target], [...path, 'targets', j, 'target']);
      checkCondition(b.when, [...path, 'targets', j, 'when']);
      checkActions(b.do, [...path, 'targets', j, 'do']);
    });
    need('field', t.requires, [...path, 'requires']);
    checkCondition(t.when, [...path, 'when']);
    checkActions(t.do, [...path, 'do']);
  };
  definition.stages.forEach((s, i) => {
    s.on.forEach((t, j) => checkTransition(t, ['stages', i, 'on', j], false));
    s.tracks?.forEach((track, k) => track.on.forEach((t, j) => checkTransition(t, ['stages', i, 'tracks', k, 'on', j], true)));
    s.tracks?.forEach((track, k) => need('severity', track.levels ?? [], ['stages', i, 'tracks', k, 'levels']));
    need('severity', Object.keys(s.ownerByLevel ?? {}), ['stages', i, 'ownerByLevel']);
    if (s.done !== undefined) need('stage', [s.done], ['stages', i, 'done']);
    checkActions(s.enter, ['stages', i, 'enter']);
  });
  definition.transitions.forEach((t, i) => {
    checkTransition(t, ['transitions', i], false);
    if (t.in !== '*') need('stage', t.in, ['transitions', i, 'in']);
  });
  definition.deadlines.forEach((d, i) => {
    const path = ['deadlines', i];
    if (d.from === 'enter' && (d.stage === undefined || !stageIds.has(d.stage))) {
      add('unknown-stage', [...path, 'stage'], 'a from: enter deadline names the stage whose entry arms it');
    }
    const durations: string[] = [];
    if (typeof d.due === 'string') durations.push(d.due);
    else if ('clock' in d.due && typeof d.due.clock === 'string') {
      if (!isTimeZone(definition.timezone ?? 'UTC')) add('unknown-timezone', ['timezone'], `unknown time zone "${definition.timezone ?? ''}"`);
    } else if ('band' in d.due && typeof d.due.band === 'string') {
      const banded = d.due as { band: string; bands: { due: string }[] };
      need('field', [banded.band], [...path, 'due', 'band']);
      for (const band of banded.bands) durations.push(band.due);
    } else {
      const perLevel = d.due as Record<string, string>;
      for (const level of levels) if (!(level in perLevel)) add('missing-severity-due', [...path, 'due'], `no due time for severity "${level}"`);
      need('severity', Object.keys(perLevel), [...path, 'due']);
      for (const due of Object.values(perLevel)) durations.push(due);
    }
    if (durations.includes(IMMEDIATELY) && definition.timing?.immediately === undefined) {
      add('immediately-undefined', [...path, 'due'], 'due: immediately needs timing.immediately (what 立即 means in this plan)');
    }
    if (d.from === 'event' && d.event === undefined) add('deadline-event-missing', path, 'a from: event deadline names the event that arms it');
    if (d.event !== undefined) need('event', [d.event], [...path, 'event']);
    if (d.from === 'condition' && d.when === undefined) add('deadline-condition-missing', path, 'a from: condition deadline needs when');
    for (const key of ['at', 'match'] as const) {
      const field = d[key];
      if (field !== undefined) need('field', [field], [...path, key]);
    }
    if (d.at !== undefined && fieldTypes.has(d.at) && fieldTypes.get(d.at) !== 'datetime') add('deadline-at-not-datetime', [...path, 'at'], `field "${d.at}" is not a datetime`);
    need('event', d.metBy, [...path, 'metBy']);
    need('stage', d.within, [...path, 'within']);
    checkCondition(d.when, [...path, 'when']);
    checkActions(d.breach, [...path, 'breach']);
    d.remind?.forEach((r, j) => need('role', r.notify, [...path, 'remind', j]));
  });
  const placeholders = new Set<string>([...BUILTIN_PLACEHOLDERS, ...fields]);
  definition.templates.forEach((t, i) => {
    for (const p of templatePlaceholders(t.body)) {
      if (!placeholders.has(p)) add('unknown-placeholder', ['templates', i, 'body'], `unknown placeholder "{{${p}}}"`);
    }
  });
  return problems;
}
