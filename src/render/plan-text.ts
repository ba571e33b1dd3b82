import { tryParseDuration } from '../compile/duration.js';
import type { Action } from '../dsl/schema/action.js';
import type { LocalizedText } from '../dsl/schema/common.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import { ANY_ROLE } from '../plan-format/resolve-by.js';
import { localize } from '../report/plan-definition-of.js';
import { documentLabels, type DocumentLabels, type DocumentLocale } from './document-labels.js';

const UNITS_MS = [86_400_000, 3_600_000, 60_000, 1_000] as const;
const UNIT_WORDS: Record<DocumentLocale, readonly [string, string, string, string]> = {
  'zh-CN': ['天', '小时', '分钟', '秒'],
  en: ['d', 'h', 'min', 's'],
};

/**
 * The plan's texts in one locale: titles of its roles, teams, stages, events, fields, levels and
 * the phrases a filed plan writes them in (`舆情应急指挥小组组长`, `通知部门主要负责人`).
 */
export class PlanText {
  readonly labels: DocumentLabels;
  private readonly titles = new Map<string, string>();

  constructor(
    readonly plan: PlanDefinition,
    readonly locale: DocumentLocale,
  ) {
    this.labels = documentLabels(locale);
    const add = (kind: string, items: ReadonlyArray<{ id: string; title?: LocalizedText | undefined }>): void => {
      for (const item of items) this.titles.set(`${kind}:${item.id}`, this.text(item.title, item.id));
    };
    add('role', plan.roles);
    add('team', plan.teams);
    add('stage', plan.stages);
    add('event', plan.events);
    add('field', plan.fields);
    add('level', plan.severity);
    add('template', plan.templates);
    add('effect', plan.effects);
    add('resource', plan.resources);
    add('deadline', plan.deadlines);
    add('category', plan.categories);
  }

  /** A localized text in the document's locale (falling back to the plan's first text, then `fallback`). */
  text(value: LocalizedText | undefined, fallback = ''): string {
    return localize(value, this.locale, fallback).trim();
  }

  /** The title of a declared item (`role`, `team`, `stage`, `event`, `field`, `level`, …), else its id. */
  title(kind: string, id: string): string {
    return this.titles.get(`${kind}:${id}`) ?? id;
  }

  /** The titles of several roles, joined the way the locale lists them. */
  roles(ids: readonly string[]): string {
    return this.join(ids.map((id) => this.title('role', id)));
  }

  /** Items joined with `、` (zh-CN) or `, `. */
  join(items: readonly string[]): string {
    return items.length === 0 ? this.labels.none : items.join(this.locale === 'zh-CN' ? '、' : ', ');
  }

  /**
   * Who a transition's `by` lets act, in words: a role by its title, `<team>.leader` as the team's
   * leader, a team as all of it, `any-role` as anyone (role ids win over team ids, as in the engine).
   */
  who(by: readonly string[]): string {
    const roleIds = new Set(this.plan.roles.map((r) => r.id));
    const teamIds = new Set(this.plan.teams.map((t) => t.id));
    const words = by.map((entry) => {
      if (entry === ANY_ROLE) return this.labels.anyRole;
      if (roleIds.has(entry)) return this.title('role', entry);
      const dot = entry.indexOf('.');
      const team = dot < 0 ? entry : entry.slice(0, dot);
      if (!teamIds.has(team)) return entry;
      const position = dot < 0 ? undefined : entry.slice(dot + 1);
      if (position === 'leader' || position === 'deputy' || position === 'members') return this.labels.position(this.title('team', team), position);
      return this.labels.wholeTeam(this.title('team', team));
    });
    return this.join(words);
  }

  /** A plan duration in words: `1h30m` → `1小时30分钟` / `1 h 30 min`; ISO 8601 (`PT90M`) in the largest units. */
  duration(text: string): string {
    // The short form is written in the units the planner chose (24h stays 24 hours, not 1 day).
    const short = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
    if (short !== null && text !== '') {
      const words = UNIT_WORDS[this.locale];
      const parts = short.slice(1).flatMap((count, i) => (count === undefined ? [] : [this.locale === 'zh-CN' ? `${Number(count)}${words[i]}` : `${Number(count)} ${words[i]}`]));
      return parts.join(this.locale === 'zh-CN' ? '' : ' ');
    }
    const ms = tryParseDuration(text);
    if (ms === undefined) return text;
    const words = UNIT_WORDS[this.locale];
    let rest = ms;
    const parts: string[] = [];
    UNITS_MS.forEach((unit, i) => {
      const count = Math.floor(rest / unit);
      rest -= count * unit;
      if (count > 0) parts.push(this.locale === 'zh-CN' ? `${count}${words[i]}` : `${count} ${words[i]}`);
    });
    return parts.length === 0 ? (this.locale === 'zh-CN' ? '0分钟' : '0 min') : parts.join(this.locale === 'zh-CN' ? '' : ' ');
  }

  /** An action (`notify`, `regrade`, `record`, a host effect) in words. */
  action(action: Action): string {
    const { labels } = this;
    if ('notify' in action) {
      const text = labels.notify(this.roles(action.notify));
      const template = action.template === undefined ? '' : labels.withTemplate(this.title('template', action.template));
      const message = action.message === undefined ? '' : `: “${this.text(action.message)}”`;
      return `${text}${template}${message}`;
    }
    if ('regrade' in action) return action.regrade === 'up' ? labels.regradeUp : labels.regradeTo(this.title('level', action.regrade));
    if ('record' in action) return labels.record(this.text(action.record));
    const template = action.template === undefined ? '' : labels.withTemplate(this.title('template', action.template));
    const to = action.to === undefined || action.to.length === 0 ? '' : ` → ${this.roles(action.to)}`;
    return `${labels.effect(this.title('effect', action.effect))}${template}${to}`;
  }

  /** Several actions, one per line. */
  actions(actions: readonly Action[] | undefined): string {
    return actions === undefined || actions.length === 0 ? this.labels.none : actions.map((a) => this.action(a)).join('\n');
  }
}
