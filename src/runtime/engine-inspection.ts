import type { SendErrorCode } from './send-error.js';

/**
 * Something the engine did, for logging and tracing (`inspect` option): a union told apart by
 * `type`, each with its own `detail`.
 *
 * - `opened`: an incident was opened and saved.
 * - `accepted` / `rejected`: an event was accepted, or refused with a code (also saved: the
 *   timeline records refusals).
 * - `fired`: due deadlines and reminders of an incident fired (`breached` of them were breaches).
 * - `claim-unfired`: the store listed (or leased to this engine) a due deadline of an incident,
 *   but the incident as stored had nothing to fire — a store whose deadline rows disagree with its
 *   documents, or a race already settled by another engine; `items` names the listed deadlines.
 * - `effect`: an effect was handed to its handler (`ok: false` with the `error` it failed with,
 *   or that no handler exists).
 * - `conflict`: a save met a newer version (the engine retries).
 * - `corrupt`: a stored incident failed its integrity check (its state does not match its
 *   timeline's head entry, or the store could not read it) where no caller is waiting for it
 *   (`runDue`, start-up delivery, `list`); `message` says what disagreed. It is skipped; every other
 *   incident keeps working.
 * - `error`: something failed outside any caller's promise (`where`), or a stored incident could
 *   not be brought under this plan (`code`).
 */
export type EngineInspection =
  | { type: 'opened'; incidentId: string }
  | { type: 'accepted'; incidentId: string; detail: { event: string } }
  | { type: 'rejected'; incidentId: string; detail: { event: string; code: SendErrorCode } }
  | { type: 'fired'; incidentId: string; detail: { fired: number; breached: number } }
  | { type: 'claim-unfired'; incidentId: string; detail: { version: number; items: ClaimedItem[] } }
  | { type: 'effect'; incidentId: string; detail: EffectOutcome }
  | { type: 'conflict'; incidentId: string; detail: { expected: number } }
  | { type: 'corrupt'; incidentId: string; detail: { message: string } }
  | { type: 'error'; incidentId?: string; detail: EngineFailure };

/** A due deadline the store listed for an incident (`claim-unfired`). */
export interface ClaimedItem {
  deadline: string;
  instance: number;
  dueAt: string;
}

/** How handing one effect to its handler went (`effect`). */
export interface EffectOutcome {
  /** The pending effect's id. */
  effect: string;
  /** The effect's name. */
  name: string;
  ok: boolean;
  /** Why it failed (with `ok: false`). */
  error?: string;
}

/**
 * What failed (`error`): work outside any caller's promise — delivering effects, the change feed,
 * a listener, the scheduler, start-up, firing after repeated conflicts — or a stored incident that
 * cannot be brought under this plan (its send error's `code`).
 */
export type EngineFailure =
  | { where: 'change-feed' | 'listener' | 'deliver' | 'runDue' | 'scheduler' | 'start'; message: string }
  | { code: SendErrorCode; message: string };
