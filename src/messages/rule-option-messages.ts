import type { MessageTable } from './message-table.js';

/** What `--rule <id>=<setting>` says when it cannot be read (`parseRuleOption`). */
export const RULE_OPTION_MESSAGES = {
  malformed: {
    en: (p: { text: string }) => `expected --rule <id>=off|warning|error, got "${p.text}"`,
    'zh-CN': (p: { text: string }) => `应写成 --rule <规则>=off|warning|error，实际为“${p.text}”`,
  },
  unknownRule: {
    en: (p: { id: string; known: string }) => `unknown lint rule "${p.id}" (known: ${p.known})`,
    'zh-CN': (p: { id: string; known: string }) => `没有名为“${p.id}”的分析规则（已有的规则：${p.known}）`,
  },
  unknownSetting: {
    en: (p: { id: string; setting: string }) => `rule "${p.id}": expected off, warning or error, got "${p.setting}"`,
    'zh-CN': (p: { id: string; setting: string }) => `规则“${p.id}”：级别应为 off、warning 或 error，实际为“${p.setting}”`,
  },
} as const satisfies MessageTable;
