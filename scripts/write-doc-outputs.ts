// Rewrites the `planwright` output shown in the guides from fresh runs (see scripts/doc-outputs.ts).
// `npx tsx scripts/write-doc-outputs.ts [--check]`: with --check it only lists the stale blocks (exit 1).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDES, refreshCliBlocks, ROOT, staleCliBlocks } from './doc-outputs.js';

let stale = 0;
for (const file of GUIDES) {
  if (process.argv.includes('--check')) {
    for (const { block } of await staleCliBlocks(file)) {
      console.error(`${file}:${block.first}: stale output of ${block.command}`);
      stale++;
    }
  } else {
    writeFileSync(join(ROOT, file), await refreshCliBlocks(file));
    console.log(`refreshed ${file}`);
  }
}
if (stale > 0) {
  console.error('run npx tsx scripts/write-doc-outputs.ts');
  process.exit(1);
}
