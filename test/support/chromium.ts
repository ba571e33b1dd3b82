import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which every browser test drives through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether a browser test file must skip: Chromium is absent and this is not CI. In CI (.ci/run
 * installs chromium) the tests must run, so a missing browser fails them there. Logs why it skips.
 */
export function skipWithoutChromium(what: string): boolean {
  const skip = !existsSync(CHROMIUM) && !process.env['CI'];
  if (skip) console.warn(`[skip] ${what}: ${CHROMIUM} not found (apt-get install chromium); set CI=1 to make this a failure`);
  return skip;
}

/** Headless Chromium with no network of its own (no QUIC, sync, component updates or background requests). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
