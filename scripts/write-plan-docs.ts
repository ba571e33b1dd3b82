/**
 * Regenerates docs/plans/<plan id>.md (both Mermaid diagrams of each plan under plans/) from the plan
 * files. Run: `npx tsx scripts/write-plan-docs.ts` (add `--check` to only report pages out of date,
 * exit 1 if any). test/report/diagram/plan-docs.test.ts fails when a page is out of date.
 */
import { planDocs } from '../src/report/diagram/plan-docs.js';
import { checkOnly, writeGeneratedFile } from './generated-file.js';

let stale = 0;
for (const doc of planDocs('.')) {
  if (!writeGeneratedFile(doc.path, doc.text, `npx tsx scripts/write-plan-docs.ts (from ${doc.source})`)) stale += 1;
}
process.exitCode = checkOnly && stale > 0 ? 1 : 0;
