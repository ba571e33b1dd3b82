import { formatShortDuration, tryParseDuration, type ShortUnit } from '../compile/duration.js';

/** The short form's unit for a rank of {@link UNITS} (0 seconds … 3 days and weeks). */
const LARGEST_UNIT_BY_RANK: readonly ShortUnit[] = ['s', 'm', 'h', 'd'];

/** Units written in words, in milliseconds, with the short unit a duration is then written in. */
const UNITS: ReadonlyArray<{ words: readonly string[]; ms: number; rank: number }> = [
  { words: ['周', '星期', '礼拜', 'weeks', 'week', 'wk', 'w'], ms: 7 * 86_400_000, rank: 3 },
  { words: ['天', '日', 'days', 'day'], ms: 86_400_000, rank: 3 },
  { words: ['小时', '钟头', '时', 'hours', 'hour', 'hrs', 'hr'], ms: 3_600_000, rank: 2 },
  { words: ['分钟', '分', 'minutes', 'minute', 'mins', 'min'], ms: 60_000, rank: 1 },
  { words: ['秒钟', '秒', 'seconds', 'second', 'secs', 'sec'], ms: 1_000, rank: 0 },
];

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const UNIT_WORD = UNITS.flatMap((u) => u.words)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** One amount: a number (digits or Chinese numerals), an optional 个, an optional 半 before or after the unit. */
const PART = new RegExp(`^(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)?个?(半)?(${UNIT_WORD})(半)?`, 'i');

/** A Chinese numeral up to 999 (`十五`, `二十`, `一百零五`), or `undefined`. */
function chineseNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c === '百' || c === '十') {
      total += (digit ?? 1) * (c === '百' ? 100 : 10);
      digit = undefined;
    } else {
      const value = DIGITS[c];
      if (value === undefined) return undefined;
      digit = value;
    }
  }
  return total + (digit ?? 0);
}

/**
 * The plan duration meant by a duration written in words — Chinese (`半小时`, `30分钟`,
 * `1小时30分`, `一个半小时`, `2天`, `两周`), full-width (`３０ｍ`) or English words (`30 min`) —
 * in the short form, keeping the largest unit written (`48小时` → `48h`); `undefined` when the
 * text is no such duration.
 *
 * @example
 * durationFromWords('半小时'); // '30m'
 * durationFromWords('1小时30分'); // '1h30m'
 * durationFromWords('soon'); // undefined
 */
export function durationFromWords(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  if (compact !== text && tryParseDuration(compact) !== undefined) return compact;
  let rest = compact;
  let ms = 0;
  let rank = -1;
  while (rest !== '') {
    const match = PART.exec(rest);
    if (match === null) return undefined;
    const [whole, number, halfBefore, word, halfAfter] = match;
    const unit = UNITS.find((u) => u.words.includes((word ?? '').toLowerCase()));
    if (unit === undefined) return undefined;
    let amount = number === undefined ? 0 : /^\d/.test(number) ? Number(number) : chineseNumber(number);
    if (amount === undefined || (number === undefined && halfBefore === undefined)) return undefined;
    if (halfBefore !== undefined || halfAfter !== undefined) amount += 0.5;
    ms += amount * unit.ms;
    rank = Math.max(rank, unit.rank);
    rest = rest.slice(whole.length);
  }
  ms = Math.round(ms);
  if (ms <= 0 || ms % 1_000 !== 0 || !Number.isSafeInteger(ms)) return undefined;
  // no unit larger than the largest the text used: 90分钟 stays 90m
  return formatShortDuration(ms, LARGEST_UNIT_BY_RANK[rank] ?? 'd');
}
