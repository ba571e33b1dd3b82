import * as z from 'zod';
import { PlanSchema } from './schema/plan.js';

/**
 * The JSON Schema (draft 2020-12) of plan files, generated from the zod schema: what editors use for
 * completion and inline checks (`# yaml-language-server: $schema=…/schema.json`). It describes the
 * input side (defaults may be omitted). Cross-references are checked by `checkPlan`, not by it.
 *
 * @example
 * writeFileSync('schema.json', JSON.stringify(planJsonSchema(), null, 2));
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: schema.title ?? 'planwright plan',
    ...schema,
  };
}
