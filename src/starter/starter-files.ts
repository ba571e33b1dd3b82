/**
 * The files `planwright init` writes (and the studio offers in a folder without a plan): a commented starter plan for a generic emergency (突发事件),
 * a roster and one drill, in English or Chinese. Text templates, not copies of any real plan; the
 * tests run validate, lint and drill on every combination, so they stay correct.
 */

/** The examples `init` can write. */
export const STARTER_EXAMPLES = ['basic', 'tracks'] as const;
export type StarterExample = (typeof STARTER_EXAMPLES)[number];

/** The languages `init` writes comments and titles in. */
export type StarterLocale = 'en' | 'zh-CN';

/** One file to write, relative to the target folder. */
export interface StarterFile {
  readonly path: string;
  readonly content: string;
}

/** Options of {@link starterFiles}. */
export interface StarterOptions {
  readonly locale: StarterLocale;
  readonly example: StarterExample;
  /** Path of planwright's schema.json relative to the plan file, for the editor hint on line 1. */
  readonly schemaPath: string;
}

/** File names `init` writes (the same in every language and example). */
export const STARTER_PATHS = { plan: 'emergency.plan.yaml', roster: 'roster.yaml', drill: 'drills/on-time.drill.yaml' } as const;

/**
 * The starter files for a language and example.
 *
 * @example
 * starterFiles({ locale: 'zh-CN', example: 'basic', schemaPath: 'node_modules/planwright/schema.json' }).map((f) => f.path);
 * // ['emergency.plan.yaml', 'roster.yaml', 'drills/on-time.drill.yaml']
 */
export function starterFiles(options: StarterOptions): StarterFile[] {
  return [
    { path: STARTER_PATHS.plan, content: starterPlan(options) },
    { path: STARTER_PATHS.roster, content: starterRoster(options) },
    { path: STARTER_PATHS.drill, content: starterDrill(options) },
  ];
}

function starterPlan({ locale, example, schemaPath }: StarterOptions): string {
  const zh = locale === 'zh-CN';
  /** The text of this locale: one template, each text in both languages where it stands. */
  const t = (chinese: string, english: string): string => (zh ? chinese : english);
  const tracks = example === 'tracks';
  const command = tracks
    ? `
  - id: command
    title: ${t('指挥决策', 'command decision')}
    description: ${t('特别重大、重大事件由总指挥批准处置方案后再开展处置。', 'For the two most severe levels the commander approves the response before it starts.')}
    owner: command
    on:
      - event: APPROVE
        by: [command.leader]
        target: respond
`
    : '';
  const assessOn = tracks
    ? `      - event: ASSESS
        by: [command.leader, command.deputy]
        targets:                       # ${t('按条件转入不同阶段，第一个成立的生效；最后一项不带 when，是默认去向', 'conditional targets: the first that holds wins; the last, without when, is the default')}
          - when: { field: severity, in: [I, II] }
            target: command
          - target: respond`
    : `      - event: ASSESS
        by: [command.leader, command.deputy]
        target: respond`;
  const approveEvent = tracks ? `\n  - { id: APPROVE, title: ${t('批准处置方案', 'approve the response')} }` : '';
  const updateEvent = tracks ? `\n  - { id: UPDATE, title: ${t('报送续报', 'send a situation update')}, requires: [summary] }` : '';
  const recoverOn = tracks
    ? `      - event: UPDATE
        by: [duty]
      - event: STAND_DOWN
        by: [command.leader]
        target: review`
    : `      - event: STAND_DOWN
        by: [command.leader]
        target: review`;
  const updateDeadline = tracks
    ? `
  - id: update
    title: ${t('定时续报', 'regular situation update')}
    from: enter
    stage: recover
    due: { I: 2h, II: 2h, III: 4h, IV: 4h }
    recurring: true                    # ${t('每次续报后重新计时', 'counts again after each update')}
    metBy: [UPDATE]
    breach:
      - { notify: [commander] }
`
    : '';

  return `# yaml-language-server: $schema=${schemaPath}
# ${t('突发事件应急预案（planwright 入门示例）。按本单位实际修改各项内容，然后运行：', 'An emergency response plan (planwright starter). Change everything to fit your organisation, then run:')}
#   npx planwright validate ${STARTER_PATHS.plan}     ${t('检查格式与引用', 'check the format and references')}
#   npx planwright lint ${STARTER_PATHS.plan}         ${t('检查流程（不可达阶段、无出口的循环等）', 'check the flow (unreachable stages, loops with no exit, …)')}
#   npx planwright drill ${STARTER_PATHS.plan} ${STARTER_PATHS.drill}   ${t('在模拟时钟上演练', 'rehearse on a simulated clock')}
#   npx planwright render ${STARTER_PATHS.plan} --format docx -o ${t('预案.docx', 'plan.docx')}   ${t('生成预案文本', 'write the plan as a document')}
planwright: 1
id: emergency
version: 0.1.0
title: ${t('突发事件应急预案', 'Emergency Response Plan')}
description: ${t('为及时、有序、高效地应对本单位突发事件，最大限度减少人员伤亡和财产损失，制定本预案。本预案适用于本单位范围内发生的各类突发事件的应对工作。', 'So that the organisation responds to an emergency promptly, in order and effectively, and keeps harm to people and property as small as possible. Applies to every kind of emergency within the organisation.')}
locales: [${t('zh-CN', 'en')}]
timezone: ${t('Asia/Shanghai', 'Europe/London')}

# ${t('分级标准：由高到低排列，第一个最严重', 'Severity levels, most severe first')}
severity:
  - { id: I, title: ${t('特别重大', 'extraordinary')}, description: ${t('造成或可能造成人员死亡，或影响超出本单位、需上级统一指挥。', '"Deaths, or effects beyond the organisation that need direction from above."')} }
  - { id: II, title: ${t('重大', 'major')}, description: ${t('造成多人受伤或重要业务中断，需本单位全力处置。', '"Several injured or a key service down; the whole organisation responds."')} }
  - { id: III, title: ${t('较大', 'serious')}, description: ${t('局部业务中断或少数人员受伤，相关部门联合处置。', '"A service partly down or a few injured; the departments concerned respond together."')} }
  - { id: IV, title: ${t('一般', 'general')}, description: ${t('影响较小，责任部门即可处置。', '"Small effect; the responsible department handles it."')} }

# ${t('事件分类：开启事件时须选择其一', 'Trigger categories: an incident is opened with one of them')}
categories:
  - { id: natural, title: ${t('自然灾害', 'natural disaster')} }
  - { id: accident, title: ${t('事故灾难', 'accident')} }
  - { id: health, title: ${t('公共卫生事件', 'public-health event')} }
  - { id: security, title: ${t('社会安全事件', 'public-security event')} }

impacts:
  - { id: people, title: ${t('人员伤亡', 'casualties')}, description: ${t('事件可能造成人员伤亡。', '"People may be hurt."')} }
  - { id: service, title: ${t('业务中断', 'service disruption')}, description: ${t('事件可能中断对外服务。', '"Services to the public may stop."')} }

# ${t('角色：人员以角色参与，岗位与权限都落在角色上', 'Roles: people take part through roles; positions and permissions are given to roles')}
roles:
  - { id: commander, title: ${t('总指挥', 'commander')} }
  - { id: deputy-commander, title: ${t('副总指挥', 'deputy commander')} }
  - { id: duty-officer, title: ${t('值班员', 'duty officer')} }
  - { id: field-lead, title: ${t('现场处置组组长', 'field team lead')} }
  - { id: field-staff, title: ${t('现场处置人员', 'field staff')} }
  - { id: press-officer, title: ${t('新闻发言人', 'press officer')} }

# ${t('组织体系：每个小组的组长、副组长、成员和职责', 'Organisation: each team\'s leader, deputy, members and duties')}
teams:
  - id: command
    title: ${t('应急指挥部', 'emergency command')}
    leader: commander
    deputy: deputy-commander
    duties:
      - ${t('统一领导、指挥和协调突发事件应对工作。', 'Lead, direct and coordinate the response.')}
      - ${t('研判事件等级，决定启动和终止应急响应。', 'Grade the incident; start and stand down the response.')}
  - id: duty
    title: ${t('值班室', 'duty office')}
    leader: duty-officer
    duties:
      - ${t('接收事件报告，及时向应急指挥部报告并报送续报。', 'Take reports, inform the command at once and send situation updates.')}
  - id: field
    title: ${t('现场处置组', 'field team')}
    leader: field-lead
    members: [field-staff]
    duties:
      - ${t('开展现场处置，控制事态发展。', 'Handle the incident on site and bring it under control.')}
  - id: info
    title: ${t('信息发布组', 'public information team')}
    leader: press-officer
    duties:
      - ${t('统一对外发布信息，回应社会关切。', 'Speak for the organisation and answer the public\'s concerns.')}

# ${t('信息项：事件报送时填写的内容', 'Fields: what people record when they act')}
fields:
  - { id: summary, type: text, title: ${t('基本情况', 'summary')} }
  - { id: location, type: text, title: ${t('发生地点', 'location')} }
  - { id: severity, type: severity, title: ${t('事件等级', 'severity')} }
  - { id: actions, type: text, title: ${t('处置措施', 'actions taken')} }
  - { id: notice, type: text, title: ${t('发布内容', 'notice text')} }
  - { id: channel, type: enum, values: [website, ${t('wechat', 'social')}, sms], title: ${t('发布渠道', 'channel')} }
  - { id: lessons, type: text, title: ${t('经验教训', 'lessons learned')} }
  - { id: note, type: text, title: ${t('备注', 'note')} }

resources:
  - { id: field-kit, kind: material, title: ${t('应急处置装备', 'field equipment')} }
  - { id: notice-channels, kind: channel, title: ${t('官方网站、微信公众号、短信平台', '"website, social accounts and SMS gateway"')} }

templates:
  - id: public-notice
    title: ${t('情况通报', 'public notice')}
    body: "${t('关于“{{title}}”的情况通报：{{notice}}', 'About “{{title}}”: {{notice}}')}"

effects:
  - { id: publish, title: ${t('对外发布', 'publish to the public')} }

# ${t('事件（操作）：requires 列出必须填写的信息项', 'Events (actions people take): requires lists the fields they must fill in')}
events:
  - { id: REPORT, title: ${t('报告事件', 'report the incident')}, requires: [summary, location] }
  - { id: ASSESS, title: ${t('研判定级', 'grade the incident')}, requires: [severity] }${approveEvent}
  - { id: HANDLE, title: ${t('完成现场处置', 'on-site work done')}, requires: [actions] }
  - { id: PUBLISH, title: ${t('发布信息', 'publish a notice')}, requires: [notice, channel] }${updateEvent}
  - { id: STAND_DOWN, title: ${t('终止应急响应', 'stand down the response')} }
  - { id: SUBMIT_REVIEW, title: ${t('提交总结报告', 'submit the review')}, requires: [lessons] }
  - { id: NOTE, title: ${t('备注', 'note')}, requires: [note] }

# ${t('响应程序：第一个阶段是事件开始的阶段；by 写明谁可以执行（角色、小组岗位如 command.leader，或整个小组）', 'Response procedure: incidents open in the first stage; by says who may act (roles, positions such as command.leader, or a whole team)')}
stages:
  - id: report
    title: ${t('接报', 'report')}
    owner: duty
    on:
      - event: REPORT
        by: [duty]
        target: assess

  - id: assess
    title: ${t('研判定级', 'assess and grade')}
    owner: command
    on:
${assessOn}
${command}
  - id: respond
    title: ${t('应急处置', 'respond')}
    owner: command
    resources: [field-kit, notice-channels]
    tracks:                            # ${t('并行开展的两项工作，都完成后转入 done 指定的阶段', 'two lines of work in parallel; when both are done the incident goes to done')}
      - id: on-site
        title: ${t('现场处置', 'on-site response')}
        owner: field
        on:
          - event: HANDLE
            by: [field]
      - id: inform
        title: ${t('信息发布', 'public information')}
        owner: info
        on:
          - event: PUBLISH
            by: [info]
            do:
              - { effect: publish, template: public-notice }
    done: recover

  - id: recover
    title: ${t('后期处置', 'recovery')}
    owner: command
    on:
${recoverOn}

  - id: review
    title: ${t('总结评估', 'review')}
    owner: command
    on:
      - event: SUBMIT_REVIEW
        by: [command.leader, command.deputy]
        target: closed

  - id: closed
    title: ${t('结束', 'closed')}
    final: true

# ${t('在多个阶段都可以执行的操作', 'Actions accepted in several stages')}
transitions:
  - event: NOTE
    in: '*'
    by: [any-role]

# ${t('时限要求：due 可以是一个时长，也可以按级别分别规定', 'Time limits: due is one duration, or one per severity level')}
deadlines:
  - id: report
    title: ${t('30分钟内报告', 'report within 30 minutes')}
    from: open
    due: 30m
    metBy: [REPORT]
    remind: [{ before: 10m, notify: [duty-officer] }]
    breach:
      - { notify: [commander] }
      - { record: ${t('未在30分钟内报告', 'not reported within 30 minutes')} }

  - id: first-notice
    title: ${t('首次信息发布', 'first public notice')}
    from: open
    due: { I: 1h, II: 2h, III: 4h, IV: 8h }
    metBy: [PUBLISH]
    breach:
      - { notify: [commander, press-officer] }

  - id: on-site
    title: ${t('现场处置', 'on-site response')}
    from: enter
    stage: respond
    due: { I: 4h, II: 8h, III: 12h, IV: 24h }
    metBy: [HANDLE]
    breach:
      - { notify: [commander] }
${updateDeadline}
  - id: review
    title: ${t('总结报告', 'written review')}
    from: enter
    stage: review
    due: 7d
    metBy: [SUBMIT_REVIEW]
    breach:
      - { notify: [commander] }

evaluation:
  - { id: timeliness, title: ${t('响应的及时性', 'timeliness of the response')} }
  - { id: cooperation, title: ${t('各小组的协同配合', 'how well the teams worked together')} }

drills:
  guidance:
    - ${t('每年至少组织一次综合演练，检验各小组协同和响应程序的有效性。', 'Hold a full exercise at least once a year to test the teams and the procedure.')}
  scenarios:
    - ${t('夜间发生的事故灾难，按时处置', 'An accident at night, handled on time')}
`;
}

/** Who the starter roster and drill name, by the role they hold: an id and a name in each language. */
const PEOPLE: Readonly<Record<StarterLocale, Readonly<Record<'commander' | 'deputy' | 'duty' | 'field' | 'staff' | 'press', readonly [string, string]>>>> = {
  'zh-CN': { commander: ['zhang', '张伟'], deputy: ['li', '李娜'], duty: ['wang', '王强'], field: ['zhao', '赵敏'], staff: ['sun', '孙磊'], press: ['zhou', '周静'] },
  en: { commander: ['alex', 'Alex Morgan'], deputy: ['sam', 'Sam Lee'], duty: ['jo', 'Jo Patel'], field: ['chris', 'Chris Evans'], staff: ['pat', 'Pat Kim'], press: ['robin', 'Robin Shaw'] },
};

function starterRoster({ locale }: StarterOptions): string {
  const zh = locale === 'zh-CN';
  const { commander, deputy, duty, field, staff, press } = PEOPLE[locale];
  const person = ([id, name]: readonly [string, string], rest: string): string => `  - { id: ${id}, name: ${name}, ${rest} }`;
  return [
    zh
      ? '# 值班名册：每人担任的角色，以及在岗位负责人不在时代为履职的岗位。'
      : '# The roster: the roles each person holds, and the positions they stand in for when the holder is away.',
    zh
      ? `# 用 npx planwright readiness ${STARTER_PATHS.plan} --roster ${STARTER_PATHS.roster} 检查每个岗位是否有人。`
      : `# Check that every position is staffed: npx planwright readiness ${STARTER_PATHS.plan} --roster ${STARTER_PATHS.roster}`,
    'roster: 1',
    'plan: emergency',
    'people:',
    person(commander, 'roles: [commander], backs: [command.deputy]'),
    person(deputy, 'roles: [deputy-commander], backs: [command.leader]'),
    person(duty, 'roles: [duty-officer], backs: [info.leader]'),
    person(field, 'roles: [field-lead]'),
    person(staff, 'roles: [field-staff], backs: [field.leader]'),
    person(press, 'roles: [press-officer], backs: [duty.leader]'),
    '',
  ].join('\n');
}

function starterDrill({ locale, example }: StarterOptions): string {
  const zh = locale === 'zh-CN';
  const tracks = example === 'tracks';
  const level = tracks ? 'II' : 'III';
  const lines: string[] = [];
  const people = PEOPLE[locale];
  const ids = { commander: people.commander[0], deputy: people.deputy[0], duty: people.duty[0], field: people.field[0], press: people.press[0] };
  if (zh) {
    lines.push(
      `# 演练：${tracks ? '重大（II级）' : '较大（III级）'}事故，各环节按时完成。运行：`,
      `#   npx planwright drill ${STARTER_PATHS.plan} ${STARTER_PATHS.drill}`,
      `drill: ${level}级 事故灾难，按时处置`,
    );
  } else {
    lines.push(
      `# Drill: a level ${level} accident, every step on time. Run it with:`,
      `#   npx planwright drill ${STARTER_PATHS.plan} ${STARTER_PATHS.drill}`,
      `drill: level ${level} accident, handled on time`,
    );
  }
  lines.push(
    zh ? 'start: 2026-03-02T22:00:00+08:00' : 'start: 2026-03-02T22:00:00+00:00',
    'people:                        # ' + (zh ? '参演人员及其角色' : 'who takes part, and their roles'),
    `  ${ids.commander}: [commander]`,
    `  ${ids.deputy}: [deputy-commander]`,
    `  ${ids.duty}: [duty-officer]`,
    `  ${ids.field}: [field-lead]`,
    `  ${ids.press}: [press-officer]`,
    'open:',
    `  by: ${ids.duty}`,
    `  title: ${zh ? '仓库叉车碰撞致一人受伤' : 'Forklift collision in the warehouse, one injured'}`,
    '  category: accident',
    'steps:                         # ' + (zh ? 'at 是距开始的时间' : 'at is the time since the start'),
    '  - at: 10m',
    `    by: ${ids.duty}`,
    '    send: REPORT',
    `    data: { summary: "${zh ? '叉车与货架碰撞，一名员工腿部受伤，已送医。' : 'A forklift hit a rack; one worker hurt his leg and is in hospital.'}", location: "${zh ? '二号仓库' : 'warehouse 2'}" }`,
    '    expect: { stage: assess }',
    '  - at: 25m',
    `    by: ${ids.deputy}`,
    '    send: ASSESS',
    `    data: { severity: ${level} }`,
  );
  if (tracks) {
    lines.push(
      '    expect: { stage: command, severity: II }',
      '  - at: 35m',
      `    by: ${ids.field}`,
      '    send: APPROVE',
      `    expect: { rejected: unauthorized }   # ${zh ? '只有总指挥可以批准' : 'only the commander may approve'}`,
      '  - at: 40m',
      `    by: ${ids.commander}`,
      '    send: APPROVE',
      '    expect: { stage: respond }',
    );
  } else {
    lines.push(`    expect: { stage: respond, severity: ${level} }`);
  }
  lines.push(
    '  - at: 1h',
    `    by: ${ids.press}`,
    '    send: PUBLISH',
    `    data: { notice: "${zh ? '现场已处置完毕，伤者情况稳定。' : 'The site is safe and the injured worker is stable.'}", channel: ${zh ? 'wechat' : 'social'} }`,
    '  - at: 3h',
    `    by: ${ids.field}`,
    '    send: HANDLE',
    `    data: { actions: "${zh ? '隔离现场，检查货架，恢复作业。' : 'Cordoned off the area, checked the racks, resumed work.'}" }`,
    '    expect: { stage: recover }',
  );
  if (tracks) {
    lines.push('  - at: 4h', `    by: ${ids.duty}`, '    send: UPDATE', `    data: { summary: "${zh ? '伤者已出院，作业恢复正常。' : 'The worker has left hospital; work is back to normal.'}" }`);
  }
  lines.push(
    '  - at: 5h',
    `    by: ${ids.commander}`,
    '    send: STAND_DOWN',
    '    expect: { stage: review }',
    '  - at: 3d',
    `    by: ${ids.deputy}`,
    '    send: SUBMIT_REVIEW',
    `    data: { lessons: "${zh ? '叉车通道需加装防撞设施。' : 'The forklift lanes need crash barriers.'}" }`,
    'expect:',
    '  stage: closed',
    `  severity: ${level}`,
    '  breaches: []',
  );
  return `${lines.join('\n')}\n`;
}
