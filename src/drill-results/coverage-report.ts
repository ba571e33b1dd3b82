// Coverage of a plan by a set of drills: computed by src/testing (drillCoverage), written by
// src/report (coverage text, drill index) — here, below both.

/** Coverage of one kind of plan element. */
export interface CoverageSection {
  covered: string[];
  missed: string[];
  total: number;
  /** Covered share in percent, 0–100 (100 for an empty section). */
  percent: number;
}

/** What a set of drills exercised of a plan, and what they missed. */
export interface CoverageReport {
  /** Stage ids entered. */
  stages: CoverageSection;
  /** Accepted `<stage>:<event>` pairs, over every event each non-final stage accepts. */
  transitions: CoverageSection;
  /** Completed tracks as `<stage>/<track>`. */
  tracks: CoverageSection;
  /** Deadline outcomes as `<deadline>:met` and `<deadline>:breached`. */
  deadlines: CoverageSection;
  /** All four together. */
  total: { covered: number; total: number; percent: number };
}
