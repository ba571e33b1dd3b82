/**
 * Regenerates test/types/generated/*-types.d.ts (see scripts/type-fixtures.ts). Run:
 * `npx tsx scripts/write-type-fixtures.ts` (add `--check` to only report files out of date, exit 1
 * if any). test/typegen/type-fixtures.test.ts fails when a file is out of date.
 */
import { checkOnly, writeGeneratedFile } from './generated-file.js';
import { typeFixtures, WRITE_TYPE_FIXTURES } from './type-fixtures.js';

let stale = 0;
for (const fixture of typeFixtures()) {
  if (!writeGeneratedFile(fixture.path, fixture.text, `${WRITE_TYPE_FIXTURES} (from ${fixture.source})`)) stale += 1;
}
process.exitCode = checkOnly && stale > 0 ? 1 : 0;
