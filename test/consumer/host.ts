// A host app as a strict TypeScript project writes it, against the built package: every entry,
// an engine typed by the declarations `planwright types` writes for the seed plan, typed effect
// handlers and inspections. It must compile with strict, exactOptionalPropertyTypes and
// skipLibCheck off (test/dist/consumer-types.test.ts).
import bundle from 'planwright/plans/public-opinion.json' with { type: 'json' };
import { checkPlan, lint, planTypesDeclaration, type PlanTypesOf } from 'planwright';
import {
  createEngine,
  createManualClock,
  isPlanwrightError,
  loadBundle,
  memoryStore,
  type Actor,
  type EffectHandlers,
  type EngineInspection,
  type IncidentSnapshot,
} from 'planwright/runtime';
import { simulate } from 'planwright/testing';
import { postgresStore } from 'planwright/postgres';
import { documentDocx, documentHtml, planDocument } from 'planwright/render';
import type { PublicOpinionPlan } from '../types/generated/public-opinion-types.js';

type Role = PublicOpinionPlan['roles'];
const plan = loadBundle(bundle);
const isRole = (role: string): role is Role => plan.roles.has(role);

/** A signed-in person from the host's session: roles are plain strings until checked against the plan. */
export function actorOf(id: string, sessionRoles: readonly string[]): Actor<Role> {
  return { id, roles: sessionRoles.filter(isRole) };
}

const sent: string[] = [];
const effects: EffectHandlers<PublicOpinionPlan> = {
  notify: (effect, { incident }) => {
    const why = effect.payload.reason ?? effect.payload.event ?? effect.payload.stage;
    sent.push(`${incident.stage}: ${effect.payload.roles.join(', ')} (${why})`);
  },
  publish: (effect) => {
    if (effect.payload.text !== undefined) sent.push(effect.payload.text);
  },
};

const inspect = (event: EngineInspection): void => {
  if (event.type === 'rejected') sent.push(`${event.detail.event}: ${event.detail.code}`);
  else if (event.type === 'error') sent.push('where' in event.detail ? event.detail.where : event.detail.code);
};

export async function run(): Promise<IncidentSnapshot<PublicOpinionPlan> | undefined> {
  const engine = createEngine<PublicOpinionPlan>(bundle, { clock: createManualClock('2024-05-01T08:00:00Z'), store: memoryStore(), effects, inspect });
  const wang = actorOf('wang', ['info-officer']);
  const incident = await engine.open({ by: wang, title: 'Rumour', category: 'media' });
  const result = await engine.send(incident.id, { type: 'REPORT', by: wang, data: { summary: 's', source: 'weibo', publicReaction: 'anger' } });
  if (!result.ok) return undefined;
  const stage: PublicOpinionPlan['stages'] = result.incident.stage;
  sent.push(stage);
  return result.incident;
}

export function tooling(): unknown[] {
  const checked = checkPlan({ file: 'plans/public-opinion.plan.yaml' });
  type Inferred = PlanTypesOf<{ readonly roles: readonly [{ readonly id: 'a'; readonly title: 'A' }] }>;
  const role: Inferred['roles'] = 'a';
  return [
    checked.ok && checked.plan !== undefined ? planTypesDeclaration(checked.plan) : '',
    checked.ok && checked.plan !== undefined ? lint(checked.plan, { locator: checked.source }) : [],
    checked.ok && checked.plan !== undefined ? documentHtml(planDocument(checked.plan, { locale: 'zh-CN' })) : '',
    documentDocx,
    simulate,
    postgresStore,
    role,
    isPlanwrightError(new Error('x'), 'EngineError'),
  ];
}
