import { defineConfig } from 'vitest/config';

/** Runs the tests under test/dist against the built package (import 'planwright/...'). */
export default defineConfig({
  test: {
    include: ['test/dist/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
