// Writes docs/dsl-reference.md from the zod schema (src/dsl/schema). Run after changing the schema:
// `npx tsx scripts/write-dsl-reference.ts`. With --check it only reports whether the file is up to date
// (exit 1 when not); test/docs/dsl-reference.test.ts runs the same comparison in `npm test`.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderDslReference } from './dsl-reference.js';

const file = new URL('../docs/dsl-reference.md', import.meta.url);
const text = renderDslReference();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error('docs/dsl-reference.md is out of date: run npx tsx scripts/write-dsl-reference.ts');
    process.exit(1);
  }
  console.log('docs/dsl-reference.md is up to date');
} else {
  writeFileSync(file, text);
  console.log(`wrote docs/dsl-reference.md (${text.length} bytes)`);
}
