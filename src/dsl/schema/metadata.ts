import * as z from 'zod';
import { Id, LocalizedText } from './common.js';
import { LINT_LEVELS } from './patterns.js';

/** An evaluation criterion (how the plan's effect is judged after incidents and drills). */
export const EvaluationCriterion = z.strictObject({
  id: Id,
  title: LocalizedText,
  description: LocalizedText.optional(),
  measure: Id.optional().meta({ description: 'Id of the measure (in `measures`) that evaluates this criterion.' }),
});
export type EvaluationCriterion = z.infer<typeof EvaluationCriterion>;

/** Guidance for training and drills (free text). */
export const DrillGuidance = z.strictObject({
  title: LocalizedText.optional(),
  guidance: z.array(LocalizedText).default([]),
  scenarios: z.array(LocalizedText).default([]),
});
export type DrillGuidance = z.infer<typeof DrillGuidance>;

/** Rule severity overrides for `planwright lint`. */
export const LintConfig = z
  .record(z.string(), z.enum(LINT_LEVELS))
  .meta({ description: 'Lint rule id → off | warning | error.' });
export type LintConfig = z.infer<typeof LintConfig>;
