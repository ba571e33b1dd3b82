import type { Action } from '../dsl/schema/action.js';
import type { Condition } from '../dsl/schema/condition.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { BUILTIN_PLACEHOLDERS } from '../dsl/schema/template.js';
import type { CompileProblem } from './compile-error.js';
import { conditionFields } from './conditions.js';
import { templatePlaceholders } from './render-template.js';

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
  const add = (code: string, path: Array<string | number>, message: string): void => {
    problems.push({ code, path, message });
  };
  const stageIds = new Set<string>();
  definition.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) add('duplicate-id', ['stages', i, 'id'], `stage "${s.id}" is declared twice`);
    stageIds.add(s.id);
  });
  const events = new Set(definition.events.map((e) => e.id));
  const fields = new Map(definition.fields.map((f) => [f.id, f]));
  const roles = new Set(definition.roles.map((r) => r.id));
  const templates = new Map(definition.templates.map((t) => [t.id, t]));
  const effects = new Set(definition.effects.map((e) => e.id));
  const levels = new Set(definition.severity.map((s) => s.id));
  if (events.size !== definition.events.length) add('duplicate-id', ['events'], 'an event id is declared twice');
  if (fields.size !== definition.fields.length) add('duplicate-id', ['fields'], 'a field id is declared twice');
  if (definition.fields.filter((f) => f.type === 'severity').length > 1) {
    add('several-severity-fields', ['fields'], 'at most one field may have type severity');
  }
  definition.events.forEach((e, i) => {
    for (const f of [...e.requires, ...e.optional]) {
      if (!fields.has(f)) add('unknown-field', ['events', i], `event "${e.id}" names unknown field "${f}"`);
    }
  });
  const checkCondition = (c: Condition | undefined, path: Array<string | number>): void => {
    if (c === undefined) return;
    for (const f of conditionFields(c)) {
      if (!fields.has(f) && f !== 'severity') add('unknown-field', path, `condition reads unknown field "${f}"`);
    }
  };
  const checkActions = (actions: readonly Action[] | undefined, path: Array<string | number>): void => {
    (actions ?? []).forEach((a, i) => {
      const at = [...path, i];
      if ('notify' in a) for (const r of a.notify) if (!roles.has(r)) add('unknown-role', at, `unknown role "${r}"`);
      if ('regrade' in a && a.regrade !== 'up' && !levels.has(a.regrade)) add('unknown-severity', at, `unknown severity level "${a.regrade}"`);
      if ('effect' in a && !effects.has(a.effect) && a.effect !== 'notify') add('unknown-effect', at, `unknown effect "${a.effect}"`);
      if ('template' in a && a.template !== undefined) {
        const t = templates.get(a.template);
        if (t === undefined) add('unknown-template', at, `unknown template "${a.template}"`);
      }
    });
  };
  const checkTransition = (
    t: { event: string; target?: string | undefined; targets?: Array<{ target: string; when?: Condition | undefined }> | undefined; when?: Condition | undefined; requires?: string[] | undefined; do?: Action[] | undefined },
    path: Array<string | number>,
    inTrack: boolean,
  ): void => {
    if (!events.has(t.event)) add('unknown-event', [...path, 'event'], `unknown event "${t.event}"`);
    if (inTrack && (t.target !== undefined || t.targets !== undefined)) {
      add('track-target', path, 'a track transition completes its track and has no target');
    }
    if (t.target !== undefined && !stageIds.has(t.target)) add('unknown-stage', [...path, 'target'], `unknown stage "${t.target}"`);
    t.targets?.forEach((b, j) => {
      if (!stageIds.has(b.target)) add('unknown-stage', [...path, 'targets', j, 'target'], `unknown stage "${b.target}"`);
      checkCondition(b.when, [...path, 'targets', j, 'when']);
    });
    for (const f of t.requires ?? []) if (!fields.has(f)) add('unknown-field', [...path, 'requires'], `unknown field "${f}"`);
    checkCondition(t.when, [...path, 'when']);
    checkActions(t.do, [...path, 'do']);
  };
  definition.stages.forEach((s, i) => {
    s.on.forEach((t, j) => checkTransition(t, ['stages', i, 'on', j], false));
    s.tracks?.forEach((track, k) => track.on.forEach((t, j) => checkTransition(t, ['stages', i, 'tracks', k, 'on', j], true)));
    if (s.done !== undefined && !stageIds.has(s.done)) add('unknown-stage', ['stages', i, 'done'], `unknown stage "${s.done}"`);
    checkActions(s.enter, ['stages', i, 'enter']);
  });
  definition.transitions.forEach((t, i) => {
    checkTransition(t, ['transitions', i], false);
    if (t.in !== '*') for (const s of t.in) if (!stageIds.has(s)) add('unknown-stage', ['transitions', i, 'in'], `unknown stage "${s}"`);
  });
  definition.deadlines.forEach((d, i) => {
    const path = ['deadlines', i];
    if (d.from === 'enter' && (d.stage === undefined || !stageIds.has(d.stage))) {
      add('unknown-stage', [...path, 'stage'], 'a from: enter deadline names the stage whose entry arms it');
    }
    if (typeof d.due !== 'string') {
      for (const level of levels) if (!(level in d.due)) add('missing-severity-due', [...path, 'due'], `no due time for severity "${level}"`);
      for (const level of Object.keys(d.due)) if (!levels.has(level)) add('unknown-severity', [...path, 'due'], `unknown severity level "${level}"`);
    }
    for (const e of d.metBy) if (!events.has(e)) add('unknown-event', [...path, 'metBy'], `unknown event "${e}"`);
    for (const s of d.within ?? []) if (!stageIds.has(s)) add('unknown-stage', [...path, 'within'], `unknown stage "${s}"`);
    checkCondition(d.when, [...path, 'when']);
    checkActions(d.breach, [...path, 'breach']);
    d.remind?.forEach((r, j) => {
      for (const role of r.notify) if (!roles.has(role)) add('unknown-role', [...path, 'remind', j], `unknown role "${role}"`);
    });
  });
  const placeholders = new Set<string>([...BUILTIN_PLACEHOLDERS, ...fields.keys()]);
  definition.templates.forEach((t, i) => {
    for (const p of templatePlaceholders(t.body)) {
      if (!placeholders.has(p)) add('unknown-placeholder', ['templates', i, 'body'], `unknown placeholder "{{${p}}}"`);
    }
  });
  return problems;
}
