import type { MessageTable } from './message-table.js';

type Ids = { expected: string; got: string };

/**
 * Drill results as people read them: failed expectations, the explanation of a breach or a
 * refusal, the terminal summary and coverage. The expectation lines keep the contract's shape,
 * `<key>: expected … got …` (drills-and-cli.md), in English.
 */
export const DRILL_MESSAGES = {
  stageMismatch: {
    en: (p: Ids) => `stage: expected ${p.expected}, got ${p.got}`,
    'zh-CN': (p: Ids) => `阶段：预期 ${p.expected}，实际 ${p.got}`,
  },
  severityMismatch: {
    en: (p: Ids) => `severity: expected ${p.expected}, got ${p.got}`,
    'zh-CN': (p: Ids) => `等级：预期 ${p.expected}，实际 ${p.got}`,
  },
  noSeverity: { en: '(none)', 'zh-CN': '（无）' },
  breachesMismatch: {
    en: (p: Ids) => `breaches: expected ${p.expected}, got ${p.got}`,
    'zh-CN': (p: Ids) => `超时：预期 ${p.expected}，实际 ${p.got}`,
  },
  notifiedMismatch: {
    en: (p: Ids & { missing: string }) => `notified: expected ${p.expected} to have been notified, got ${p.got} (missing ${p.missing})`,
    'zh-CN': (p: Ids & { missing: string }) => `通知：预期 ${p.expected} 已收到通知，实际 ${p.got}（缺少 ${p.missing}）`,
  },
  closedMismatch: {
    en: (p: Ids) => `closed: expected ${p.expected}, got ${p.got}`,
    'zh-CN': (p: Ids) => `关闭：预期 ${p.expected}，实际 ${p.got}`,
  },
  yes: { en: 'true', 'zh-CN': '是' },
  no: { en: 'false', 'zh-CN': '否' },
  anyCode: { en: 'any code', 'zh-CN': '任意代码' },
  expectedRejectedGotAccepted: {
    en: (p: { event: string; code: string }) => `${p.event}: expected rejected (${p.code}), got accepted`,
    'zh-CN': (p: { event: string; code: string }) => `${p.event}：预期被拒绝（${p.code}），实际被接受`,
  },
  expectedAcceptedGotRejected: {
    en: (p: { event: string; code: string; message: string }) => `${p.event}: expected accepted, got rejected (${p.code}: ${p.message})`,
    // `message` is the refusal in the locale (refusalText): the engine's own in English, the code's meaning in zh-CN.
    'zh-CN': (p: { event: string; code: string; message: string }) => `${p.event}：预期被接受，实际被拒绝（${p.code}：${p.message}）`,
  },
  expectedOtherRejection: {
    en: (p: { event: string; expected: string; code: string; message: string }) => `${p.event}: expected rejected (${p.expected}), got rejected (${p.code}: ${p.message})`,
    'zh-CN': (p: { event: string; expected: string; code: string; message: string }) =>
      `${p.event}：预期以 ${p.expected} 被拒绝，实际以 ${p.code} 被拒绝（${p.message}）`,
  },
  openFailed: {
    en: (p: { reason: string }) => `open: ${p.reason}`,
    'zh-CN': (p: { reason: string }) => `启动事件：${p.reason}`,
  },
  // Why a refusal happened, by the engine's error code.
  refusalUnknownEvent: {
    en: (p: { event: string }) => `the plan declares no event ${p.event}`,
    'zh-CN': (p: { event: string }) => `预案没有声明事件 ${p.event}`,
  },
  refusalNotInStage: {
    en: (p: { event: string; stage: string }) => `${p.event} cannot be sent in stage ${p.stage}: no transition of that stage (or of its running tracks) accepts it`,
    'zh-CN': (p: { event: string; stage: string }) => `在阶段 ${p.stage} 不能发送 ${p.event}：该阶段（及其正在进行的并行分支）没有接受它的转换`,
  },
  refusalUnauthorized: {
    en: (p: { event: string; by: string; roles: string }) => `${p.by} (roles: ${p.roles}) holds none of the roles allowed to send ${p.event} here`,
    'zh-CN': (p: { event: string; by: string; roles: string }) => `${p.by}（角色：${p.roles}）不担任任何可在此处发送 ${p.event} 的角色`,
  },
  refusalInvalidData: {
    en: (p: { event: string }) => `the data sent with ${p.event} does not fit the event's fields`,
    'zh-CN': (p: { event: string }) => `随 ${p.event} 发送的数据不符合该事件的字段要求`,
  },
  refusalReason: {
    en: (p: { reason: string }) => `why: ${p.reason}`,
    'zh-CN': (p: { reason: string }) => `原因：${p.reason}`,
  },
  noRoles: { en: 'none', 'zh-CN': '无' },
  // Explaining a breach that happened.
  instance: {
    en: (p: { deadline: string; instance: number }) => `deadline ${p.deadline} #${p.instance}`,
    'zh-CN': (p: { deadline: string; instance: number }) => `时限 ${p.deadline} 第 ${p.instance} 次`,
  },
  armedAtOpen: {
    en: (p: { at: string }) => `armed when the incident opened (${p.at})`,
    'zh-CN': (p: { at: string }) => `事件启动时开始计时（${p.at}）`,
  },
  armedOnEntry: {
    en: (p: { at: string; stage: string }) => `armed on entering stage ${p.stage} (${p.at})`,
    'zh-CN': (p: { at: string; stage: string }) => `进入阶段 ${p.stage} 时开始计时（${p.at}）`,
  },
  armedAgain: {
    en: (p: { at: string; base: string }) => `armed again at ${p.at} (recurring, counted from ${p.base})`,
    'zh-CN': (p: { at: string; base: string }) => `于 ${p.at} 再次计时（周期性时限，从 ${p.base} 起算）`,
  },
  armedLater: {
    en: (p: { at: string; base: string }) => `armed at ${p.at}, once its severity or condition was known (counted from ${p.base})`,
    'zh-CN': (p: { at: string; base: string }) => `于 ${p.at} 等级或条件明确后开始计时（从 ${p.base} 起算）`,
  },
  breachedLine: {
    en: (p: { instance: string; armed: string; due: string; breachedAt: string; step: string }) =>
      `${p.instance}: ${p.armed}, due ${p.due}; breached at ${p.breachedAt} ${p.step}`,
    'zh-CN': (p: { instance: string; armed: string; due: string; breachedAt: string; step: string }) =>
      `${p.instance}：${p.armed}，应于 ${p.due} 前完成；于 ${p.breachedAt} 超时，${p.step}`,
  },
  firedBeforeStep: {
    en: (p: { step: number; at: string }) => `before step ${p.step} (at ${p.at})`,
    'zh-CN': (p: { step: number; at: string }) => `发生在第 ${p.step} 步（${p.at}）之前`,
  },
  firedDuringStep: {
    en: (p: { step: number; at: string }) => `during step ${p.step} (at ${p.at})`,
    'zh-CN': (p: { step: number; at: string }) => `发生在第 ${p.step} 步（${p.at}）之中`,
  },
  firedAfterLastStep: { en: 'after the last step', 'zh-CN': '发生在最后一步之后' },
  ruleEventAtDueTime: {
    en: (p: { event: string; step: number }) =>
      `rule: an event at exactly the due time is late — deadlines due at or before a step's time fire before the step, so ${p.event} at step ${p.step} came after the breach`,
    'zh-CN': (p: { event: string; step: number }) =>
      `规则：恰好在到期时刻发生的事件算作超时——到期时刻不晚于某一步时间的时限，会在该步之前触发，所以第 ${p.step} 步的 ${p.event} 晚于超时`,
  },
  ruleRegradePast: {
    en: (p: { level: string; at: string; due: string; previous: string }) =>
      `rule: the regrade to ${p.level} at ${p.at} recomputed this deadline from ${p.previous} to ${p.due}, already past: it breached at once`,
    'zh-CN': (p: { level: string; at: string; due: string; previous: string }) =>
      `规则：${p.at} 调整等级为 ${p.level}，此时限随之从 ${p.previous} 重算为 ${p.due}，而该时刻已过，所以立即超时`,
  },
  ruleMetTooLate: {
    en: (p: { event: string; at: string }) => `rule: a breach stays a breach — ${p.event} came at ${p.at}, after the due time`,
    'zh-CN': (p: { event: string; at: string }) => `规则：超时一旦发生便不再撤销——${p.event} 在 ${p.at} 才到，已过到期时刻`,
  },
  ruleNotMet: {
    en: (p: { events: string }) => `rule: it breaches when the clock reaches the due time and none of ${p.events} was accepted before`,
    'zh-CN': (p: { events: string }) => `规则：时钟到达到期时刻之前，${p.events} 都没有被接受，于是超时`,
  },
  // Explaining a breach that was expected but did not happen.
  neverArmed: {
    en: (p: { deadline: string; why: string }) => `deadline ${p.deadline} was never armed: ${p.why}`,
    'zh-CN': (p: { deadline: string; why: string }) => `时限 ${p.deadline} 从未开始计时：${p.why}`,
  },
  neverArmedStage: {
    en: (p: { stage: string }) => `the incident never entered stage ${p.stage}`,
    'zh-CN': (p: { stage: string }) => `事件从未进入阶段 ${p.stage}`,
  },
  neverArmedCondition: {
    en: 'its condition (when) never held, or its severity never became known',
    'zh-CN': '它的条件“when”从未成立，或事件等级一直未确定',
  },
  metLine: {
    en: (p: { instance: string; armed: string; due: string; event: string; at: string; step: string }) =>
      `${p.instance}: ${p.armed}, due ${p.due}; met by ${p.event} at ${p.at} ${p.step}, before its due time`,
    'zh-CN': (p: { instance: string; armed: string; due: string; event: string; at: string; step: string }) =>
      `${p.instance}：${p.armed}，应于 ${p.due} 前完成；已由 ${p.event} 在 ${p.at}（${p.step}）按时完成`,
  },
  metAtStep: {
    en: (p: { step: number }) => `(step ${p.step})`,
    'zh-CN': (p: { step: number }) => `第 ${p.step} 步`,
  },
  metOutsideSteps: { en: '', 'zh-CN': '步骤之外' },
  cancelledLine: {
    en: (p: { instance: string; armed: string; due: string; at: string; reason: string }) =>
      `${p.instance}: ${p.armed}, due ${p.due}; cancelled at ${p.at} (${p.reason}) before it could breach`,
    'zh-CN': (p: { instance: string; armed: string; due: string; at: string; reason: string }) =>
      `${p.instance}：${p.armed}，应于 ${p.due} 前完成；在超时之前于 ${p.at} 被取消（${p.reason}）`,
  },
  cancelReentered: { en: 'its stage was entered again, which arms a new instance', 'zh-CN': '再次进入该阶段，重新开始计时' },
  cancelClosed: { en: 'the incident closed', 'zh-CN': '事件已关闭' },
  cancelLeftStages: { en: 'the incident left the stages where it can be met', 'zh-CN': '事件离开了可以完成该时限的阶段' },
  cancelCondition: { en: 'its condition (when) stopped holding', 'zh-CN': '它的条件“when”不再成立' },
  cancelOther: {
    en: (p: { reason: string }) => `reason ${p.reason}`,
    'zh-CN': (p: { reason: string }) => `原因代码 ${p.reason}`,
  },
  pendingLine: {
    en: (p: { instance: string; armed: string; due: string; last: string }) =>
      `${p.instance}: ${p.armed}, due ${p.due}; still pending — the drill's clock stopped at ${p.last}, before the due time`,
    'zh-CN': (p: { instance: string; armed: string; due: string; last: string }) =>
      `${p.instance}：${p.armed}，应于 ${p.due} 前完成；仍在计时——演练时钟停在 ${p.last}，尚未到期`,
  },
  // The terminal summary.
  columnDrill: { en: 'drill', 'zh-CN': '演练' },
  columnResult: { en: 'result', 'zh-CN': '结果' },
  columnStage: { en: 'final stage', 'zh-CN': '最终阶段' },
  columnBreaches: { en: 'breaches', 'zh-CN': '超时' },
  pass: { en: 'pass', 'zh-CN': '通过' },
  fail: { en: 'FAIL', 'zh-CN': '未通过' },
  finalExpect: { en: 'final', 'zh-CN': '最终' },
  step: {
    en: (p: { step: number }) => `step ${p.step}`,
    'zh-CN': (p: { step: number }) => `第 ${p.step} 步`,
  },
  totals: {
    en: (p: { total: number; passed: number; failed: number }) => `${p.total} drill${p.total === 1 ? '' : 's'}: ${p.passed} passed, ${p.failed} failed`,
    'zh-CN': (p: { total: number; passed: number; failed: number }) => `共 ${p.total} 个演练：${p.passed} 个通过，${p.failed} 个未通过`,
  },
  // Coverage.
  coverage: { en: 'coverage', 'zh-CN': '覆盖率' },
  coverageStages: { en: 'stages', 'zh-CN': '阶段' },
  coverageTransitions: { en: 'transitions', 'zh-CN': '转换' },
  coverageTracks: { en: 'tracks', 'zh-CN': '并行分支' },
  coverageDeadlines: { en: 'deadline outcomes', 'zh-CN': '时限结果' },
  coverageTotal: { en: 'total', 'zh-CN': '合计' },
  coverageMet: {
    en: (p: { deadline: string }) => `${p.deadline}:met`,
    'zh-CN': (p: { deadline: string }) => `${p.deadline}（按时完成）`,
  },
  coverageBreached: {
    en: (p: { deadline: string }) => `${p.deadline}:breached`,
    'zh-CN': (p: { deadline: string }) => `${p.deadline}（超时）`,
  },
  coverageMissed: {
    en: (p: { kind: string; items: string }) => `missed ${p.kind}: ${p.items}`,
    'zh-CN': (p: { kind: string; items: string }) => `未覆盖的${p.kind}：${p.items}`,
  },
} as const satisfies MessageTable;
