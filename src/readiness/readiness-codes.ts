import type { RuleMessage } from '../analysis/rule.js';

/** Codes of readiness findings: input problems (exit 2) and gaps (exit 1, or warnings). */
export const READINESS_MESSAGES = {
  // input: the roster or inventory does not fit the plan
  'roster-plan-mismatch': {
    en: 'This roster is for plan "{{found}}", not "{{plan}}".',
    'zh-CN': '此人员名册属于预案“{{found}}”，而不是“{{plan}}”。',
  },
  'inventory-plan-mismatch': {
    en: 'This inventory is for plan "{{found}}", not "{{plan}}".',
    'zh-CN': '此资源清单属于预案“{{found}}”，而不是“{{plan}}”。',
  },
  'roster-unknown-role': {
    en: 'Role "{{role}}" is not a role of plan "{{plan}}".{{hint}}',
    'zh-CN': '角色“{{role}}”不是预案“{{plan}}”中的角色。{{hint}}',
  },
  'roster-unknown-position': {
    en: '"{{position}}" is not a position of plan "{{plan}}" (a team with that leader or deputy).{{hint}}',
    'zh-CN': '“{{position}}”不是预案“{{plan}}”中的职位（需为设有该组长或副组长的小组）。{{hint}}',
  },
  'roster-duplicate-person': {
    en: 'Person "{{person}}" is listed twice (first on line {{line}}).',
    'zh-CN': '人员“{{person}}”重复列出（首次在第 {{line}} 行）。',
  },
  'inventory-unknown-resource': {
    en: 'Resource "{{resource}}" is not a resource of plan "{{plan}}".{{hint}}',
    'zh-CN': '资源“{{resource}}”不是预案“{{plan}}”中的资源。{{hint}}',
  },
  'inventory-duplicate-resource': {
    en: 'Resource "{{resource}}" is listed twice (first on line {{line}}).',
    'zh-CN': '资源“{{resource}}”重复列出（首次在第 {{line}} 行）。',
  },
  // gaps
  'role-unstaffed': {
    en: 'Nobody on the roster holds role "{{role}}" ({{title}}). Add a person with it under `people`.',
    'zh-CN': '人员名册中没有人担任角色“{{role}}”（{{title}}）。请在 `people` 中添加担任该角色的人员。',
  },
  'position-without-backup': {
    en: 'Position {{position}} ({{role}}) has no named backup: give someone `backs: [{{position}}]`.',
    'zh-CN': '职位 {{position}}（{{role}}）没有指定替补：请为某人添加 `backs: [{{position}}]`。',
  },
  'backup-is-only-holder': {
    en: '{{person}} backs up {{position}} but is the only person holding {{role}}: when they are away, nobody stands in.',
    'zh-CN': '{{person}} 是 {{position}} 的替补，但也是唯一担任 {{role}} 的人：其不在时无人可以顶替。',
  },
  'resource-missing': {
    en: 'Resource "{{resource}}" ({{title}}), used in stage {{stages}}, is not in the inventory.',
    'zh-CN': '资源“{{resource}}”（{{title}}）在阶段 {{stages}} 中使用，但不在资源清单中。',
  },
  'resource-unavailable': {
    en: 'Resource "{{resource}}" ({{title}}), used in stage {{stages}}, is not available.{{note}}',
    'zh-CN': '资源“{{resource}}”（{{title}}）在阶段 {{stages}} 中使用，但目前不可用。{{note}}',
  },
} as const satisfies Record<string, RuleMessage>;

/** A readiness finding code. */
export type ReadinessCode = keyof typeof READINESS_MESSAGES;

/** Codes that mean the roster or inventory does not fit the plan (bad input, exit 2). */
export const READINESS_INPUT_CODES: ReadonlySet<ReadinessCode> = new Set([
  'roster-plan-mismatch',
  'inventory-plan-mismatch',
  'roster-unknown-role',
  'roster-unknown-position',
  'roster-duplicate-person',
  'inventory-unknown-resource',
  'inventory-duplicate-resource',
]);
