// Written by `planwright types` from plans/public-opinion.plan.yaml: plan public-opinion 1.0.0 (sha256 edb085f8c446…).
// Do not edit; run the command again when the plan changes.

/** The types of plan public-opinion 1.0.0 (公共服务舆情应急预案), for `createEngine<PublicOpinionPlan>(…)` of planwright/runtime. */
export interface PublicOpinionPlan {
  /** Event type → the data it carries. */
  events: {
    /** 上报 */
    REPORT: { summary: string; source: string; publicReaction: string };
    /** 评估 */
    ASSESS: { severity: "I" | "II" | "III" | "IV"; nature: string; scope: string; risk: string };
    /** 不构成舆情事件，结束 */
    DISMISS: { reason: string };
    /** 批准应急响应策略 */
    APPROVE_STRATEGY: { releasePlan: string; mediaPlan: string; publicPlan: string };
    /** 发布声明 */
    PUBLISH_STATEMENT: { statement: string; channel: "website" | "weibo" | "wechat" | "press-conference" | "app" | "other" };
    /** 媒体沟通 */
    BRIEF_MEDIA: { briefing: string };
    /** 公众沟通 */
    ENGAGE_PUBLIC: { reply: string };
    /** 记录舆情监测数据 */
    RECORD_READING: { heat: number; negativeShare: number; note?: string };
    /** 调整策略 */
    ADJUST_STRATEGY: { reason: string };
    /** 宣布舆情平息 */
    DECLARE_OVER: { reason: string };
    /** 提交总结报告 */
    SUBMIT_REVIEW: { measures: string; evaluation: string; lessons: string };
    /** 调整事件等级 */
    REGRADE: { severity: "I" | "II" | "III" | "IV"; reason?: string };
    /** 记录保障措施 */
    LOG_SUPPORT: { support: string };
    /** 备注 */
    NOTE: { note: string };
  };
  /** Stage ids. */
  stages: "report" | "assess" | "strategy" | "respond" | "monitor" | "review" | "closed";
  /** Role ids. */
  roles: "department-head" | "deputy-head" | "publicity-head" | "legal-head" | "it-head" | "service-head" | "info-officer" | "monitor" | "legal-counsel" | "customer-service" | "social-worker" | "counselor" | "admin-head" | "finance-staff" | "logistics-staff";
  /** Category ids. */
  categories: "event" | "social" | "media";
  /** Severity level ids, most severe first. */
  severities: "I" | "II" | "III" | "IV";
  /** Deadline ids. */
  deadlines: "report" | "assess" | "strategy" | "first-statement" | "press-briefing" | "monitor-reading" | "review";
  /** Effect ids the plan declares (besides notify). */
  effects: "publish";
  /** Template ids. */
  templates: "holding-statement";
  /** Field id → the type of its value. */
  fields: {
    /** 基本情况 */
    summary: string;
    /** 舆情来源 */
    source: string;
    /** 公众反应 */
    publicReaction: string;
    /** 严重程度 */
    severity: "I" | "II" | "III" | "IV";
    /** 事件性质 */
    nature: string;
    /** 影响范围 */
    scope: string;
    /** 潜在风险 */
    risk: string;
    /** 理由 */
    reason: string;
    /** 信息发布方案 */
    releasePlan: string;
    /** 媒体沟通方案 */
    mediaPlan: string;
    /** 公众沟通方案 */
    publicPlan: string;
    /** 声明内容 */
    statement: string;
    /** 发布渠道 */
    channel: "website" | "weibo" | "wechat" | "press-conference" | "app" | "other";
    /** 媒体通报 */
    briefing: string;
    /** 公众回应 */
    reply: string;
    /** 舆情热度 */
    heat: number;
    /** 负面占比 */
    negativeShare: number;
    /** 主要措施 */
    measures: string;
    /** 效果评估 */
    evaluation: string;
    /** 经验教训 */
    lessons: string;
    /** 保障内容 */
    support: string;
    /** 备注 */
    note: string;
  };
}
