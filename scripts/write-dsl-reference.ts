// Writes docs/dsl-reference.md from the zod schema (src/dsl/schema). Run after changing the schema:
// `npx tsx scripts/write-dsl-reference.ts`. With --check it only reports whether the file is up to date
// (exit 1 when not); test/docs/dsl-reference.test.ts runs the same comparison in `npm test`.
import { renderDslReference } from './dsl-reference.js';
import { checkOnly, writeGeneratedFile } from './generated-file.js';

const fresh = writeGeneratedFile('docs/dsl-reference.md', renderDslReference(), 'npx tsx scripts/write-dsl-reference.ts');
if (checkOnly && !fresh) process.exitCode = 1;
