// Bundles the planner studio's page (src/studio/page/) into dist/studio/: one script, one style
// sheet and index.html, everything the page needs, so that it works offline and never asks a CDN.
// Run by `npm run build` after tsup; tests and the bench call buildStudio() directly.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * codemirror-json-schema renders schema descriptions with markdown-it and Shiki (a syntax
 * highlighter with WebAssembly and many grammars loaded at run time). The studio's descriptions
 * are plain sentences, so its markdown module is replaced by a small escaping renderer.
 */
const plainMarkdown = {
  name: 'plain-markdown',
  setup(b) {
    b.onResolve({ filter: /utils\/markdown(\.js)?$/ }, (args) => {
      if (!args.importer.includes('codemirror-json-schema')) return undefined;
      return { path: join(root, 'src/studio/page/plain-markdown.ts') };
    });
  },
};

/** Builds the page into `outdir` (default dist/studio); returns the files' sizes in bytes. */
export async function buildStudio(outdir = join(root, 'dist/studio'), { minify = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { studio: join(root, 'src/studio/page/main.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify,
    sourcemap: false,
    legalComments: 'none',
    outdir,
    plugins: [plainMarkdown],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'src/studio/page/index.html'), join(outdir, 'index.html'));
  copyFileSync(join(root, 'src/studio/page/studio.css'), join(outdir, 'studio.css'));
  const sizes = {};
  for (const name of ['index.html', 'studio.js', 'studio.css']) sizes[name] = statSync(join(outdir, name)).size;
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = await buildStudio();
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`studio page → dist/studio (${Object.entries(sizes).map(([n, s]) => `${n} ${(s / 1024).toFixed(1)} KiB`).join(', ')}; ${(total / 1024).toFixed(1)} KiB in all)`);
}
