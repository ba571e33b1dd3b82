import * as z from 'zod/mini';
import { checkSchema } from '../validate/check-schema.js';
import { ListQueryError } from './list-query-error.js';
import { INCIDENT_ID_PATTERN } from './stores/incident-id.js';
import type { ListPosition } from './stores/store.js';

/** The filters a cursor was issued for (a cursor continues only the listing it came from). */
export interface CursorFilter {
  open?: boolean;
  stage?: string;
  overdue?: boolean;
}

/** What an `engine.list` cursor holds. */
export interface ListCursor {
  /** The last incident of the page it follows. */
  after: ListPosition;
  /** The time `overdue` is judged at, the same for every page of one listing (ms). */
  atMs: number;
  filter: CursorFilter;
}

/** Longest cursor text accepted (a cursor is ≈ 100–400 characters). */
const MAX_CURSOR_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** The range of times a `Date` holds (ms either side of 1970). */
const MAX_TIME_MS = 8.64e15;

const CursorShape = z.strictObject({
  v: z.literal(1),
  o: z.int(),
  i: z.string().check(z.regex(INCIDENT_ID_PATTERN)),
  t: z.int(),
  f: z.strictObject({
    open: z.optional(z.boolean()),
    stage: z.optional(z.string().check(z.maxLength(256))),
    overdue: z.optional(z.boolean()),
  }),
});

/**
 * The opaque cursor text of `cursor`: base64url of a small versioned JSON object. It is not
 * signed: it says where a listing stands, not what its holder may see (an edited cursor that still
 * decodes only moves the start of the page), so checking its shape is enough.
 *
 * @example
 * ```ts
 * encodeListCursor({ after: { openedMs: 1714550400000, id: 'PO-1' }, atMs: 1714557600000, filter: { open: true } });
 * ```
 */
export function encodeListCursor(cursor: ListCursor): string {
  const { open, stage, overdue } = cursor.filter;
  const filter = { ...(open === undefined ? {} : { open }), ...(stage === undefined ? {} : { stage }), ...(overdue === undefined ? {} : { overdue }) };
  const content = { v: 1, o: cursor.after.openedMs, i: cursor.after.id, t: cursor.atMs, f: filter };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

/**
 * Reads a cursor issued by {@link encodeListCursor} and checks that it continues a listing with
 * the same filters; throws {@link ListQueryError} (`parameter: 'cursor'`) saying why not.
 *
 * @example
 * ```ts
 * const { after, atMs } = decodeListCursor(request.cursor, { open: true });
 * ```
 */
export function decodeListCursor(text: unknown, filter: CursorFilter): ListCursor {
  const refuse = (reason: string): never => {
    throw new ListQueryError('cursor', reason);
  };
  if (typeof text !== 'string') return refuse(`expected the text of a cursor, got ${text === null ? 'null' : typeof text}`);
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !BASE64URL.test(text)) {
    return refuse('not a cursor of this list (cursors are base64url texts, as returned in `next`)');
  }
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return refuse('not a cursor of this list (damaged or cut)');
  }
  const checked = checkSchema(CursorShape, content);
  if (!checked.success) return refuse('not a cursor of this list (damaged or edited)');
  const { o: openedMs, i: id, t: atMs, f: issuedFor } = checked.data;
  if (!(Math.abs(openedMs) <= MAX_TIME_MS) || !(Math.abs(atMs) <= MAX_TIME_MS)) return refuse('not a cursor of this list (damaged or edited)');
  if (issuedFor.open !== filter.open || issuedFor.stage !== filter.stage || issuedFor.overdue !== filter.overdue) {
    return refuse(`issued for other filters (${describeFilter(issuedFor)}, not ${describeFilter(filter)}): start again without a cursor`);
  }
  return { after: { openedMs, id }, atMs, filter };
}

function describeFilter(filter: { [Key in keyof CursorFilter]?: CursorFilter[Key] | undefined }): string {
  const parts = Object.entries(filter).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${String(value)}`);
  return parts.length === 0 ? 'none' : parts.join('&');
}
