// Type tests (vitest --typecheck, `npm run test:types`) of an engine typed by the declarations
// `planwright types` writes for the seed plan: what must compile, and what must not.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createEngine,
  type Actor,
  type Engine,
  type EngineInspection,
  type Incident,
  type IncidentPage,
  type PendingEffect,
  type PlanBundle,
  type SendResult,
} from '../../src/runtime/index.js';
import type { PublicOpinionPlan } from './generated/public-opinion-types.js';

declare const bundle: PlanBundle;
declare const id: string;
const engine = createEngine<PublicOpinionPlan>(bundle);
const wang = { id: 'wang', roles: ['info-officer'] } as const satisfies Actor<PublicOpinionPlan['roles']>;

describe('engine.send with the seed plan’s types', () => {
  test('the issue’s send (unknown event, unknown role, unknown field) does not compile', () => {
    // @ts-expect-error TYPO is no event of the plan, nope no role, bogus no field
    void engine.send(id, { type: 'TYPO', by: { id: 'a', roles: ['nope'] }, data: { bogus: 1 } });
  });

  test('each mistake alone does not compile', () => {
    // @ts-expect-error an unknown event type
    void engine.send(id, { type: 'TYPO', by: wang, data: { summary: 's', source: 's', publicReaction: 'p' } });
    // @ts-expect-error an unknown role
    void engine.send(id, { type: 'REPORT', by: { id: 'a', roles: ['nope'] }, data: { summary: 's', source: 's', publicReaction: 'p' } });
    // @ts-expect-error a field the event does not carry
    void engine.send(id, { type: 'REPORT', by: wang, data: { summary: 's', source: 's', publicReaction: 'p', bogus: 1 } });
    // @ts-expect-error a required field missing (publicReaction)
    void engine.send(id, { type: 'REPORT', by: wang, data: { summary: 's', source: 's' } });
    // @ts-expect-error the data missing although REPORT requires fields
    void engine.send(id, { type: 'REPORT', by: wang });
    // @ts-expect-error a number field given text
    void engine.send(id, { type: 'RECORD_READING', by: wang, data: { heat: 'high', negativeShare: 0.2 } });
    // @ts-expect-error a severity field given a level the plan lacks
    void engine.send(id, { type: 'ASSESS', by: wang, data: { severity: 'V', nature: 'n', scope: 's', risk: 'r' } });
    // @ts-expect-error an enum field given a value outside its list
    void engine.send(id, { type: 'PUBLISH_STATEMENT', by: wang, data: { statement: 's', channel: 'fax' } });
  });

  test('correct sends compile, optional fields may be left out, and the result is a typed incident', () => {
    const reported = engine.send(id, { type: 'REPORT', by: wang, data: { summary: 's', source: 'weibo', publicReaction: 'p' } });
    expectTypeOf(reported).toEqualTypeOf<Promise<SendResult<PublicOpinionPlan>>>();
    void engine.send(id, { type: 'RECORD_READING', by: { id: 'li', roles: ['monitor'] }, data: { heat: 80, negativeShare: 0.4 } });
    void engine.send(id, { type: 'RECORD_READING', by: { id: 'li', roles: ['monitor'] }, data: { heat: 80, negativeShare: 0.4, note: 'up' } });
    void engine.send(id, { type: 'REGRADE', by: { id: 'z', roles: ['department-head'], onBehalfOf: { id: 'y', roles: ['deputy-head'] } }, data: { severity: 'II' } });
    void engine.send(id, { type: 'PUBLISH_STATEMENT', by: wang, data: { statement: 's', channel: 'weibo' } });
  });

  test('the event’s data narrows by its type', () => {
    type Event = Parameters<Engine<PublicOpinionPlan>['send']>[1];
    expectTypeOf<Extract<Event, { type: 'RECORD_READING' }>['data']>().toEqualTypeOf<{ heat: number; negativeShare: number; note?: string }>();
    expectTypeOf<Event['type']>().toEqualTypeOf<keyof PublicOpinionPlan['events']>();
  });
});

describe('open, get, list and incidents', () => {
  test('open takes the plan’s categories, severities and fields', async () => {
    const incident = await engine.open({ by: wang, title: 't', category: 'media', severity: 'III', data: { summary: 's' } });
    expectTypeOf(incident).toEqualTypeOf<Incident<PublicOpinionPlan>>();
    expectTypeOf(incident.stage).toEqualTypeOf<'report' | 'assess' | 'strategy' | 'respond' | 'monitor' | 'review' | 'closed'>();
    expectTypeOf(incident.severity).toEqualTypeOf<'I' | 'II' | 'III' | 'IV' | null>();
    expectTypeOf(incident.data.heat).toEqualTypeOf<number | undefined>();
    expectTypeOf(incident.deadlines[0]!.id).toEqualTypeOf<PublicOpinionPlan['deadlines']>();
    // @ts-expect-error no such category
    void engine.open({ by: wang, title: 't', category: 'weather' });
    // @ts-expect-error no such severity level
    void engine.open({ by: wang, title: 't', category: 'media', severity: 'V' });
    // @ts-expect-error no such stage
    void engine.list({ stage: 'triage' });
    const page = await engine.list({ stage: 'monitor', overdue: true, limit: 20 });
    expectTypeOf(page).toEqualTypeOf<IncidentPage<PublicOpinionPlan>>();
    expectTypeOf(page.incidents[0]!.stage).toEqualTypeOf<'report' | 'assess' | 'strategy' | 'respond' | 'monitor' | 'review' | 'closed'>();
    expectTypeOf(page.next).toEqualTypeOf<string | undefined>();
    // @ts-expect-error a list item has no timeline (engine.get for the whole incident)
    void page.incidents[0]!.timeline;
  });

  test('a typed incident is still an incident for untyped code (reports, stores)', () => {
    expectTypeOf<Incident<PublicOpinionPlan>>().toExtend<Incident>();
  });
});

describe('effect handlers get their own effect’s payload, without casts', () => {
  test('notify and publish', () => {
    createEngine<PublicOpinionPlan>(bundle, {
      effects: {
        notify: (effect, { incident }) => {
          expectTypeOf(effect.name).toEqualTypeOf<'notify'>();
          expectTypeOf(effect.payload.roles).toEqualTypeOf<readonly PublicOpinionPlan['roles'][]>();
          expectTypeOf(incident.stage).toEqualTypeOf<PublicOpinionPlan['stages']>();
          const payload = effect.payload;
          if (payload.reason === 'reminder' || payload.reason === 'breach') {
            expectTypeOf(payload.deadline).toEqualTypeOf<PublicOpinionPlan['deadlines']>();
            expectTypeOf(payload.dueAt).toEqualTypeOf<string>();
          } else if (payload.event !== undefined) {
            expectTypeOf(payload.event).toEqualTypeOf<keyof PublicOpinionPlan['events']>();
            expectTypeOf(payload.text).toEqualTypeOf<string | undefined>();
          } else {
            expectTypeOf(payload.stage).toEqualTypeOf<PublicOpinionPlan['stages']>();
          }
        },
        publish: (effect) => {
          expectTypeOf(effect.name).toEqualTypeOf<'publish'>();
          expectTypeOf(effect.payload.template).toEqualTypeOf<'holding-statement' | undefined>();
          expectTypeOf(effect.payload.roles).toEqualTypeOf<readonly PublicOpinionPlan['roles'][] | undefined>();
          // a declared effect is never a reminder
          expectTypeOf(effect.payload.reason).toEqualTypeOf<'breach' | undefined>();
        },
      },
    });
  });

  test('a handler for an effect the plan does not declare does not compile', () => {
    createEngine<PublicOpinionPlan>(bundle, {
      effects: {
        // @ts-expect-error the plan declares publish, not pubish
        pubish: () => {},
      },
    });
  });

  test('the outbox is a union told apart by name', () => {
    type Pending = PendingEffect<PublicOpinionPlan>;
    expectTypeOf<Pending['name']>().toEqualTypeOf<'notify' | 'publish'>();
    expectTypeOf<Extract<Pending, { name: 'notify' }>['payload']['roles']>().toEqualTypeOf<readonly PublicOpinionPlan['roles'][]>();
  });
});

describe('createEngine and inspect', () => {
  test('createEngine takes a bundle or a compiled plan, nothing else', () => {
    // @ts-expect-error a number is no bundle
    createEngine(42);
    // @ts-expect-error nor is a string
    createEngine('plans/public-opinion.plan.yaml');
    // @ts-expect-error nor an object without a bundle's envelope
    createEngine({ definition: {} });
  });

  test('inspections are a union told apart by type', () => {
    createEngine(bundle, {
      inspect: (event: EngineInspection) => {
        if (event.type === 'rejected') expectTypeOf(event.detail.code).toEqualTypeOf<'unknown-event' | 'not-in-stage' | 'unauthorized' | 'invalid-data' | 'closed' | 'not-found' | 'conflict' | 'plan-mismatch' | 'corrupt'>();
        if (event.type === 'fired') expectTypeOf(event.detail.breached).toEqualTypeOf<number>();
        if (event.type === 'effect') expectTypeOf(event.detail.error).toEqualTypeOf<string | undefined>();
        if (event.type === 'claim-unfired') expectTypeOf(event.detail.items[0]!.deadline).toEqualTypeOf<string>();
        // @ts-expect-error an opened incident has no detail
        void (event.type === 'opened' && event.detail);
      },
    });
  });
});
