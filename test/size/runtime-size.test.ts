/**
 * The size limit of `planwright/runtime` (minified + gzipped, xstate excluded), measured from the
 * built `dist/runtime.js` when present (`npm test` builds first), else from the sources.
 * The limit is bench/size/budget.json's `limitGzipBytes`: the 40 KB budget of issue #16 (the size is
 * a tracked figure, not a target to golf against; the budget catches a library bundled by mistake).
 */
import { describe, expect, it } from 'vitest';
import { measureRuntimeSize, readBudget } from '../../bench/size/measure-size.js';

describe('planwright/runtime bundle size', () => {
  it('stays within the limit of bench/size/budget.json, and the parts add up', async () => {
    const budget = readBudget();
    const size = await measureRuntimeSize();
    const b = size.gzipBreakdown;
    const report = `${size.entry}: ${size.gzipBytes} B gzipped (own code ${b.ownCode}, zod ${b.zod}, immer ${b.immer}, other ${b.other}; xstate excluded ${b.xstateExcluded})`;
    console.log(report);
    expect(size.gzipBytes, report).toBeLessThanOrEqual(budget.limitGzipBytes);
    expect(budget.limitGzipBytes).toBeGreaterThanOrEqual(budget.targetGzipBytes);
    // The runtime entry has no YAML parser and does not bundle xstate.
    expect(Object.keys(size.minifiedByPackage)).not.toContain('yaml');
    expect(Object.keys(size.minifiedByPackage)).not.toContain('xstate');
    // zod/mini is in: it checks bundles, engine input and stored incidents (src/validate/check-schema.ts)
    expect(Object.keys(size.minifiedByPackage)).toContain('zod');
    expect(b.zod).toBeGreaterThan(0);
    expect(b.ownCode + b.zod + b.immer + b.other).toBe(size.gzipBytes);
    expect(b.ownCode).toBeGreaterThan(0);
  }, 60_000);
});
