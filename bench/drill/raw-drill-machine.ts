import { and, assign, setup, stateIn } from 'xstate';
import { roles } from '../engine/raw-machine.js';

/** An event of the hand-written drill machine: who, what, and when (ms since the incident opened). */
export interface RawDrillEvent {
  type: string;
  by: { id: string; roles: readonly string[] };
  data: Record<string, unknown>;
  at: number;
}

interface Ctx {
  data: Record<string, unknown>;
  severity: string | null;
  /** Time of the event being handled (ms since open); set to a due time when a breach fires. */
  at: number;
  strategyAt: number;
  monitorBase: number;
  breaches: string[];
  notified: string[];
}

const H = 3_600_000;
const M = 60_000;
const STRATEGY: Record<string, number> = { I: H, II: H, III: 2 * H, IV: 4 * H };
const FIRST_STATEMENT: Record<string, number> = { I: 5 * H, II: 5 * H, III: 24 * H, IV: 48 * H };
const READING: Record<string, number> = { I: 2 * H, II: 2 * H, III: 6 * H, IV: 6 * H };

const R = {
  ...roles,
  anyRole: [
    'department-head', 'deputy-head', 'publicity-head', 'legal-head', 'it-head', 'service-head', 'info-officer', 'monitor',
    'legal-counsel', 'customer-service', 'social-worker', 'counselor', 'admin-head', 'finance-staff', 'logistics-staff',
  ],
};
const by = (roles: readonly string[]) => ({ type: 'by' as const, params: { roles } });
const sev = (ctx: Ctx): string => ctx.severity ?? 'IV';

/**
 * The seed plan written by hand as one XState v5 machine for a `SimulatedClock` run: the stages,
 * tracks and role checks of bench/engine/raw-machine.ts plus every deadline of the seed plan as
 * `after` timers (reminder, breach with its notified roles, per-severity due times, recomputation
 * on a regrade, the recurring monitoring reading). No validation, timeline or persistence.
 */
export const rawDrillMachine = setup({
  types: {} as { context: Ctx; events: RawDrillEvent },
  guards: {
    by: ({ event }, params: { roles: readonly string[] }) => event.by.roles.some((r) => params.roles.includes(r)),
    hasSeverity: ({ event }) => typeof event.data['severity'] === 'string',
    major: ({ event }) => event.data['severity'] === 'I' || event.data['severity'] === 'II',
    minor: ({ event }) => event.data['severity'] === 'III' || event.data['severity'] === 'IV',
  },
  actions: {
    merge: assign(({ context, event }) => ({
      at: event.at,
      data: { ...context.data, ...event.data },
      severity: typeof event.data['severity'] === 'string' ? event.data['severity'] : context.severity,
    })),
    enterStrategy: assign(({ event }) => ({ strategyAt: event.at })),
    armReading: assign(({ context }) => ({ monitorBase: context.at })),
    breach: assign(({ context }, p: { id: string; notify: readonly string[] }) => ({
      breaches: [...context.breaches, p.id],
      notified: [...new Set([...context.notified, ...p.notify])],
    })),
    readingBreach: assign(({ context }) => {
      const due = context.monitorBase + (READING[sev(context)] ?? 6 * H);
      return { at: due, monitorBase: due, breaches: [...context.breaches, 'monitor-reading'], notified: [...new Set([...context.notified, 'it-head'])] };
    }),
    remind: assign(({ context }) => ({ notified: [...new Set([...context.notified, 'info-officer'])] })),
  },
  delays: {
    strategyDue: ({ context }) => Math.max(0, context.strategyAt + (STRATEGY[sev(context)] ?? 4 * H) - context.at),
    readingDue: ({ context }) => Math.max(0, context.monitorBase + (READING[sev(context)] ?? 6 * H) - context.at),
    firstStatementDue: ({ context }) => Math.max(0, (FIRST_STATEMENT[sev(context)] ?? 48 * H) - context.at),
    pressBriefingDue: ({ context }) => Math.max(0, 24 * H - context.at),
  },
}).createMachine({
  id: 'raw',
  type: 'parallel',
  context: { data: {}, severity: null, at: 0, strategyAt: 0, monitorBase: 0, breaches: [], notified: [] },
  states: {
    flow: {
      initial: 'report',
      on: {
        LOG_SUPPORT: { guard: by(R.logistics), actions: 'merge' },
        NOTE: { guard: by(R.anyRole), actions: 'merge' },
      },
      states: {
        report: { on: { REPORT: { target: 'assess', guard: by(R.analysis), actions: 'merge' } } },
        assess: {
          after: { [H]: { actions: { type: 'breach', params: { id: 'assess', notify: ['department-head', 'deputy-head'] } } } },
          on: {
            ASSESS: { target: 'strategy', guard: by(R.analysisLeader), actions: ['merge', 'enterStrategy'] },
            DISMISS: { target: 'closed', guard: by(R.command), actions: 'merge' },
          },
        },
        strategy: {
          after: { strategyDue: { actions: { type: 'breach', params: { id: 'strategy', notify: ['department-head'] } } } },
          on: {
            APPROVE_STRATEGY: { target: 'respond', guard: by(R.command), actions: 'merge' },
            REGRADE: { target: 'strategy', reenter: true, guard: by(R.command), actions: 'merge' },
          },
        },
        respond: {
          type: 'parallel',
          on: {
            RECORD_READING: { guard: by(R.analysis), actions: 'merge' },
            REGRADE: { guard: by(R.command), actions: 'merge' },
          },
          states: {
            release: { initial: 'pending', states: { pending: { on: { PUBLISH_STATEMENT: { target: 'done', guard: by(R.communication), actions: 'merge' } } }, done: { type: 'final' } } },
            media: { initial: 'pending', states: { pending: { on: { BRIEF_MEDIA: { target: 'done', guard: by(R.communication), actions: 'merge' } } }, done: { type: 'final' } } },
            public: { initial: 'pending', states: { pending: { on: { ENGAGE_PUBLIC: { target: 'done', guard: by(R.communication), actions: 'merge' } } }, done: { type: 'final' } } },
          },
          onDone: { target: 'monitor', actions: 'armReading' },
        },
        monitor: {
          after: { readingDue: { target: 'monitor', reenter: true, actions: 'readingBreach' } },
          on: {
            RECORD_READING: { target: 'monitor', reenter: true, guard: by(R.analysis), actions: ['merge', 'armReading'] },
            ADJUST_STRATEGY: { target: 'strategy', guard: by(R.adjust), actions: ['merge', 'enterStrategy'] },
            DECLARE_OVER: { target: 'review', guard: by(R.command), actions: 'merge' },
            REGRADE: { target: 'monitor', reenter: true, guard: by(R.command), actions: 'merge' },
          },
        },
        review: {
          after: { [7 * 24 * H]: { actions: { type: 'breach', params: { id: 'review', notify: ['department-head'] } } } },
          on: { SUBMIT_REVIEW: { target: 'closed', guard: by(R.command), actions: 'merge' } },
        },
        closed: { type: 'final' },
      },
    },
    report: {
      initial: 'pending',
      states: {
        pending: {
          after: {
            [20 * M]: { actions: 'remind' },
            [30 * M]: { target: 'breached', actions: { type: 'breach', params: { id: 'report', notify: ['it-head'] } } },
          },
          on: { REPORT: { target: 'met', guard: and([stateIn('#raw.flow.report'), by(R.analysis)]) } },
        },
        met: {},
        breached: {},
      },
    },
    firstStatement: {
      initial: 'waiting',
      states: {
        waiting: { on: { ASSESS: { target: 'armed', guard: and([stateIn('#raw.flow.assess'), by(R.analysisLeader), 'hasSeverity']) } } },
        armed: {
          after: { firstStatementDue: { target: 'breached', actions: { type: 'breach', params: { id: 'first-statement', notify: ['department-head', 'publicity-head'] } } } },
          on: {
            PUBLISH_STATEMENT: { target: 'met', guard: and([stateIn('#raw.flow.respond.release.pending'), by(R.communication)]) },
            REGRADE: { target: 'armed', reenter: true, guard: by(R.command) },
          },
        },
        met: {},
        breached: {},
      },
    },
    pressBriefing: {
      initial: 'waiting',
      states: {
        waiting: {
          on: {
            ASSESS: { target: 'armed', guard: and([stateIn('#raw.flow.assess'), by(R.analysisLeader), 'major']) },
            REGRADE: { target: 'armed', guard: and([by(R.command), 'major']) },
          },
        },
        armed: {
          after: { pressBriefingDue: { target: 'breached', actions: { type: 'breach', params: { id: 'press-briefing', notify: ['department-head', 'publicity-head'] } } } },
          on: {
            BRIEF_MEDIA: { target: 'met', guard: and([stateIn('#raw.flow.respond.media.pending'), by(R.communication)]) },
            REGRADE: { target: 'waiting', guard: and([by(R.command), 'minor']) },
          },
        },
        met: {},
        breached: {},
      },
    },
  },
});
