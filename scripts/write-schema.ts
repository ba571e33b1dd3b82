// Writes schema.json (the JSON Schema of plan files, generated from the zod schema) at the repo root.
// Run after changing src/dsl/schema: `npx tsx scripts/write-schema.ts`. With --check it only reports
// whether schema.json is up to date (exit 1 when not). test/dsl/schema-json.test.ts checks it too.
import { planJsonSchema } from '../src/dsl/plan-json-schema.js';
import { checkOnly, writeGeneratedFile } from './generated-file.js';

const fresh = writeGeneratedFile('schema.json', `${JSON.stringify(planJsonSchema(), null, 2)}\n`, 'npx tsx scripts/write-schema.ts');
if (checkOnly && !fresh) process.exitCode = 1;
