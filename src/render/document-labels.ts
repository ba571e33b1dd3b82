/** Locales a plan document is written in (headings and fixed labels; the texts come from the plan). */
export type DocumentLocale = 'en' | 'zh-CN';

/** The fixed words of a plan document: section headings, column headers, phrases. */
export interface DocumentLabels {
  /** Section headings, in the order a filed plan lists them. */
  readonly sections: {
    readonly general: string;
    readonly organisation: string;
    readonly severity: string;
    readonly triggers: string;
    readonly procedure: string;
    readonly timeLimits: string;
    readonly resources: string;
    readonly templates: string;
    readonly evaluation: string;
    readonly drills: string;
  };
  /** `一、` / `1 ` before a section heading. */
  readonly sectionNumber: (index: number) => string;
  /** `（一）` / `5.1 ` before a sub-heading. */
  readonly subNumber: (section: number, index: number) => string;
  readonly purpose: string;
  readonly version: string;
  readonly planId: string;
  readonly locales: string;
  readonly timezone: string;
  readonly notes: string;
  readonly teamsIntro: string;
  readonly team: string;
  readonly leader: string;
  readonly deputy: string;
  readonly members: string;
  readonly duties: string;
  readonly roles: string;
  readonly role: string;
  readonly description: string;
  readonly positions: string;
  readonly level: string;
  readonly levelTitle: string;
  readonly levelsIntro: string;
  readonly categories: string;
  readonly category: string;
  readonly examples: string;
  readonly impacts: string;
  readonly impact: string;
  readonly stateDiagram: string;
  readonly swimlaneDiagram: string;
  readonly procedureIntro: (stages: number) => string;
  readonly owner: string;
  readonly usesResources: string;
  readonly onEntering: string;
  readonly action: string;
  readonly whoMay: string;
  readonly condition: string;
  readonly outcome: string;
  readonly alsoDoes: string;
  readonly mustRecord: string;
  readonly staysInStage: string;
  readonly goesTo: (stage: string) => string;
  readonly otherwise: string;
  readonly tracksIntro: (done: string | undefined) => string;
  readonly track: string;
  readonly finalStage: string;
  readonly openingStage: string;
  readonly deadline: string;
  readonly measuredFrom: string;
  readonly metBy: string;
  readonly fromOpen: string;
  readonly fromEntering: (stage: string) => string;
  readonly recurring: string;
  readonly notApplicable: string;
  readonly onlyWhen: string;
  readonly timeLimitsIntro: string;
  readonly remindersAndBreach: string;
  readonly reminders: string;
  readonly onBreach: string;
  readonly remindBefore: (before: string, who: string) => string;
  readonly notify: (who: string) => string;
  readonly regradeUp: string;
  readonly regradeTo: (level: string) => string;
  readonly record: (text: string) => string;
  readonly effect: (name: string) => string;
  readonly withTemplate: (template: string) => string;
  readonly resource: string;
  readonly kind: string;
  readonly usedIn: string;
  readonly whenNeeded: string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly placeholders: string;
  readonly criterion: string;
  readonly measure: string;
  readonly guidance: string;
  readonly scenarios: string;
  readonly anyRole: string;
  readonly wholeTeam: (team: string) => string;
  readonly position: (team: string, position: 'leader' | 'deputy' | 'members') => string;
  readonly none: string;
  readonly noneDeclared: string;
  readonly listSeparator: string;
  /** The provenance line: plan file, version and the bundle's content hash (first 12 hex digits). */
  readonly generatedFrom: (file: string, version: string, hash: string) => string;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (enough for section and stage counts). */
function chineseNumber(n: number): string {
  if (n <= 10) return ZH_DIGITS[n] ?? String(n);
  if (n < 20) return `十${ZH_DIGITS[n - 10] ?? ''}`;
  if (n < 100) return `${ZH_DIGITS[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (ZH_DIGITS[n % 10] ?? '')}`;
  return String(n);
}

const EN: DocumentLabels = {
  sections: {
    general: 'Purpose and scope',
    organisation: 'Organisation and duties',
    severity: 'Severity levels',
    triggers: 'Triggers and impacts',
    procedure: 'Response procedure',
    timeLimits: 'Time limits',
    resources: 'Resources',
    templates: 'Announcement templates',
    evaluation: 'Evaluation',
    drills: 'Training and drills',
  },
  sectionNumber: (index) => `${index} `,
  subNumber: (section, index) => `${section}.${index} `,
  purpose: 'Purpose',
  version: 'Version',
  planId: 'Plan id',
  locales: 'Languages',
  timezone: 'Time zone',
  notes: 'Notes',
  teamsIntro: 'The response is carried out by the following teams. A team position is held by the role named.',
  team: 'Team',
  leader: 'Leader',
  deputy: 'Deputy',
  members: 'Members',
  duties: 'Duties',
  roles: 'Roles',
  role: 'Role',
  description: 'Description',
  positions: 'Positions',
  level: 'Level',
  levelTitle: 'Name',
  levelsIntro: 'Incidents are graded in the following levels, most severe first.',
  categories: 'Trigger categories',
  category: 'Category',
  examples: 'Examples',
  impacts: 'Possible impacts',
  impact: 'Impact',
  stateDiagram: 'Figure 1. Stages and transitions',
  swimlaneDiagram: 'Figure 2. Stages by responsible team',
  procedureIntro: (stages) => `The response runs through ${stages} stages. An incident opens in the first stage; the figures show how it moves on and which team is responsible for each stage.`,
  owner: 'Responsible team',
  usesResources: 'Resources used',
  onEntering: 'On entering the stage',
  action: 'Action',
  whoMay: 'Who may do it',
  condition: 'Condition',
  outcome: 'Then',
  alsoDoes: 'Also',
  mustRecord: 'Must record',
  staysInStage: 'recorded; the stage does not change',
  goesTo: (stage) => `go to ${stage}`,
  otherwise: 'otherwise',
  tracksIntro: (done) => `The following tasks run in parallel; ${done === undefined ? 'the stage is done' : `the incident goes to ${done}`} when all of them are done.`,
  track: 'Task',
  finalStage: 'The incident is closed on entering this stage.',
  openingStage: 'Incidents open in this stage.',
  deadline: 'Time limit',
  measuredFrom: 'Counted from',
  metBy: 'Met by',
  fromOpen: 'the incident is opened',
  fromEntering: (stage) => `entering ${stage}`,
  recurring: 'repeats after each meeting action or breach',
  notApplicable: 'n/a',
  onlyWhen: 'Only when',
  timeLimitsIntro: 'Time limits by severity level. A time limit counts from the moment shown and is met by the actions listed.',
  remindersAndBreach: 'Reminders and escalation on breach',
  reminders: 'Reminders',
  onBreach: 'When the time limit is missed',
  remindBefore: (before, who) => `${before} before: notify ${who}`,
  notify: (who) => `notify ${who}`,
  regradeUp: 'raise the incident one level',
  regradeTo: (level) => `regrade to ${level}`,
  record: (text) => `record: ${text}`,
  effect: (name) => name,
  withTemplate: (template) => `(template: ${template})`,
  resource: 'Resource',
  kind: 'Kind',
  usedIn: 'Used in',
  whenNeeded: 'when needed',
  kinds: { tool: 'tool', channel: 'channel', people: 'people', material: 'material', funds: 'funds' },
  placeholders: 'Filled in from',
  criterion: 'Criterion',
  measure: 'Measure',
  guidance: 'Guidance',
  scenarios: 'Scenarios to drill',
  anyRole: 'anyone with a role in the plan',
  wholeTeam: (team) => `${team} (all)`,
  position: (team, position) => `${team} ${position === 'members' ? 'members' : position}`,
  none: '—',
  noneDeclared: 'The plan declares none.',
  listSeparator: '; ',
  generatedFrom: (file, version, hash) => `Written by planwright from ${file} (version ${version}, content hash sha256 ${hash}, as in its bundle). The executable plan and this text are the same file.`,
};

const ZH: DocumentLabels = {
  sections: {
    general: '总则',
    organisation: '组织体系与职责',
    severity: '分级标准',
    triggers: '风险分析与影响评估',
    procedure: '应急响应程序',
    timeLimits: '时限要求',
    resources: '物资与资源保障',
    templates: '信息发布模板',
    evaluation: '评估与改进',
    drills: '培训与演练',
  },
  sectionNumber: (index) => `${chineseNumber(index)}、`,
  subNumber: (_section, index) => `（${chineseNumber(index)}）`,
  purpose: '编制目的与适用范围',
  version: '版本',
  planId: '预案编号',
  locales: '语言',
  timezone: '时区',
  notes: '说明',
  teamsIntro: '应急处置工作由以下工作小组负责，各岗位由所列角色担任。',
  team: '工作小组',
  leader: '组长',
  deputy: '副组长',
  members: '成员',
  duties: '职责',
  roles: '角色',
  role: '角色',
  description: '说明',
  positions: '所任岗位',
  level: '级别',
  levelTitle: '名称',
  levelsIntro: '事件按严重程度由高到低分为以下级别。',
  categories: '引发因素',
  category: '类别',
  examples: '示例',
  impacts: '可能造成的影响',
  impact: '影响',
  stateDiagram: '图1  响应阶段与流转',
  swimlaneDiagram: '图2  各工作小组负责的阶段',
  procedureIntro: (stages) => `应急响应分为以下${stages}个阶段。事件自第一个阶段开始，图中标明阶段间的流转和各阶段的负责小组。`,
  owner: '负责小组',
  usesResources: '使用资源',
  onEntering: '进入本阶段时',
  action: '操作',
  whoMay: '可由谁执行',
  condition: '条件',
  outcome: '结果',
  alsoDoes: '同时',
  mustRecord: '须填写',
  staysInStage: '记录在案，阶段不变',
  goesTo: (stage) => `转入“${stage}”`,
  otherwise: '否则',
  tracksIntro: (done) => `以下工作同时开展，全部完成后${done === undefined ? '本阶段结束' : `转入“${done}”`}。`,
  track: '工作',
  finalStage: '进入本阶段即结束事件处置。',
  openingStage: '事件自本阶段开始。',
  deadline: '时限',
  measuredFrom: '起算时点',
  metBy: '完成标志',
  fromOpen: '事件开始',
  fromEntering: (stage) => `进入“${stage}”`,
  recurring: '每次完成或超时后重新计时',
  notApplicable: '不适用',
  onlyWhen: '适用条件',
  timeLimitsIntro: '各级别事件的处置时限如下。时限自所列时点起算，以所列操作为完成标志。',
  remindersAndBreach: '提醒与超时处置',
  reminders: '提醒',
  onBreach: '超时处置',
  remindBefore: (before, who) => `到期前${before}提醒${who}`,
  notify: (who) => `通知${who}`,
  regradeUp: '事件升高一级',
  regradeTo: (level) => `调整为${level}`,
  record: (text) => `记录：${text}`,
  effect: (name) => name,
  withTemplate: (template) => `（模板：${template}）`,
  resource: '资源',
  kind: '类别',
  usedIn: '使用阶段',
  whenNeeded: '必要时',
  kinds: { tool: '工具', channel: '渠道', people: '人员', material: '物资', funds: '资金' },
  placeholders: '填入内容',
  criterion: '评估项',
  measure: '指标',
  guidance: '要求',
  scenarios: '演练场景',
  anyRole: '预案中任一角色',
  wholeTeam: (team) => `${team}全体`,
  position: (team, position) => `${team}${position === 'leader' ? '组长' : position === 'deputy' ? '副组长' : '成员'}`,
  none: '—',
  noneDeclared: '本预案未作规定。',
  listSeparator: '；',
  generatedFrom: (file, version, hash) => `本文由 planwright 根据 ${file}（版本 ${version}，内容哈希 sha256 ${hash}，与其预案包一致）生成，与可执行预案为同一文件。`,
};

/**
 * The fixed words of a plan document in a locale (English unless `zh-CN`).
 *
 * @example
 * documentLabels('zh-CN').sections.timeLimits; // '时限要求'
 */
export function documentLabels(locale: DocumentLocale): DocumentLabels {
  return locale === 'zh-CN' ? ZH : EN;
}
