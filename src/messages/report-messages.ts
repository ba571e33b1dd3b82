import type { MessageTable } from './message-table.js';

/** Words the drill reports use besides the shared report labels: why a notification was sent, counts. */
export const REPORT_MESSAGES = {
  reasonBreach: { en: 'breach', 'zh-CN': '超时' },
  reasonReminder: { en: 'reminder', 'zh-CN': '提醒' },
  reasonAction: { en: 'action', 'zh-CN': '预案动作' },
  drillCount: {
    en: (p: { count: number }) => `drills: ${p.count}`,
    'zh-CN': (p: { count: number }) => `演练：${p.count} 个`,
  },
} as const satisfies MessageTable;
