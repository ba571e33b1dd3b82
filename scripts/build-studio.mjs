// Bundles the planner studio's page (src/studio/page/) into dist/studio/: the page's script, a small
// boot script that asks for the session before the page's script is loaded (docs/studio.md, "How the
// first load works"), one style sheet and index.html, everything the page needs, so that it works
// offline and never asks a CDN.
// Run by `npm run build` after tsup; tests and the bench call buildStudio() directly.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/**
 * Builds the page into `outdir` (default dist/studio); returns the files' sizes in bytes, by path
 * relative to `outdir`. What the page loads later (schema completion and hover) is split into
 * `chunks/`, with the code it shares with the page's script.
 */
export async function buildStudio(outdir = join(root, 'dist/studio'), { minify = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  // Chunk names carry a hash of their content: drop those of an earlier build.
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  /** What the page's script and the boot script are both built with. */
  const forBrowsers = { bundle: true, platform: 'browser', target: ['chrome110', 'firefox110', 'safari16'], minify, sourcemap: false, legalComments: 'none', outdir, logLevel: 'warning' };
  const page = await build({
    ...forBrowsers,
    // The metafile's paths are relative to this folder (the modulepreload links below are derived from them).
    absWorkingDir: root,
    entryPoints: { studio: join(root, 'src/studio/page/main.ts') },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    plugins: [plainMarkdown],
    metafile: true,
  });
  // The chunks the page's script imports at once are announced in index.html (modulepreload), so
  // the browser fetches them beside the script instead of after reading it.
  const script = Object.entries(page.metafile.outputs).find(([, output]) => output.entryPoint !== undefined && output.entryPoint.endsWith('src/studio/page/main.ts'));
  const preloads = (script?.[1].imports ?? []).filter((entry) => entry.kind === 'import-statement').map((entry) => relative(outdir, resolve(root, entry.path)).split('\\').join('/'));
  await build({ ...forBrowsers, entryPoints: { boot: join(root, 'src/studio/page/boot.ts') }, format: 'iife' });
  const html = readFileSync(join(root, 'src/studio/page/index.html'), 'utf8');
  const links = preloads.map((chunk) => `<link rel="modulepreload" href="${chunk}">`).join('\n');
  writeFileSync(join(outdir, 'index.html'), html.replace('<!-- modulepreload -->', links));
  copyFileSync(join(root, 'src/studio/page/studio.css'), join(outdir, 'studio.css'));
  const sizes = {};
  for (const name of ['index.html', 'boot.js', 'studio.js', 'studio.css', ...readdirSync(join(outdir, 'chunks')).sort().map((chunk) => `chunks/${chunk}`)]) sizes[name] = statSync(join(outdir, name)).size;
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = await buildStudio();
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`studio page → dist/studio (${Object.entries(sizes).map(([n, s]) => `${n} ${(s / 1024).toFixed(1)} KiB`).join(', ')}; ${(total / 1024).toFixed(1)} KiB in all)`);
}
