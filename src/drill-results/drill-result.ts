// What one drill run produced, and its JSON form: made by src/testing (runDrill), written by
// src/report (drill reports) and the CLI. Here, below both, so that report/ imports nothing from
// testing/ (docs/architecture-notes.md, "Layers and their rules").
import type { Incident, PendingEffect } from '../runtime/incident.js';

/** One failed expectation: the 0-based step index (null for the final `expect` or the opening) and what went wrong. */
export interface DrillFailure {
  step: number | null;
  message: string;
  /**
   * Why, in words, when the runner can tell: for an unexpected or missing breach, the deadline
   * instance, what armed it and when, its due time, when it fired and the rule that applied; for
   * an unexpected refusal, the reason behind the engine's code.
   */
  details?: string[];
}

/** What happened at one step. */
export interface DrillStepOutcome {
  index: number;
  /** The step's time (ISO 8601, UTC). */
  at: string;
  by?: string;
  send?: string;
  /** For a sending step: whether the engine accepted the event. */
  accepted?: boolean;
  /** For a refused event: the engine's code and message. */
  error?: { code: string; message: string };
  /** Messages of the expectations this step failed. */
  failures: string[];
}

/** What a drill exercised of the plan, for coverage. */
export interface DrillExercised {
  /** Stage ids the incident was in. */
  stages: string[];
  /** Accepted transitions as `<stage>:<event>`. */
  transitions: string[];
  /** Tracks completed, as `<stage>/<track>`; level-gated ones also `<stage>/<track>:added` and `:set-aside` (DSL v2). */
  tracks: string[];
  /** Deadline ids with at least one met instance, and with at least one breached instance. */
  deadlines: { met: string[]; breached: string[] };
}

/** The outcome of one drill. */
export interface DrillResult {
  name: string;
  file?: string;
  passed: boolean;
  failures: DrillFailure[];
  /** Final active top-level stage ('' when the incident could not be opened). */
  stage: string;
  severity: string | null;
  /** Deadline ids breached, in the order they first breached. */
  breaches: string[];
  closed: boolean;
  /** Role ids notified at least once. */
  notified: string[];
  steps: DrillStepOutcome[];
  /** The incident at the end (undefined when it could not be opened). */
  incident?: Incident;
  /** Every effect the engine handed out during the drill (`CapturedEffect` in `simulate`). */
  effects: PendingEffect[];
  exercised: DrillExercised;
}

/** One drill in the CLI's `--json` output (drills-and-cli.md). */
export interface DrillJson {
  name: string;
  file: string | null;
  passed: boolean;
  failures: DrillFailure[];
  stage: string;
  severity: string | null;
  breaches: string[];
}

/** The CLI's `--json` document for `planwright drill`. */
export interface DrillRunJson {
  passed: number;
  failed: number;
  drills: DrillJson[];
}

/**
 * The `--json` document of `planwright drill` for a set of results, exactly as drills-and-cli.md
 * specifies it.
 *
 * @example
 * ```ts
 * const json = drillRunJson(results); // { passed: 10, failed: 1, drills: [...] }
 * ```
 */
export function drillRunJson(results: readonly DrillResult[]): DrillRunJson {
  return {
    passed: results.filter((r) => r.passed).length,
    failed: results.filter((r) => !r.passed).length,
    drills: results.map((r) => ({
      name: r.name,
      file: r.file ?? null,
      passed: r.passed,
      failures: r.failures.map((f) => ({ step: f.step, message: f.message, ...(f.details === undefined ? {} : { details: [...f.details] }) })),
      stage: r.stage,
      severity: r.severity,
      breaches: [...r.breaches],
    })),
  };
}
