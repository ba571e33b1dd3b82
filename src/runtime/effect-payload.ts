import type { EventTypeOf, LoosePlanTypes, PlanTypes } from './typed-plan.js';

/** Text as a plan writes it: one string, or a map from locale to text. */
export type PlanText = string | Readonly<Record<string, string>>;

/**
 * Why an effect was asked for, told apart by its keys: `event` (an accepted event's transition),
 * `stage` (a stage was entered), or `reason` — `breach` (a deadline was missed) or, for `notify`
 * only, `reminder` (a deadline is due soon). Keys of the other cases are absent.
 */
export type EffectTrigger<T extends PlanTypes = LoosePlanTypes> =
  | { readonly event: EventTypeOf<T>; readonly stage?: undefined; readonly reason?: undefined; readonly deadline?: undefined }
  | { readonly stage: T['stages']; readonly event?: undefined; readonly reason?: undefined; readonly deadline?: undefined }
  | DeadlineTrigger<T, 'breach'>;

/** A deadline's breach or reminder: which deadline instance, and when it was due. */
export type DeadlineTrigger<T extends PlanTypes, Reason extends 'breach' | 'reminder'> = {
  readonly reason: Reason;
  readonly deadline: T['deadlines'];
  /** The instance's due time (ISO 8601, UTC). */
  readonly dueAt: string;
  /** 1 for the deadline's first arming, 2 for the next, … */
  readonly instance: number;
  readonly event?: undefined;
  readonly stage?: undefined;
};

/** A plan template's text, rendered with the incident's values when the effect was asked for. */
export type RenderedText<T extends PlanTypes = LoosePlanTypes> = {
  /** The template id the action names. */
  readonly template?: T['templates'];
  /** The rendered text in the plan's first locale (absent when the template is unknown). */
  readonly text?: string;
  /** The rendered text per locale, for a template written in several. */
  readonly texts?: Readonly<Record<string, string>>;
};

/** The payload of a `notify` effect: the roles to tell, what about, and why. */
export type NotifyPayload<T extends PlanTypes = LoosePlanTypes> =
  | (EffectTrigger<T> & RenderedText<T> & { readonly roles: readonly T['roles'][]; readonly message?: PlanText })
  | (DeadlineTrigger<T, 'reminder'> & { readonly roles: readonly T['roles'][] });

/** The payload of a plan-declared effect (`{ effect: publish, to: [...], template: ... }`). */
export type DeclaredEffectPayload<T extends PlanTypes = LoosePlanTypes> = EffectTrigger<T> &
  RenderedText<T> & {
    /** The roles of the action's `to`, if it has one. */
    readonly roles?: readonly T['roles'][];
  };

/** A pending effect of a typed plan by name: `notify` or one of the plan's effects, with its payload. */
export interface TypedPendingEffect<T extends PlanTypes, Name extends string> {
  /** Stable id: `<incident id>:<timeline seq that caused it>:<index>`. */
  readonly id: string;
  readonly name: Name;
  /** When it was requested (ISO 8601, UTC). */
  readonly at: string;
  readonly payload: Name extends 'notify' ? NotifyPayload<T> : DeclaredEffectPayload<T>;
}

/** Effect names of a plan: `notify` and the effects it declares. */
export type EffectNameOf<T extends PlanTypes> = 'notify' | T['effects'];
