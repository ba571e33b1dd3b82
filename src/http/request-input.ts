import * as z from 'zod';
import { MAX_LIST_LIMIT } from '../runtime/stores/list-limits.js';
import { HttpError } from './http-error.js';

/** Where in the request a value came from, as error bodies name it. */
export type RequestPart = 'body' | 'query' | 'path';

const ActorSchema = z.strictObject({
  id: z.string().trim().min(1).max(256),
  roles: z.array(z.string().min(1).max(64)).max(100),
  onBehalfOf: z
    .strictObject({
      id: z.string().trim().min(1).max(256),
      roles: z.array(z.string().min(1).max(64)).max(100),
    })
    .optional(),
});

/** A body's `by` (where the host trusts bodies), as checked. */
export type BodyActor = z.infer<typeof ActorSchema>;

const Fields = z.record(z.string().max(64), z.unknown());

/** Body of `POST /incidents`. `by` only where the host trusts it (`bodyActor: 'trust'`). */
export const OpenBody = z.strictObject({
  title: z.string().min(1).max(1000),
  category: z.string().min(1).max(64),
  severity: z.string().min(1).max(64).optional(),
  data: Fields.optional(),
  by: ActorSchema.optional(),
});

/** Body of `POST /incidents/:id/events`. `by` only where the host trusts it. */
export const EventBody = z.strictObject({
  type: z.string().min(1).max(64),
  data: Fields.optional(),
  by: ActorSchema.optional(),
});

const BooleanText = z.enum(['true', 'false']).transform((text) => text === 'true');

/** A page size in a query: a whole number from 1 to `max` (`items`: what a page holds, for the messages). */
function pageLimit(max: number, items: string) {
  return z
    .string()
    .regex(/^[1-9]\d{0,5}$/, `expected a whole number of ${items}`)
    .transform(Number)
    .pipe(z.number().max(max, `at most ${max} ${items} a page`));
}

/** Query of `GET /incidents`: filters, page size (`limit`, 1 to `MAX_LIST_LIMIT`) and the previous page's `next` (`cursor`). */
export const ListQuery = z.strictObject({
  open: BooleanText.optional(),
  overdue: BooleanText.optional(),
  stage: z.string().min(1).max(64).optional(),
  limit: pageLimit(MAX_LIST_LIMIT, 'incidents').optional(),
  cursor: z.string().min(1).max(1024).optional(),
});

/** The page size of `GET /incidents/:id/timeline` when none is asked for. */
export const DEFAULT_TIMELINE_LIMIT = 100;

/** The largest page `GET /incidents/:id/timeline` serves. */
export const MAX_TIMELINE_LIMIT = 500;

/**
 * Query of `GET /incidents/:id/timeline`: the entries after `after` (a `seq`, or -1 — the default —
 * for the first page; the previous page's `next`), at most `limit` (1 to `MAX_TIMELINE_LIMIT`,
 * default `DEFAULT_TIMELINE_LIMIT`), and `verify=chain` to check the whole chain (its cost grows with the history).
 */
export const TimelineQuery = z.strictObject({
  after: z
    .string()
    .regex(/^(?:-1|0|[1-9]\d{0,14})$/, 'expected the seq of a timeline entry (a whole number), or -1')
    .transform(Number)
    .default(-1),
  limit: pageLimit(MAX_TIMELINE_LIMIT, 'entries').default(DEFAULT_TIMELINE_LIMIT),
  verify: z.enum(['chain']).optional(),
});

/** The timeline query as checked, defaults applied. */
export type TimelineQuery = z.infer<typeof TimelineQuery>;

/** Query of `GET /incidents/:id/report`. */
export const ReportQuery = z.strictObject({
  format: z.enum(['json', 'markdown', 'html']).default('json'),
  locale: z.enum(['en', 'zh-CN']).optional(),
});

/** Query of `GET /changes`. */
export const ChangesQuery = z.strictObject({
  incident: z.string().min(1).max(256).optional(),
});

/** Routes without a query take none. */
export const NoQuery = z.strictObject({});

/**
 * `value` checked against `schema`, or an `HttpError('bad-request')` naming the part of the request
 * and each issue's path (`invalid request body: data.level: expected string`).
 *
 * @example
 * parseRequestPart(ListQuery, { open: 'true' }, 'query'); // { open: true }
 */
export function parseRequestPart<T>(schema: z.ZodType<T>, value: unknown, part: RequestPart): T {
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const listed = issues.map((issue) => `${issue.path === '' ? `(${part})` : issue.path}: ${issue.message}`).join('; ');
  throw new HttpError('bad-request', `invalid request ${part}: ${listed}`, { where: part, issues });
}
