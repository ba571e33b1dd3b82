// Shared by the scripts that write generated files (schema.json, docs/dsl-reference.md, docs/plans/*):
// write the file, or with --check only report whether it is up to date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Whether the script was run with --check (report only, write nothing). */
export const checkOnly = process.argv.includes('--check');

/**
 * Writes `text` to `path` (relative to the working folder), or with --check reports it when the
 * file differs. Returns true when the file was already up to date.
 */
export function writeGeneratedFile(path: string, text: string, regenerate: string): boolean {
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined; // missing: out of date
  }
  if (current === text) {
    if (checkOnly) console.log(`${path} is up to date`);
    return true;
  }
  if (checkOnly) {
    console.error(`${path} is out of date: run ${regenerate}`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path} (${text.length} bytes)`);
  }
  return false;
}
