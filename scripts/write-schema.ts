// Writes schema.json (the JSON Schema of plan files, generated from the zod schema) at the repo root.
// Run after changing src/dsl/schema: `npx tsx scripts/write-schema.ts`. With --check it only reports
// whether schema.json is up to date (exit 1 when not). test/dsl/schema-json.test.ts checks it too.
import { readFileSync, writeFileSync } from 'node:fs';
import { planJsonSchema } from '../src/dsl/plan-json-schema.js';

const file = new URL('../schema.json', import.meta.url);
const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error('schema.json is out of date: run npx tsx scripts/write-schema.ts');
    process.exit(1);
  }
  console.log('schema.json is up to date');
} else {
  writeFileSync(file, text);
  console.log(`wrote schema.json (${text.length} bytes)`);
}
