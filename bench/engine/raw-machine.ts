import { assign, setup } from 'xstate';

/** An event of the hand-written machine: the same shape the engine's machine receives. */
export interface RawEvent {
  type: string;
  by: { id: string; roles: readonly string[] };
  data: Record<string, unknown>;
}

/** Who may fire what in the seed plan, written out by hand (shared with bench/drill's raw machine). */
export const roles = {
  analysis: ['it-head', 'info-officer', 'monitor'],
  analysisLeader: ['it-head'],
  command: ['department-head', 'deputy-head'],
  adjust: ['department-head', 'deputy-head', 'it-head'],
  communication: ['publicity-head', 'legal-counsel', 'customer-service', 'social-worker', 'counselor'],
  logistics: ['admin-head', 'finance-staff', 'logistics-staff'],
};

/**
 * The seed plan written by hand as a plain XState v5 machine (the baseline of the engine bench):
 * same stages, tracks and role checks, data merged into context with `assign`, no deadlines,
 * timeline, validation or persistence.
 */
export const rawSeedMachine = setup({
  types: {} as { context: { data: Record<string, unknown>; severity: string | null }; events: RawEvent },
  guards: {
    by: ({ event }, params: { roles: readonly string[] }) => event.by.roles.some((r) => params.roles.includes(r)),
  },
  actions: {
    merge: assign(({ context, event }) => ({
      data: { ...context.data, ...event.data },
      severity: typeof event.data['severity'] === 'string' ? event.data['severity'] : context.severity,
    })),
  },
}).createMachine({
  id: 'raw-seed',
  context: { data: {}, severity: null },
  initial: 'report',
  on: {
    LOG_SUPPORT: { guard: { type: 'by', params: { roles: roles.logistics } }, actions: 'merge' },
  },
  states: {
    report: { on: { REPORT: { target: 'assess', guard: { type: 'by', params: { roles: roles.analysis } }, actions: 'merge' } } },
    assess: {
      on: {
        ASSESS: { target: 'strategy', guard: { type: 'by', params: { roles: roles.analysisLeader } }, actions: 'merge' },
        DISMISS: { target: 'closed', guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' },
      },
    },
    strategy: {
      on: {
        APPROVE_STRATEGY: { target: 'respond', guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' },
        REGRADE: { guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' },
      },
    },
    respond: {
      type: 'parallel',
      on: {
        RECORD_READING: { guard: { type: 'by', params: { roles: roles.analysis } }, actions: 'merge' },
        REGRADE: { guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' },
      },
      states: {
        release: { initial: 'pending', states: { pending: { on: { PUBLISH_STATEMENT: { target: 'done', guard: { type: 'by', params: { roles: roles.communication } }, actions: 'merge' } } }, done: { type: 'final' } } },
        media: { initial: 'pending', states: { pending: { on: { BRIEF_MEDIA: { target: 'done', guard: { type: 'by', params: { roles: roles.communication } }, actions: 'merge' } } }, done: { type: 'final' } } },
        public: { initial: 'pending', states: { pending: { on: { ENGAGE_PUBLIC: { target: 'done', guard: { type: 'by', params: { roles: roles.communication } }, actions: 'merge' } } }, done: { type: 'final' } } },
      },
      onDone: { target: 'monitor' },
    },
    monitor: {
      on: {
        RECORD_READING: { guard: { type: 'by', params: { roles: roles.analysis } }, actions: 'merge' },
        ADJUST_STRATEGY: { target: 'strategy', guard: { type: 'by', params: { roles: roles.adjust } }, actions: 'merge' },
        DECLARE_OVER: { target: 'review', guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' },
        REGRADE: { guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' },
      },
    },
    review: { on: { SUBMIT_REVIEW: { target: 'closed', guard: { type: 'by', params: { roles: roles.command } }, actions: 'merge' } } },
    closed: { type: 'final' },
  },
});
