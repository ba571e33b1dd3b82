/**
 * Whether `Intl` knows a time zone name.
 *
 * @example
 * isTimeZone('Asia/Shanghai'); // true
 * isTimeZone('Mars/Olympus'); // false
 */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
