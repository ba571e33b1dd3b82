/**
 * Size of the `planwright/runtime` entry as a host app's bundler would ship it: bundled with
 * esbuild (minified, ESM, platform node), xstate left out (a host has it anyway), gzipped at level 9.
 * zod and immer stay in and are counted; the breakdown says how much each brings.
 *
 * Why esbuild and not size-limit: esbuild is already installed (tsup builds with it), does the
 * same minify + bundle in ~0.5 s, and gives a per-input metafile for the breakdown; size-limit
 * would add its own toolchain (and a webpack or esbuild plugin) to say the same thing.
 *
 * Used by bench/size/bench.ts (figures, target) and test/size/runtime-size.test.ts (the limit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Budget of the runtime entry (bench/size/budget.json). */
export interface SizeBudget {
  /** The goal of issue #6: minified + gzipped, xstate excluded. */
  targetGzipBytes: number;
  /** What `npm test` enforces today (a ratchet against growth; lower it as the runtime shrinks). */
  limitGzipBytes: number;
  note: string;
}

/** Reads bench/size/budget.json. */
export function readBudget(): SizeBudget {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./budget.json', import.meta.url)), 'utf8')) as SizeBudget;
}

/** What {@link measureRuntimeSize} finds. */
export interface RuntimeSize {
  /** The file bundled: `dist/runtime.js` when built, else `src/runtime/index.ts`. */
  entry: string;
  /** Minified bytes, xstate external. */
  minifiedBytes: number;
  /** Minified + gzipped bytes, xstate external: the figure the target is about. */
  gzipBytes: number;
  /** Minified + gzipped bytes of each part (zod and immer: the bundle's size with and without them; own code: the rest; xstate: alone, for reference). */
  gzipBreakdown: { ownCode: number; zod: number; immer: number; other: number; xstateExcluded: number };
  /** Minified bytes each package (or `own code`) contributes to the bundle (esbuild's metafile). */
  minifiedByPackage: Record<string, number>;
}

async function bundle(entry: string, external: string[]): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error('esbuild produced no output');
  return { code: out.contents, metafile: result.metafile };
}

function gzipSize(code: Uint8Array | string): number {
  return gzipSync(code, { level: 9 }).length;
}

function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return 'own code';
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? input);
}

/**
 * Bundles the runtime entry and measures it (three esbuild builds: with zod and immer, without
 * zod, without zod and immer; plus xstate alone).
 *
 * @example
 * const size = await measureRuntimeSize();
 * size.gzipBytes; // e.g. 118000
 */
export async function measureRuntimeSize(options: { preferDist?: boolean } = {}): Promise<RuntimeSize> {
  const dist = 'dist/runtime.js';
  const entry = options.preferDist !== false && existsSync(`${root}${dist}`) ? dist : 'src/runtime/index.ts';
  const full = await bundle(entry, ['xstate']);
  const noZod = await bundle(entry, ['xstate', 'zod']);
  const noZodImmer = await bundle(entry, ['xstate', 'zod', 'immer']);
  const xstate = await build({
    stdin: { contents: "export * from 'xstate';", resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const byPackage: Record<string, number> = {};
  for (const output of Object.values(full.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = packageOf(input);
      byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
    }
  }
  const gz = gzipSize(full.code);
  const gzNoZod = gzipSize(noZod.code);
  const gzNoZodImmer = gzipSize(noZodImmer.code);
  const otherMinified = Object.entries(byPackage)
    .filter(([k]) => k !== 'own code' && k !== 'zod' && k !== 'immer')
    .reduce((s, [, v]) => s + v, 0);
  const ownMinified = byPackage['own code'] ?? 0;
  // Packages besides zod and immer (none today) are split off the last bundle by their share of its minified bytes.
  const otherGz = otherMinified === 0 ? 0 : Math.round((gzNoZodImmer * otherMinified) / (otherMinified + ownMinified));
  return {
    entry,
    minifiedBytes: full.code.length,
    gzipBytes: gz,
    gzipBreakdown: {
      ownCode: gzNoZodImmer - otherGz,
      zod: gz - gzNoZod,
      immer: gzNoZod - gzNoZodImmer,
      other: otherGz,
      xstateExcluded: gzipSize(xstate.outputFiles[0]?.contents ?? ''),
    },
    minifiedByPackage: Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1])),
  };
}
