/**
 * Regenerates docs/plans/<plan id>.md (both Mermaid diagrams of each plan under plans/) from the plan
 * files. Run: `npx tsx scripts/write-plan-docs.ts` (add `--check` to only report pages out of date,
 * exit 1 if any). test/report/diagram/plan-docs.test.ts fails when a page is out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { planDocs } from '../src/report/diagram/plan-docs.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const doc of planDocs('.')) {
  let current: string | undefined;
  try {
    current = readFileSync(doc.path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === doc.text) continue;
  stale += 1;
  if (check) {
    console.error(`${doc.path} is out of date (from ${doc.source})`);
  } else {
    mkdirSync('docs/plans', { recursive: true });
    writeFileSync(doc.path, doc.text);
    console.log(`wrote ${doc.path}`);
  }
}
process.exitCode = check && stale > 0 ? 1 : 0;
