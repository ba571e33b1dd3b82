// The guides show real `planwright` output and real excerpts of the tutorial files. This test re-runs
// every command shown (scripts/doc-outputs.ts) and compares; when the CLI's output changes on purpose,
// refresh the guides with `npx tsx scripts/write-doc-outputs.ts` and review the diff.
import { describe, expect, test } from 'vitest';
import { cliBlocks, GUIDES, ROOT, staleCliBlocks } from '../../scripts/doc-outputs.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerptMismatches, sampleMismatches } from './doc-samples.js';

describe.each(GUIDES)('%s', (guide) => {
  const url = new URL(`../../${guide}`, import.meta.url);

  test('shows what each planwright command prints now, and its exit code', async () => {
    const blocks = cliBlocks(readFileSync(join(ROOT, guide), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const stale = await staleCliBlocks(guide);
    expect(
      stale.map(({ block, exit, expected }) => `line ${block.first}: ${block.command} (exit ${exit}) prints:\n${expected}`),
      'refresh with: npx tsx scripts/write-doc-outputs.ts',
    ).toEqual([]);
  }, 120_000);

  test('quotes the tutorial and drill files as they are', () => {
    expect(excerptMismatches(url)).toEqual([]);
  });

  test('every TypeScript block is a region of a compiled, tested sample', () => {
    expect(sampleMismatches(url)).toEqual([]);
  });
});
