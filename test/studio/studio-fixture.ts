import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildStudio } from '../../scripts/build-studio.mjs';
import { startStudio, type StudioOptions, type StudioServer } from '../../src/studio/studio-server.js';

let built: Promise<string> | undefined;

/** Builds the studio page once per test file into a temporary folder (tests only). */
export function studioAssets(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-assets-'));
    await buildStudio(dir, { minify: false });
    return dir;
  })();
  return built;
}

/** A copy of a plan folder in a temporary folder, so that saves and external writes touch no repository file. */
export function copyFolder(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'studio-plan-'));
  cpSync(resolve(from), dir, { recursive: true });
  return dir;
}

/** Starts a studio on a copy of the seed plan with the seed drills granted (tests only). */
export async function seedStudio(extra: Partial<StudioOptions> = {}): Promise<{ studio: StudioServer; dir: string; drills: string; cleanup(): Promise<void> }> {
  const dir = copyFolder('plans');
  const drills = copyFolder('examples/drills/public-opinion');
  const studio = await startStudio({ planFile: join(dir, 'public-opinion.plan.yaml'), drillFolders: [drills], assetsDir: await studioAssets(), ...extra });
  return {
    studio,
    dir,
    drills,
    async cleanup() {
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(drills, { recursive: true, force: true });
    },
  };
}
