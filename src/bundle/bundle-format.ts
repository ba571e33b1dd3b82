import type { PlanDefinition } from '../dsl/schema/plan.js';
import * as z from 'zod/mini';

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

/**
 * A bundle as a JSON module import types it (strings widened, the definition any object): what
 * `createEngine` and `loadBundle` accept besides a {@link PlanBundle}. Checked in full on the way in.
 *
 * @example
 * import bundle from 'planwright/plans/public-opinion.json' with { type: 'json' };
 * const engine = createEngine(bundle);
 */
export interface BundleJson {
  readonly format: string;
  readonly formatVersion: number;
  readonly planwright: string;
  readonly planId: string;
  readonly planVersion: string;
  readonly hash: string;
  readonly definition: object;
}

/** What the envelope check lets through (the format version is checked next, the definition after). */
export interface BundleEnvelopeData {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  planwright: string;
  planId: string;
  planVersion: string;
  hash: string;
  definition: unknown;
}

/** The envelope around the definition (the definition is checked next, as the plan schema would). */
export const BundleEnvelope: z.ZodMiniType<BundleEnvelopeData> = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.int(),
  planwright: z.string().check(z.minLength(1)),
  planId: z.string().check(z.minLength(1)),
  planVersion: z.string().check(z.minLength(1)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest')),
  definition: z.unknown(),
});
