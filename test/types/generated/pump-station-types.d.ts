// Written by `planwright types` from test/types/fixtures/pump-station.plan.ts: plan pump-station 1.0.0 (sha256 64705b3bd893…).
// Do not edit; run the command again when the plan changes.

/** The types of plan pump-station 1.0.0 (Pumping station flooding), for `createEngine<PumpStationPlan>(…)` of planwright/runtime. */
export interface PumpStationPlan {
  /** Event type → the data it carries. */
  events: {
    /** grade */
    GRADE: { grade: "major" | "minor"; depth: number; note?: string; since?: string };
    /** pumps report */
    PUMPS: { pumps?: "all" | "some" | "none"; powerCut?: boolean };
    /** evacuate */
    EVACUATE: { note?: string };
    /** drained */
    DRAINED: { depth: number };
    /** site checked */
    CHECK: Record<string, never>;
  };
  /** Stage ids. */
  stages: "triage" | "pumping" | "done";
  /** Role ids. */
  roles: "operator" | "engineer";
  /** Category ids. */
  categories: "flooding";
  /** Severity level ids, most severe first. */
  severities: "major" | "minor";
  /** Deadline ids. */
  deadlines: "pumps-report";
  /** Effect ids the plan declares (besides notify). */
  effects: "sound-siren";
  /** Template ids. */
  templates: "site-notice";
  /** Field id → the type of its value. */
  fields: {
    /** grade */
    grade: "major" | "minor";
    /** note */
    note: string;
    /** water depth (cm) */
    depth: number;
    /** pumps running */
    pumps: "all" | "some" | "none";
    /** power cut */
    powerCut: boolean;
    /** flooding since */
    since: string;
  };
}
