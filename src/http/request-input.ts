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

/** Query of `GET /incidents`: filters, page size (`limit`, 1 to `MAX_LIST_LIMIT`) and the previous page's `next` (`cursor`). */
export const ListQuery = z.strictObject({
  open: BooleanText.optional(),
  overdue: BooleanText.optional(),
  stage: z.string().min(1).max(64).optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'expected a whole number of incidents')
    .transform(Number)
    .pipe(z.number().max(MAX_LIST_LIMIT, `at most ${MAX_LIST_LIMIT} incidents a page`))
    .optional(),
  cursor: z.string().min(1).max(1024).optional(),
});

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
