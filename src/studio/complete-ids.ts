import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { PlanDefinition, ReferenceKind } from '../index.js';

/** One completion the page offers: the id, and its title as detail. */
export interface IdCompletion {
  label: string;
  detail: string;
  kind: ReferenceKind;
}

/** What {@link completeIds} answers: the kind of id expected at the offset (if any) and the ids of that kind. */
export interface IdCompletionResult {
  kind?: ReferenceKind;
  /** The document path at the offset (numbers for list items). */
  path: Array<string | number>;
  /** Start offset of the word being completed. */
  from: number;
  options: IdCompletion[];
}

function titleOf(item: { id: string; title?: unknown }, locale: string): string {
  const title = item.title;
  if (typeof title === 'string') return title;
  if (title !== null && typeof title === 'object') {
    const texts = title as Record<string, string>;
    return texts[locale] ?? Object.values(texts)[0] ?? '';
  }
  return '';
}

/** The ids of one kind a plan declares (team positions for `by`). */
export function idsOfKind(plan: PlanDefinition, kind: ReferenceKind, locale: string): IdCompletion[] {
  const of = (items: ReadonlyArray<{ id: string; title?: unknown }>, as: ReferenceKind = kind): IdCompletion[] => items.map((item) => ({ label: item.id, detail: titleOf(item, locale), kind: as }));
  switch (kind) {
    case 'role':
      return of(plan.roles);
    case 'team':
      return of(plan.teams);
    case 'stage':
      return of(plan.stages);
    case 'event':
      return of(plan.events);
    case 'field':
      return of(plan.fields);
    case 'resource':
      return of(plan.resources);
    case 'template':
      return of(plan.templates);
    case 'effect':
      return of(plan.effects);
    case 'severity':
      return of(plan.severity);
    case 'placeholder':
      return of(plan.fields, 'placeholder');
    case 'by': {
      const positions: IdCompletion[] = [];
      for (const team of plan.teams) {
        const teamTitle = titleOf(team, locale);
        if (team.leader !== undefined) positions.push({ label: `${team.id}.leader`, detail: `${teamTitle} · ${team.leader}`, kind: 'by' });
        if (team.deputy !== undefined) positions.push({ label: `${team.id}.deputy`, detail: `${teamTitle} · ${team.deputy}`, kind: 'by' });
        if (team.members.length > 0) positions.push({ label: `${team.id}.members`, detail: `${teamTitle} · ${team.members.join(', ')}`, kind: 'by' });
      }
      return [...of(plan.roles, 'role'), ...of(plan.teams, 'team'), ...positions, { label: 'any-role', detail: '', kind: 'by' }];
    }
  }
}

/** The document path of the node at `offset` in a YAML text (best effort on text being typed). */
export function pathAtOffset(text: string, offset: number): Array<string | number> {
  const doc = parseDocument(text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: false, strict: false });
  const path: Array<string | number> = [];
  const inside = (node: Node | null | undefined): boolean => {
    const range = node?.range;
    return range !== undefined && range !== null && range[0] <= offset && offset <= range[1];
  };
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 64 && node !== null && node !== undefined; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        const keyNode = pair.key as Node;
        const value = pair.value as Node | null;
        if (inside(value)) {
          path.push(key);
          next = value;
          break;
        }
        if (inside(keyNode)) return path;
        // The cursor after `key:` with no value yet, on the same line.
        if (value === null && keyNode.range !== undefined && keyNode.range !== null && offset > keyNode.range[1] && !text.slice(keyNode.range[1], offset).includes('\n')) {
          path.push(key);
          return path;
        }
      }
      if (next === undefined) return path;
      node = next;
    } else if (isSeq(node)) {
      let index = node.items.findIndex((item) => inside(item as Node));
      if (index === -1) {
        // Between items or after the last one: the item about to be written.
        index = node.items.filter((item) => (item as Node).range !== undefined && ((item as Node).range?.[1] ?? 0) < offset).length;
        path.push(index);
        return path;
      }
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
  return path;
}

/**
 * The ids to offer at `offset`: the kind of id expected at the path there (from the patterns a
 * valid plan taught, see `referencePatterns`) and the plan's ids of that kind. Nothing at a
 * place that takes no id.
 */
export function completeIds(text: string, offset: number, patterns: ReadonlyMap<string, ReferenceKind>, plan: PlanDefinition | undefined, locale: string): IdCompletionResult {
  let from = offset;
  while (from > 0 && /[A-Za-z0-9_.\-]/.test(text.charAt(from - 1))) from -= 1;
  const path = pathAtOffset(text, offset);
  const pattern = path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
  let kind = patterns.get(pattern);
  // A list of ids whose cursor sits on the list itself (`by: [`): the pattern of its items.
  if (kind === undefined) kind = patterns.get(`${pattern}.*`);
  if (kind === undefined || plan === undefined) return { path, from, options: [] };
  return { kind, path, from, options: idsOfKind(plan, kind, locale) };
}
