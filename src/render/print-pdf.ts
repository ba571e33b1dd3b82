import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Browser executables tried, in order, on the PATH (after `PLANWRIGHT_CHROMIUM`). */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;
/** Longest a print may take before it is abandoned. */
const PRINT_TIMEOUT_MS = 90_000;

/** Thrown by {@link printPdf} when no headless-capable browser is installed. */
export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';
  constructor(readonly tried: readonly string[]) {
    super(
      `no Chromium found to print the PDF (tried ${tried.join(', ')}). Install chromium (e.g. apt-get install chromium) ` +
        'or set PLANWRIGHT_CHROMIUM to the browser executable; --format html gives the same document without a browser.',
    );
  }
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium (or Chrome) executable to print with: `PLANWRIGHT_CHROMIUM` when set, else the first of
 * {@link BROWSER_NAMES} on the PATH. Throws {@link BrowserNotFoundError} naming what was tried.
 *
 * @example
 * findBrowser(); // '/usr/bin/chromium'
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['PLANWRIGHT_CHROMIUM'];
  if (explicit !== undefined && explicit !== '') {
    if (executable(explicit)) return explicit;
    throw new BrowserNotFoundError([`PLANWRIGHT_CHROMIUM=${explicit}`]);
  }
  const folders = (env['PATH'] ?? '').split(delimiter).filter((f) => f !== '');
  for (const name of BROWSER_NAMES) {
    for (const folder of folders) {
      const file = join(folder, name);
      if (executable(file)) return file;
    }
  }
  throw new BrowserNotFoundError([...BROWSER_NAMES]);
}

/**
 * Prints a self-contained HTML page to PDF in headless Chromium (`--print-to-pdf`, A4 from the page's
 * `@page` rule, no header or footer). The page is written to a private temporary folder, the browser
 * runs with networking features off and is killed after 90 s.
 *
 * @example
 * const pdf = await printPdf(documentHtml(planDocument(plan)));
 */
export async function printPdf(html: string, options: { browser?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Uint8Array> {
  const browser = options.browser ?? findBrowser(options.env);
  const folder = mkdtempSync(join(tmpdir(), 'planwright-render-'));
  try {
    const page = join(folder, 'plan.html');
    const pdf = join(folder, 'plan.pdf');
    writeFileSync(page, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${join(folder, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => {
        if (text.length < 20_000) text += chunk.toString('utf8');
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(text);
        else reject(new Error(`${browser} exited with ${signal ?? code} while printing the PDF: ${text.trim().split('\n').slice(-3).join(' ')}`));
      });
    });
    let bytes: Buffer;
    try {
      bytes = readFileSync(pdf);
    } catch {
      throw new Error(`${browser} wrote no PDF: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    return new Uint8Array(bytes);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
