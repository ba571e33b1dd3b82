import * as z from 'zod';
import { Id } from './common.js';

/**
 * The severity levels at which a track is required (DSL v2 §4): when the level rises into them
 * the track is added to its stage, when it leaves them a pending track is set aside.
 */
export const LevelList = z
  .array(Id)
  .min(1)
  .meta({ description: 'Severity levels at which the track is required; omitted, at every level. Added when the level rises into them, set aside (done duties kept) when it leaves them.' });

/** The team owning a stage at given severity levels (DSL v2 §4); levels not listed fall back to `owner`. */
export const OwnerByLevel = z
  .record(Id, Id)
  .meta({ description: 'Team owning the stage at each listed severity level (level id → team id); other levels fall back to owner.' });
