import { defineRule } from '../rule.js';

/**
 * A final stage closes the incident on entry, so transitions written in it (its `on`, its tracks,
 * its `done`, or a shared transition naming it in `in`) can never be taken.
 */
export const finalStageWithTransitions = defineRule({
  id: 'final-stage-with-transitions',
  defaultSeverity: 'error',
  description: 'A final stage with transitions, tracks or `done`, or named in a shared transition\'s `in`.',
  messages: {
    ownOn: {
      en: 'Final stage "{{stage}}" closes the incident on entry, so the transitions in its `on` can never be taken.',
      'zh-CN': '终止阶段“{{stage}}”一进入即结束事件，其 `on` 中的转换永远不会执行。',
    },
    ownTransitions: {
      en: 'Final stage "{{stage}}" closes the incident on entry, so its {{what}} can never be taken.',
      'zh-CN': '终止阶段“{{stage}}”一进入即结束事件，其 {{what}} 永远不会执行。',
    },
    sharedIn: {
      en: 'Shared transition {{event}} names final stage "{{stage}}" in `in`, but a closed incident accepts no events.',
      'zh-CN': '共享转换 {{event}} 在 `in` 中列出了终止阶段“{{stage}}”，但已结束的事件不再接受任何事件。',
    },
  },
  check(ctx) {
    const { plan } = ctx;
    plan.stages.forEach((stage, i) => {
      if (stage.final !== true) return;
      if (stage.on.length > 0) ctx.report(['stages', i, 'on'], 'ownOn', { stage: stage.id });
      if (stage.tracks !== undefined) ctx.report(['stages', i, 'tracks'], 'ownTransitions', { stage: stage.id, what: '`tracks`' });
      else if (stage.done !== undefined) ctx.report(['stages', i, 'done'], 'ownTransitions', { stage: stage.id, what: '`done`' });
    });
    const finals = ctx.graph.finals;
    plan.transitions.forEach((transition, j) => {
      if (transition.in === '*') return;
      transition.in.forEach((stage, k) => {
        if (finals.has(stage)) ctx.report(['transitions', j, 'in', k], 'sharedIn', { event: transition.event, stage });
      });
    });
  },
});
