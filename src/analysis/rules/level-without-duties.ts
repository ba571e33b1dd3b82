import { defineRule } from '../rule.js';

/**
 * A stage all of whose tracks are present only at some levels (DSL v2 `levels`), with a level at
 * which none of them is: entered at that level the stage has no duty, and with `done` it is left
 * the moment it is entered.
 */
export const levelWithoutDuties = defineRule({
  id: 'level-without-duties',
  defaultSeverity: 'warning',
  description: 'A stage whose tracks all have `levels` and leave some severity level without any track.',
  messages: {
    noDuties: {
      en: 'Stage "{{stage}}" has tracks only at some levels, and none at {{levels}}: at that level the stage has no duty. Give one track no levels (a duty at every level), or add the level to a track.',
      'zh-CN': '阶段“{{stage}}”的并行分支都只在部分等级适用，等级 {{levels}} 下一个也没有：该等级下本阶段没有任何职责。请让至少一个分支不写 levels（各级都要执行），或把该等级加入某个分支。',
    },
    leftAtOnce: {
      en: 'Stage "{{stage}}" has tracks only at some levels, and none at {{levels}}: entered at that level it has no duty and goes on to "{{done}}" at once. Give one track no levels (a duty at every level), or add the level to a track.',
      'zh-CN': '阶段“{{stage}}”的并行分支都只在部分等级适用，等级 {{levels}} 下一个也没有：在该等级进入本阶段时没有任何职责，会立即转到“{{done}}”。请让至少一个分支不写 levels（各级都要执行），或把该等级加入某个分支。',
    },
  },
  check(ctx) {
    const levels = ctx.plan.severity.map((level) => level.id);
    ctx.plan.stages.forEach((stage, i) => {
      const tracks = stage.tracks ?? [];
      if (stage.final === true || tracks.length === 0 || tracks.some((track) => track.levels === undefined)) return;
      const bare = levels.filter((level) => !tracks.some((track) => track.levels?.includes(level) === true));
      if (bare.length === 0) return;
      if (stage.done === undefined) ctx.report(['stages', i, 'tracks'], 'noDuties', { stage: stage.id, levels: bare.join(', ') });
      else ctx.report(['stages', i, 'tracks'], 'leftAtOnce', { stage: stage.id, levels: bare.join(', '), done: stage.done });
    });
  },
});
