// Written by `planwright types` from plans/city-flood.plan.yaml: plan city-flood 1.0.0 (sha256 7da4f2301e5e…).
// Do not edit; run the command again when the plan changes.

/** The types of plan city-flood 1.0.0 (城区防汛应急预案), for `createEngine<CityFloodPlan>(…)` of planwright/runtime. */
export interface CityFloodPlan {
  /** Event type → the data it carries. */
  events: {
    /** 发布暴雨预警 */
    WARNING_ISSUED: { warningColour: "blue" | "yellow" | "orange" | "red" };
    /** 启动应急响应 */
    ACTIVATE: { responseLevel: "I" | "II" | "III" | "IV"; reason?: string };
    /** 调整响应等级 */
    ADJUST_LEVEL: { responseLevel: "I" | "II" | "III" | "IV"; reason: string };
    /** 终止应急响应 */
    STAND_DOWN: { reason: string };
    /** 不启动响应 */
    DISMISS: { reason: string };
    /** 报送水情 */
    WATER_READING: { riverLevel: number; warningWaterLevel?: number; reservoirLevel?: number; designFloodLevel?: number; returnPeriod?: number };
    /** 报送汛情 */
    SITUATION_REPORT: { summary: string; returnPeriod?: number };
    /** 发现险情 */
    DANGER_FOUND: { siteId: string; occurredAt: string; summary: string };
    /** 险情上报 */
    DANGER_REPORTED: { siteId: string; summary: string };
    /** 报告市政府 */
    CITY_REPORTED: { summary: string };
    /** 报告省防指 */
    PROVINCE_REPORTED: { summary: string };
    /** 布防到位 */
    DEPLOYED: { measures: string };
    /** 上报当日巡堤查险情况 */
    PATROL_REPORTED: { summary: string };
    /** 下达转移令 */
    EVACUATION_ORDERED: { measures: string };
    /** 提交总结评估 */
    SUBMIT_REVIEW: { measures: string };
    /** 值班巡查到岗 */
    PATROLS_OUT: { measures: string };
    /** 抢险队伍物资预置到位 */
    RESCUE_PRESET: { measures: string };
    /** 危险区群众转移安置完成 */
    RESIDENTS_TRANSFERRED: { measures: string };
  };
  /** Stage ids. */
  stages: "watch" | "response" | "review" | "closed";
  /** Role ids. */
  roles: "duty-officer" | "met-forecaster" | "hydrologist" | "city-hq-commander" | "city-hq-deputy" | "flood-hq-commander" | "flood-hq-deputy" | "flood-office" | "district-officer" | "dike-patrol";
  /** Category ids. */
  categories: "rainstorm" | "river-flood" | "reservoir";
  /** Severity level ids, most severe first. */
  severities: "I" | "II" | "III" | "IV";
  /** Deadline ids. */
  deadlines: "activation-decision" | "red-warning-deploy" | "evening-deployment" | "daily-patrol-report" | "danger-report" | "city-report" | "province-report" | "situation-report" | "river-over-guarantee" | "reservoir-evacuation" | "review";
  /** Effect ids the plan declares (besides notify). */
  effects: never;
  /** Template ids. */
  templates: never;
  /** Field id → the type of its value. */
  fields: {
    /** 暴雨预警颜色 */
    warningColour: "blue" | "yellow" | "orange" | "red";
    /** 响应等级 */
    responseLevel: "I" | "II" | "III" | "IV";
    /** 理由 */
    reason: string;
    /** 情况摘要 */
    summary: string;
    /** 险情地点编号 */
    siteId: string;
    /** 险情发生时间 */
    occurredAt: string;
    /** 河道水位（米） */
    riverLevel: number;
    /** 警戒水位（米） */
    warningWaterLevel: number;
    /** 水库水位（米） */
    reservoirLevel: number;
    /** 设计洪水位（米） */
    designFloodLevel: number;
    /** 预报洪水重现期（年） */
    returnPeriod: number;
    /** 措施 */
    measures: string;
  };
}
