import * as z from 'zod';
import type { PlanDefinition } from '../dsl/schema/plan.js';

/** The `format` field of every planwright bundle. */
export const BUNDLE_FORMAT = 'planwright-bundle';
/** The bundle format version this release writes and reads. */
export const BUNDLE_FORMAT_VERSION = 1;

/** A bundle: one JSON document holding everything the runtime needs to run a plan. */
export interface PlanBundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  /** The planwright version that wrote it. */
  planwright: string;
  planId: string;
  planVersion: string;
  /** sha256 (hex) of the canonical JSON of `definition`. */
  hash: string;
  definition: PlanDefinition;
}

/** The envelope around the definition (the definition is checked with the plan schema). */
export const BundleEnvelope = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int(),
  planwright: z.string().min(1),
  planId: z.string().min(1),
  planVersion: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest'),
  definition: z.unknown(),
});
