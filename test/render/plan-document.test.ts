import { describe, expect, it } from 'vitest';
import { createBundle } from '../../src/bundle/create-bundle.js';
import { documentHtml } from '../../src/render/document-html.js';
import { documentMarkdown } from '../../src/render/document-markdown.js';
import { planDocument } from '../../src/render/plan-document.js';
import { PlanText } from '../../src/render/plan-text.js';
import { headings, loadPlan, SEED_FILE, SEED_WORDS, tableOf, WATER_FILE } from './render-fixtures.js';

const seed = loadPlan(SEED_FILE);
const water = loadPlan(WATER_FILE);

describe('planDocument: the seed plan reads like its source document', () => {
  const doc = planDocument(seed);

  it('is written in the plan\'s first locale, with the sections in the order filed plans use', () => {
    expect(doc.locale).toBe('zh-CN');
    expect(headings(doc, 1)).toEqual(['公共服务舆情应急预案']);
    expect(headings(doc, 2)).toEqual([
      '一、总则',
      '二、组织体系与职责',
      '三、分级标准',
      '四、风险分析与影响评估',
      '五、应急响应程序',
      '六、时限要求',
      '七、物资与资源保障',
      '八、信息发布模板',
      '九、评估与改进',
      '十、培训与演练',
    ]);
    // Stage sub-sections in plan order, as in 四、应急处置流程 of the source.
    expect(headings(doc, 3).filter((h) => /^（[一二三四五六七]）/.test(h)).slice(2, 9)).toEqual([
      '（一）事件识别与报告',
      '（二）信息分析与事件评估',
      '（三）制定应急响应策略',
      '（四）应急响应实施',
      '（五）监测舆情动态',
      '（六）事件总结与反馈',
      '（七）结束',
    ]);
  });

  it('opens with the purpose from the description, and names the plan file, version and bundle hash', () => {
    const first = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(first).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('本预案适用于政府部门、公共企事业单位、社会组织') });
    const hash = createBundle(seed).hash.slice(0, 12);
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: `本文由 planwright 根据 public-opinion.plan.yaml（版本 1.0.0，内容哈希 sha256 ${hash}，与其预案包一致）生成，与可执行预案为同一文件。` });
  });

  it('lists the same four teams, leaders, deputies, members and duties as 三、组织机构框架与职责分配', () => {
    const teams = tableOf(doc, 'teams');
    expect(teams.headers).toEqual(['工作小组', '组长', '副组长', '成员', '职责']);
    expect(teams.rows.map((r) => r.slice(0, 3))).toEqual([
      ['舆情应急指挥小组', '部门主要负责人', '分管领导'],
      ['信息收集与分析小组', '信息技术部负责人', '—'],
      ['舆情处理与沟通小组', '宣传部负责人', '—'],
      ['后勤保障组', '行政管理部负责人', '—'],
    ]);
    expect(teams.rows[0]![3]).toBe('宣传部负责人、法务部负责人、信息技术部负责人、公众服务部负责人');
    expect(teams.rows[2]![3]).toBe('法律顾问、客服代表、社会工作者、心理辅导人员');
    expect(teams.rows[3]![4]).toBe('负责提供应急处置所需的人力、物力、财力支持。\n负责应急处置过程中的后勤保障工作。');
  });

  it('writes the time limits as a deadline × level matrix, with levels a deadline does not apply to marked', () => {
    const matrix = tableOf(doc, 'deadlines');
    expect(matrix.headers).toEqual(['时限', '起算时点', '完成标志', '特别重大（I）', '重大（II）', '较大（III）', '一般（IV）']);
    const row = (title: string): readonly string[] => matrix.rows.find((r) => r[0] === title) ?? [];
    expect(row('立即上报')).toEqual(['立即上报', '事件开始', '上报', '30分钟', '30分钟', '30分钟', '30分钟']);
    expect(row('制定策略')).toEqual(['制定策略', '进入“制定应急响应策略”', '批准应急响应策略', '1小时', '1小时', '2小时', '4小时']);
    expect(row('首次发布权威信息').slice(3)).toEqual(['5小时', '5小时', '24小时', '48小时']);
    expect(row('新闻发布会（24小时内）').slice(3)).toEqual(['24小时', '24小时', '不适用', '不适用']);
    expect(row('定时监测报告')[1]).toBe('进入“监测舆情动态”\n每次完成或超时后重新计时');
    expect(row('总结报告').slice(3)).toEqual(['7天', '7天', '7天', '7天']);
    const escalation = tableOf(doc, 'escalation');
    expect(escalation.rows[0]).toEqual(['立即上报', '到期前10分钟提醒信息员', '通知信息技术部负责人\n记录：未在30分钟内上报']);
  });

  it('says who may do what in each stage, by team position and role title', () => {
    const assess = tableOf(doc, 'stage-assess');
    expect(assess.headers).toEqual(['操作', '可由谁执行', '条件', '须填写', '结果', '同时']);
    expect(assess.rows[0]!.slice(0, 2)).toEqual(['评估', '信息收集与分析小组组长']);
    expect(assess.rows[0]![3]).toBe('严重程度、事件性质、影响范围、潜在风险');
    expect(assess.rows[1]!.slice(0, 2)).toEqual(['不构成舆情事件，结束', '舆情应急指挥小组组长、舆情应急指挥小组副组长']);
    expect(assess.rows[1]![4]).toBe('转入“结束”');
    const tracks = tableOf(doc, 'stage-respond-tracks');
    expect(tracks.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['信息发布', '发布声明', '舆情处理与沟通小组全体'],
      ['媒体沟通', '媒体沟通', '舆情处理与沟通小组全体'],
      ['公众沟通', '公众沟通', '舆情处理与沟通小组全体'],
    ]);
    expect(tracks.rows[0]![6]).toBe('通过官方渠道发布（模板：情况通报）');
  });

  it('draws the state diagram and the swimlane as SVG with every stage and one lane per owner team', () => {
    const figures = doc.blocks.filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.name)).toEqual(['state', 'swimlane']);
    const [state, swimlane] = figures as [Extract<(typeof figures)[number], { kind: 'figure' }>, Extract<(typeof figures)[number], { kind: 'figure' }>];
    expect(state.svg.match(/data-kind="stage"/g)).toHaveLength(7);
    expect(state.svg.match(/data-kind="transition"/g)).toHaveLength(9); // from the start dot, 7 transitions that move on, and 'all tracks done'
    expect(swimlane.svg.match(/data-kind="lane"/g)).toHaveLength(3);
    expect(swimlane.svg.match(/data-kind="track"/g)).toHaveLength(3);
    expect(state.width).toBeGreaterThan(200);
    expect(state.height).toBeGreaterThan(400);
  });

  it('renders in English with English headings and the plan\'s English texts', () => {
    const en = planDocument(seed, { locale: 'en' });
    expect(headings(en, 2)[0]).toBe('1 Purpose and scope');
    expect(headings(en, 2)[5]).toBe('6 Time limits');
    expect(tableOf(en, 'teams').rows[0]!.slice(0, 3)).toEqual(['command group', 'department head', 'deputy head in charge']);
    expect(tableOf(en, 'deadlines').rows.find((r) => r[0] === 'strategy decided')!.slice(3)).toEqual(['1 h', '1 h', '2 h', '4 h']);
  });
});

describe('planDocument: a plan of another domain', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`carries none of the seed plan's vocabulary (${locale})`, () => {
      const doc = planDocument(water, { locale });
      const html = documentHtml(doc);
      const { markdown } = documentMarkdown(doc);
      for (const word of SEED_WORDS) {
        expect(html, word).not.toContain(word);
        expect(markdown, word).not.toContain(word);
      }
    });
  }

  it('has the water plan\'s teams (from its include), stages, tracks and time limits', () => {
    const doc = planDocument(water);
    expect(headings(doc, 1)).toEqual(['供水管道爆管停水应急预案']);
    expect(tableOf(doc, 'teams').rows.map((r) => r[0])).toEqual(['应急指挥组', '调度组', '抢修组', '宣传组']);
    const matrix = tableOf(doc, 'deadlines');
    expect(matrix.headers.slice(3)).toEqual(['重大（major）', '较大（moderate）', '一般（minor）']);
    expect(matrix.rows.find((r) => r[0] === '修复时限')!.slice(3)).toEqual(['4小时', '8小时', '24小时']);
    expect(tableOf(doc, 'escalation').rows.find((r) => r[0] === '修复时限')![2]).toBe('通知总经理\n事件升高一级\n记录：超过修复时限，事件升级');
    // The conditional target of GRADE: both branches, with the condition in words.
    expect(tableOf(doc, 'stage-assess').rows[0]![4]).toBe('事件等级 = major: 转入“指挥决策”\n否则: 转入“抢修与通知”');
    expect(tableOf(doc, 'stage-repair-tracks').rows.map((r) => [r[0], r[1]])).toEqual([
      ['fix', '抢修组'],
      ['inform', '宣传组'],
    ]);
    const swimlane = doc.blocks.find((b) => b.kind === 'figure' && b.name === 'swimlane');
    expect(swimlane?.kind === 'figure' ? swimlane.svg.match(/data-kind="lane"/g) : null).toHaveLength(4);
  });

  it('says so where the plan declares nothing (no evaluation, no drills guidance)', () => {
    const doc = planDocument(water);
    const index = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '九、评估与改进');
    expect(doc.blocks[index + 1]).toEqual({ kind: 'paragraph', text: '本预案未作规定。' });
  });

  it('writes Markdown with the diagrams as SVG files beside it', () => {
    const { markdown, assets } = documentMarkdown(planDocument(water, { locale: 'en' }), { assetPrefix: 'water' });
    expect(assets.map((a) => a.name)).toEqual(['water.state.svg', 'water.swimlane.svg']);
    expect(assets[0]!.content.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(markdown).toContain('![Figure 1. Stages and transitions](water.state.svg)');
    expect(markdown).toContain('| report within 15 minutes | the incident is opened | report | 15 min | 15 min | 15 min |');
  });
});

describe('PlanText', () => {
  it('writes durations in the units the planner chose, and ISO 8601 in the largest units', () => {
    const zh = new PlanText(water, 'zh-CN');
    const en = new PlanText(water, 'en');
    expect([zh.duration('24h'), zh.duration('1h30m'), zh.duration('7d'), zh.duration('45s')]).toEqual(['24小时', '1小时30分钟', '7天', '45秒']);
    expect([zh.duration('PT90M'), zh.duration('P1W'), en.duration('PT1H30M'), en.duration('90m')]).toEqual(['1小时30分钟', '7天', '1 h 30 min', '90 min']);
  });

  it('names who may act: positions, whole teams, roles and anyone', () => {
    const zh = new PlanText(water, 'zh-CN');
    expect(zh.who(['command.leader', 'command.deputy'])).toBe('应急指挥组组长、应急指挥组副组长');
    expect(zh.who(['comms', 'lab-tech', 'any-role'])).toBe('宣传组全体、水质化验员、预案中任一角色');
    expect(new PlanText(water, 'en').who(['repair.members'])).toBe('repair members');
  });
});
