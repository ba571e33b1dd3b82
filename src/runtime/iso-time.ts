/**
 * The engine's times as text and back: ISO 8601 (UTC, ms) strings, as stored in incidents.
 * Both directions remember recent answers: a change stamps many entries with the same time and
 * reads the same due times again and again.
 */

/** Most times each direction remembers before it starts over. */
const MAX_REMEMBERED = 4096;
const texts = new Map<number, string>();

/**
 * ISO 8601 (UTC, ms) text of a time in ms (remembered for times seen recently).
 *
 * @example
 * iso(0); // '1970-01-01T00:00:00.000Z'
 */
export function iso(ms: number): string {
  let text = texts.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (texts.size >= MAX_REMEMBERED) texts.clear();
    texts.set(ms, text);
  }
  return text;
}

const parsed = new Map<string, number>();

/**
 * The time in ms of an ISO 8601 text (`Date.parse`), remembered for texts seen recently.
 *
 * @example
 * msOf('1970-01-01T00:00:01.000Z'); // 1000
 */
export function msOf(text: string): number {
  let ms = parsed.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    if (parsed.size >= MAX_REMEMBERED) parsed.clear();
    parsed.set(text, ms);
  }
  return ms;
}
