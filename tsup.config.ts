import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      runtime: 'src/runtime/index.ts',
      testing: 'src/testing/index.ts',
      postgres: 'src/postgres/index.ts',
      report: 'src/report/report-entry.ts',
      render: 'src/render/index.ts',
      fastify: 'src/fastify/index.ts',
      express: 'src/express/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    target: 'node20',
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
