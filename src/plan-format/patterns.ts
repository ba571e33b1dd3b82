/**
 * Patterns, messages and value lists of the plan schema: the DSL's zod schemas in src/dsl/schema
 * and the bundle's definition schema (./definition-schema.ts, zod/mini, which the runtime loads)
 * both take them from here, so they cannot drift apart.
 */

/** The DSL version this release of planwright reads. */
export const DSL_VERSION = 1;

/** An identifier: a letter, then letters, digits, `-` and `_`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const ID_MESSAGE = 'an id starts with a letter and holds only letters, digits, "-" and "_"';
/** Longest id. */
export const ID_MAX_LENGTH = 64;

/** A locale tag such as `zh-CN` or `en`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LOCALE_MESSAGE = 'a locale such as "zh-CN" or "en"';

/** The shapes of a duration (short `1h30m` or ISO 8601 `PT1H30M`); {@link isDurationText} rules out the empty forms. */
export const DURATION_PATTERN = /^(?:(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?|P(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;
export const DURATION_MESSAGE = 'a duration such as 30m, 2h, 1h30m, 7d or PT30M';
/** False for the texts the duration pattern lets through that are no duration: `''`, `P`, `…T`. */
export const isDurationText = (s: string): boolean => s !== '' && s !== 'P' && !s.endsWith('T');

/** A semantic version (plan versions, migrations). */
export const SEMVER_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
export const SEMVER_MESSAGE = 'a semantic version such as 1.0.0';

/** Kinds of resource. */
export const RESOURCE_KINDS = ['tool', 'channel', 'people', 'material', 'funds'] as const;
/** What a deadline is measured from. */
export const DEADLINE_FROM = ['open', 'enter', 'event', 'condition'] as const;
/** Which level a per-level `by` is judged against (DSL v2). */
export const AUTHORITY_AT = ['current', 'requested', 'higher'] as const;
/** Whether an event at exactly a deadline's due instant meets it (DSL v2 `timing.dueInstant`). */
export const DUE_INSTANT = ['breaches', 'meets'] as const;
/** The word a deadline writes for the plan's `timing.immediately` duration. */
export const IMMEDIATELY = 'immediately';
/** A wall-clock time of day, `HH:MM` (24 h). */
export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const CLOCK_MESSAGE = 'a time of day such as 21:00 (24-hour HH:MM)';
/** The read-only pseudo-fields a condition may read besides the plan's fields (DSL v2). */
export const CHANGE_FIELDS = ['severity.previous', 'severity.change'] as const;
/** A field a condition reads: an id, or one of {@link CHANGE_FIELDS}. */
export const FIELD_REF_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_-]*|severity\.previous|severity\.change)$/;
/** A role a `notify` names: a role id, or a position of the team owning the stage at the incident's level (DSL v2). */
export const NOTIFY_TARGET_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_-]*|owner\.(?:leader|deputy|members))$/;
export const NOTIFY_TARGET_MESSAGE = 'a role id, or owner.leader / owner.deputy / owner.members';
/** The owner positions a `notify` may name (DSL v2): resolved to the team owning the stage at the incident's level. */
export const OWNER_POSITIONS = ['owner.leader', 'owner.deputy', 'owner.members'] as const;
/** Lint rule severities in a plan's `lint` section. */
export const LINT_LEVELS = ['off', 'warning', 'error'] as const;
/** How a `deadline-met-rate` measure groups deadline instances. */
export const MEASURE_PER = ['overall', 'deadline', 'team'] as const;
