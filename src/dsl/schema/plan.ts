import * as z from 'zod';
import { EffectDeclaration } from './action.js';
import { Impact, TriggerCategory } from './category.js';
import { LocalizedText } from './common.js';
import { Deadline } from './deadline.js';
import { Timing } from './timing.js';
import { EventDeclaration } from './event.js';
import { Field } from './field.js';
import { Measure } from './measure.js';
import { headerShape } from './header.js';
import { DrillGuidance, EvaluationCriterion, LintConfig } from './metadata.js';
import { Migration } from './migration.js';
import { Resource } from './resource.js';
import { Role } from './role.js';
import { SeverityLevel } from './severity.js';
import { Stage } from './stage.js';
import { Suggestion } from './suggestion.js';
import { Template } from './template-schema.js';
import { Team } from './team.js';
import { Threshold } from './threshold.js';
import { SharedTransition } from './transition.js';

/** Sections an included file may contribute (their lists are appended to the plan's). */
export const INCLUDABLE_SECTIONS = [
  'severity',
  'categories',
  'impacts',
  'roles',
  'teams',
  'fields',
  'resources',
  'templates',
  'effects',
  'events',
  'evaluation',
  'measures',
] as const;

/** The whole plan, as written by a planner. */
export const PlanSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of the planwright JSON Schema (for editors).' }),
    ...headerShape,
    include: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Relative paths of files whose sections (roles, teams, templates, …) are added to this plan.' }),
    severity: z.array(SeverityLevel).min(1).meta({ description: 'Severity levels, most severe first.' }),
    categories: z.array(TriggerCategory).min(1).meta({ description: 'Trigger categories.' }),
    impacts: z.array(Impact).default([]).meta({ description: 'Possible impacts (risk analysis).' }),
    roles: z.array(Role).min(1),
    teams: z.array(Team).default([]),
    fields: z.array(Field).default([]),
    resources: z.array(Resource).default([]),
    templates: z.array(Template).default([]),
    effects: z.array(EffectDeclaration).default([]),
    events: z.array(EventDeclaration).min(1),
    stages: z.array(Stage).min(1).meta({ description: 'Stages, the opening stage first.' }),
    transitions: z.array(SharedTransition).default([]).meta({ description: 'Transitions accepted in several stages.' }),
    deadlines: z.array(Deadline).default([]),
    thresholds: z.array(Threshold).optional().meta({ description: 'Named thresholds with units (e.g. a station\'s warning level) that conditions compare with.' }),
    suggestions: z.array(Suggestion).optional().meta({ description: 'Suggested severity levels for the values of a field (e.g. warning colour → level); another choice needs a reason.' }),
    timing: Timing.optional().meta({ description: 'Plan-wide timing rules: what immediately means, whether the due instant meets a deadline.' }),
    migrations: z.array(Migration).default([]),
    evaluation: z.array(EvaluationCriterion).default([]).meta({ description: 'Evaluation criteria.' }),
    measures: z.array(Measure).default([]).meta({ description: 'Evaluation measures the evaluation and reports compute (see the measures table).' }),
    drills: DrillGuidance.optional().meta({ description: 'Training and drill guidance.' }),
    notes: LocalizedText.optional(),
    lint: LintConfig.optional(),
  })
  .meta({ title: 'planwright plan', description: 'An emergency response plan for planwright.' });

/** A plan as written (before defaults are applied). */
export type PlanInput = z.input<typeof PlanSchema>;
/** A plan after schema validation, with defaults applied. */
export type PlanDefinition = z.output<typeof PlanSchema>;
