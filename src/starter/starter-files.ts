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
  const t = (chinese: string, english: string): string => (zh ? chinese : english);
  const tracks = example === 'tracks';
  const command = tracks
    ? t(
        `
  - id: command
    title: 指挥决策
    description: 特别重大、重大事件由总指挥批准处置方案后再开展处置。
    owner: command
    on:
      - event: APPROVE
        by: [command.leader]
        target: respond
`,
        `
  - id: command
    title: command decision
    description: For the two most severe levels the commander approves the response before it starts.
    owner: command
    on:
      - event: APPROVE
        by: [command.leader]
        target: respond
`,
      )
    : '';
  const assessOn = tracks
    ? t(
        `      - event: ASSESS
        by: [command.leader, command.deputy]
        targets:                       # 按条件转入不同阶段，第一个成立的生效；最后一项不带 when，是默认去向
          - when: { field: severity, in: [I, II] }
            target: command
          - target: respond`,
        `      - event: ASSESS
        by: [command.leader, command.deputy]
        targets:                       # conditional targets: the first that holds wins; the last, without when, is the default
          - when: { field: severity, in: [I, II] }
            target: command
          - target: respond`,
      )
    : `      - event: ASSESS
        by: [command.leader, command.deputy]
        target: respond`;
  const approveEvent = tracks ? t(`\n  - { id: APPROVE, title: 批准处置方案 }`, `\n  - { id: APPROVE, title: approve the response }`) : '';
  const updateEvent = tracks ? t(`\n  - { id: UPDATE, title: 报送续报, requires: [summary] }`, `\n  - { id: UPDATE, title: send a situation update, requires: [summary] }`) : '';
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
    ? t(
        `
  - id: update
    title: 定时续报
    from: enter
    stage: recover
    due: { I: 2h, II: 2h, III: 4h, IV: 4h }
    recurring: true                    # 每次续报后重新计时
    metBy: [UPDATE]
    breach:
      - { notify: [commander] }
`,
        `
  - id: update
    title: regular situation update
    from: enter
    stage: recover
    due: { I: 2h, II: 2h, III: 4h, IV: 4h }
    recurring: true                    # counts again after each update
    metBy: [UPDATE]
    breach:
      - { notify: [commander] }
`,
      )
    : '';

  return t(
    `# yaml-language-server: $schema=${schemaPath}
# 突发事件应急预案（planwright 入门示例）。按本单位实际修改各项内容，然后运行：
#   npx planwright validate ${STARTER_PATHS.plan}     检查格式与引用
#   npx planwright lint ${STARTER_PATHS.plan}         检查流程（不可达阶段、无出口的循环等）
#   npx planwright drill ${STARTER_PATHS.plan} ${STARTER_PATHS.drill}   在模拟时钟上演练
#   npx planwright render ${STARTER_PATHS.plan} --format docx -o 预案.docx   生成预案文本
planwright: 1
id: emergency
version: 0.1.0
title: 突发事件应急预案
description: 为及时、有序、高效地应对本单位突发事件，最大限度减少人员伤亡和财产损失，制定本预案。本预案适用于本单位范围内发生的各类突发事件的应对工作。
locales: [zh-CN]
timezone: Asia/Shanghai

# 分级标准：由高到低排列，第一个最严重
severity:
  - { id: I, title: 特别重大, description: 造成或可能造成人员死亡，或影响超出本单位、需上级统一指挥。 }
  - { id: II, title: 重大, description: 造成多人受伤或重要业务中断，需本单位全力处置。 }
  - { id: III, title: 较大, description: 局部业务中断或少数人员受伤，相关部门联合处置。 }
  - { id: IV, title: 一般, description: 影响较小，责任部门即可处置。 }

# 事件分类：开启事件时须选择其一
categories:
  - { id: natural, title: 自然灾害 }
  - { id: accident, title: 事故灾难 }
  - { id: health, title: 公共卫生事件 }
  - { id: security, title: 社会安全事件 }

impacts:
  - { id: people, title: 人员伤亡, description: 事件可能造成人员伤亡。 }
  - { id: service, title: 业务中断, description: 事件可能中断对外服务。 }

# 角色：人员以角色参与，岗位与权限都落在角色上
roles:
  - { id: commander, title: 总指挥 }
  - { id: deputy-commander, title: 副总指挥 }
  - { id: duty-officer, title: 值班员 }
  - { id: field-lead, title: 现场处置组组长 }
  - { id: field-staff, title: 现场处置人员 }
  - { id: press-officer, title: 新闻发言人 }

# 组织体系：每个小组的组长、副组长、成员和职责
teams:
  - id: command
    title: 应急指挥部
    leader: commander
    deputy: deputy-commander
    duties:
      - 统一领导、指挥和协调突发事件应对工作。
      - 研判事件等级，决定启动和终止应急响应。
  - id: duty
    title: 值班室
    leader: duty-officer
    duties:
      - 接收事件报告，及时向应急指挥部报告并报送续报。
  - id: field
    title: 现场处置组
    leader: field-lead
    members: [field-staff]
    duties:
      - 开展现场处置，控制事态发展。
  - id: info
    title: 信息发布组
    leader: press-officer
    duties:
      - 统一对外发布信息，回应社会关切。

# 信息项：事件报送时填写的内容
fields:
  - { id: summary, type: text, title: 基本情况 }
  - { id: location, type: text, title: 发生地点 }
  - { id: severity, type: severity, title: 事件等级 }
  - { id: actions, type: text, title: 处置措施 }
  - { id: notice, type: text, title: 发布内容 }
  - { id: channel, type: enum, values: [website, wechat, sms], title: 发布渠道 }
  - { id: lessons, type: text, title: 经验教训 }
  - { id: note, type: text, title: 备注 }

resources:
  - { id: field-kit, kind: material, title: 应急处置装备 }
  - { id: notice-channels, kind: channel, title: 官方网站、微信公众号、短信平台 }

templates:
  - id: public-notice
    title: 情况通报
    body: "关于“{{title}}”的情况通报：{{notice}}"

effects:
  - { id: publish, title: 对外发布 }

# 事件（操作）：requires 列出必须填写的信息项
events:
  - { id: REPORT, title: 报告事件, requires: [summary, location] }
  - { id: ASSESS, title: 研判定级, requires: [severity] }${approveEvent}
  - { id: HANDLE, title: 完成现场处置, requires: [actions] }
  - { id: PUBLISH, title: 发布信息, requires: [notice, channel] }${updateEvent}
  - { id: STAND_DOWN, title: 终止应急响应 }
  - { id: SUBMIT_REVIEW, title: 提交总结报告, requires: [lessons] }
  - { id: NOTE, title: 备注, requires: [note] }

# 响应程序：第一个阶段是事件开始的阶段；by 写明谁可以执行（角色、小组岗位如 command.leader，或整个小组）
stages:
  - id: report
    title: 接报
    owner: duty
    on:
      - event: REPORT
        by: [duty]
        target: assess

  - id: assess
    title: 研判定级
    owner: command
    on:
${assessOn}
${command}
  - id: respond
    title: 应急处置
    owner: command
    resources: [field-kit, notice-channels]
    tracks:                            # 并行开展的两项工作，都完成后转入 done 指定的阶段
      - id: on-site
        title: 现场处置
        owner: field
        on:
          - event: HANDLE
            by: [field]
      - id: inform
        title: 信息发布
        owner: info
        on:
          - event: PUBLISH
            by: [info]
            do:
              - { effect: publish, template: public-notice }
    done: recover

  - id: recover
    title: 后期处置
    owner: command
    on:
${recoverOn}

  - id: review
    title: 总结评估
    owner: command
    on:
      - event: SUBMIT_REVIEW
        by: [command.leader, command.deputy]
        target: closed

  - id: closed
    title: 结束
    final: true

# 在多个阶段都可以执行的操作
transitions:
  - event: NOTE
    in: '*'
    by: [any-role]

# 时限要求：due 可以是一个时长，也可以按级别分别规定
deadlines:
  - id: report
    title: 30分钟内报告
    from: open
    due: 30m
    metBy: [REPORT]
    remind: [{ before: 10m, notify: [duty-officer] }]
    breach:
      - { notify: [commander] }
      - { record: 未在30分钟内报告 }

  - id: first-notice
    title: 首次信息发布
    from: open
    due: { I: 1h, II: 2h, III: 4h, IV: 8h }
    metBy: [PUBLISH]
    breach:
      - { notify: [commander, press-officer] }

  - id: on-site
    title: 现场处置
    from: enter
    stage: respond
    due: { I: 4h, II: 8h, III: 12h, IV: 24h }
    metBy: [HANDLE]
    breach:
      - { notify: [commander] }
${updateDeadline}
  - id: review
    title: 总结报告
    from: enter
    stage: review
    due: 7d
    metBy: [SUBMIT_REVIEW]
    breach:
      - { notify: [commander] }

evaluation:
  - { id: timeliness, title: 响应的及时性 }
  - { id: cooperation, title: 各小组的协同配合 }

drills:
  guidance:
    - 每年至少组织一次综合演练，检验各小组协同和响应程序的有效性。
  scenarios:
    - 夜间发生的事故灾难，按时处置
`,
    `# yaml-language-server: $schema=${schemaPath}
# An emergency response plan (planwright starter). Change everything to fit your organisation, then run:
#   npx planwright validate ${STARTER_PATHS.plan}     check the format and references
#   npx planwright lint ${STARTER_PATHS.plan}         check the flow (unreachable stages, loops with no exit, …)
#   npx planwright drill ${STARTER_PATHS.plan} ${STARTER_PATHS.drill}   rehearse on a simulated clock
#   npx planwright render ${STARTER_PATHS.plan} --format docx -o plan.docx   write the plan as a document
planwright: 1
id: emergency
version: 0.1.0
title: Emergency Response Plan
description: So that the organisation responds to an emergency promptly, in order and effectively, and keeps harm to people and property as small as possible. Applies to every kind of emergency within the organisation.
locales: [en]
timezone: Europe/London

# Severity levels, most severe first
severity:
  - { id: I, title: extraordinary, description: "Deaths, or effects beyond the organisation that need direction from above." }
  - { id: II, title: major, description: "Several injured or a key service down; the whole organisation responds." }
  - { id: III, title: serious, description: "A service partly down or a few injured; the departments concerned respond together." }
  - { id: IV, title: general, description: "Small effect; the responsible department handles it." }

# Trigger categories: an incident is opened with one of them
categories:
  - { id: natural, title: natural disaster }
  - { id: accident, title: accident }
  - { id: health, title: public-health event }
  - { id: security, title: public-security event }

impacts:
  - { id: people, title: casualties, description: "People may be hurt." }
  - { id: service, title: service disruption, description: "Services to the public may stop." }

# Roles: people take part through roles; positions and permissions are given to roles
roles:
  - { id: commander, title: commander }
  - { id: deputy-commander, title: deputy commander }
  - { id: duty-officer, title: duty officer }
  - { id: field-lead, title: field team lead }
  - { id: field-staff, title: field staff }
  - { id: press-officer, title: press officer }

# Organisation: each team's leader, deputy, members and duties
teams:
  - id: command
    title: emergency command
    leader: commander
    deputy: deputy-commander
    duties:
      - Lead, direct and coordinate the response.
      - Grade the incident; start and stand down the response.
  - id: duty
    title: duty office
    leader: duty-officer
    duties:
      - Take reports, inform the command at once and send situation updates.
  - id: field
    title: field team
    leader: field-lead
    members: [field-staff]
    duties:
      - Handle the incident on site and bring it under control.
  - id: info
    title: public information team
    leader: press-officer
    duties:
      - Speak for the organisation and answer the public's concerns.

# Fields: what people record when they act
fields:
  - { id: summary, type: text, title: summary }
  - { id: location, type: text, title: location }
  - { id: severity, type: severity, title: severity }
  - { id: actions, type: text, title: actions taken }
  - { id: notice, type: text, title: notice text }
  - { id: channel, type: enum, values: [website, social, sms], title: channel }
  - { id: lessons, type: text, title: lessons learned }
  - { id: note, type: text, title: note }

resources:
  - { id: field-kit, kind: material, title: field equipment }
  - { id: notice-channels, kind: channel, title: "website, social accounts and SMS gateway" }

templates:
  - id: public-notice
    title: public notice
    body: "About “{{title}}”: {{notice}}"

effects:
  - { id: publish, title: publish to the public }

# Events (actions people take): requires lists the fields they must fill in
events:
  - { id: REPORT, title: report the incident, requires: [summary, location] }
  - { id: ASSESS, title: grade the incident, requires: [severity] }${approveEvent}
  - { id: HANDLE, title: on-site work done, requires: [actions] }
  - { id: PUBLISH, title: publish a notice, requires: [notice, channel] }${updateEvent}
  - { id: STAND_DOWN, title: stand down the response }
  - { id: SUBMIT_REVIEW, title: submit the review, requires: [lessons] }
  - { id: NOTE, title: note, requires: [note] }

# Response procedure: incidents open in the first stage; by says who may act (roles, positions such as command.leader, or a whole team)
stages:
  - id: report
    title: report
    owner: duty
    on:
      - event: REPORT
        by: [duty]
        target: assess

  - id: assess
    title: assess and grade
    owner: command
    on:
${assessOn}
${command}
  - id: respond
    title: respond
    owner: command
    resources: [field-kit, notice-channels]
    tracks:                            # two lines of work in parallel; when both are done the incident goes to done
      - id: on-site
        title: on-site response
        owner: field
        on:
          - event: HANDLE
            by: [field]
      - id: inform
        title: public information
        owner: info
        on:
          - event: PUBLISH
            by: [info]
            do:
              - { effect: publish, template: public-notice }
    done: recover

  - id: recover
    title: recovery
    owner: command
    on:
${recoverOn}

  - id: review
    title: review
    owner: command
    on:
      - event: SUBMIT_REVIEW
        by: [command.leader, command.deputy]
        target: closed

  - id: closed
    title: closed
    final: true

# Actions accepted in several stages
transitions:
  - event: NOTE
    in: '*'
    by: [any-role]

# Time limits: due is one duration, or one per severity level
deadlines:
  - id: report
    title: report within 30 minutes
    from: open
    due: 30m
    metBy: [REPORT]
    remind: [{ before: 10m, notify: [duty-officer] }]
    breach:
      - { notify: [commander] }
      - { record: not reported within 30 minutes }

  - id: first-notice
    title: first public notice
    from: open
    due: { I: 1h, II: 2h, III: 4h, IV: 8h }
    metBy: [PUBLISH]
    breach:
      - { notify: [commander, press-officer] }

  - id: on-site
    title: on-site response
    from: enter
    stage: respond
    due: { I: 4h, II: 8h, III: 12h, IV: 24h }
    metBy: [HANDLE]
    breach:
      - { notify: [commander] }
${updateDeadline}
  - id: review
    title: written review
    from: enter
    stage: review
    due: 7d
    metBy: [SUBMIT_REVIEW]
    breach:
      - { notify: [commander] }

evaluation:
  - { id: timeliness, title: timeliness of the response }
  - { id: cooperation, title: how well the teams worked together }

drills:
  guidance:
    - Hold a full exercise at least once a year to test the teams and the procedure.
  scenarios:
    - An accident at night, handled on time
`,
  );
}

function starterRoster({ locale }: StarterOptions): string {
  return locale === 'zh-CN'
    ? `# 值班名册：每人担任的角色，以及在岗位负责人不在时代为履职的岗位。
# 用 npx planwright readiness ${STARTER_PATHS.plan} --roster ${STARTER_PATHS.roster} 检查每个岗位是否有人。
roster: 1
plan: emergency
people:
  - { id: zhang, name: 张伟, roles: [commander], backs: [command.deputy] }
  - { id: li, name: 李娜, roles: [deputy-commander], backs: [command.leader] }
  - { id: wang, name: 王强, roles: [duty-officer], backs: [info.leader] }
  - { id: zhao, name: 赵敏, roles: [field-lead] }
  - { id: sun, name: 孙磊, roles: [field-staff], backs: [field.leader] }
  - { id: zhou, name: 周静, roles: [press-officer], backs: [duty.leader] }
`
    : `# The roster: the roles each person holds, and the positions they stand in for when the holder is away.
# Check that every position is staffed: npx planwright readiness ${STARTER_PATHS.plan} --roster ${STARTER_PATHS.roster}
roster: 1
plan: emergency
people:
  - { id: alex, name: Alex Morgan, roles: [commander], backs: [command.deputy] }
  - { id: sam, name: Sam Lee, roles: [deputy-commander], backs: [command.leader] }
  - { id: jo, name: Jo Patel, roles: [duty-officer], backs: [info.leader] }
  - { id: chris, name: Chris Evans, roles: [field-lead] }
  - { id: pat, name: Pat Kim, roles: [field-staff], backs: [field.leader] }
  - { id: robin, name: Robin Shaw, roles: [press-officer], backs: [duty.leader] }
`;
}

function starterDrill({ locale, example }: StarterOptions): string {
  const zh = locale === 'zh-CN';
  const tracks = example === 'tracks';
  const level = tracks ? 'II' : 'III';
  const lines: string[] = [];
  const ids = zh
    ? { commander: 'zhang', deputy: 'li', duty: 'wang', field: 'zhao', press: 'zhou' }
    : { commander: 'alex', deputy: 'sam', duty: 'jo', field: 'chris', press: 'robin' };
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
