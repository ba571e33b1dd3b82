import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StudioError } from './studio-error.js';

/** Largest file the studio reads or writes (the DSL's own limit is lower; drills and rosters are small). */
export const MAX_STUDIO_FILE_BYTES = 2 * 1024 * 1024;

/** A file's text and its version: the sha256 of its bytes, so any change on disk is seen. */
export interface VersionedText {
  /** Path relative to the workspace's main folder, with `/` separators. */
  path: string;
  text: string;
  version: string;
}

/** The sha256 (hex) of a text's UTF-8 bytes: the version the page sends back when it saves. */
export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The folders the studio may read and write: the plan's folder, and the drill folders the command
 * line granted. Every path from the page is resolved against the plan's folder, symlinks resolved
 * (of the file, or of its folder for a new file), and refused unless it lands inside one of them.
 */
export class Workspace {
  /** Real path of the plan's folder. */
  readonly root: string;
  /** Real paths of every folder files may be in (the root first). */
  readonly folders: readonly string[];

  constructor(planDir: string, extraFolders: readonly string[] = []) {
    this.root = realpathSync(planDir);
    const folders = [this.root];
    for (const folder of extraFolders) {
      if (!existsSync(folder)) continue;
      const real = realpathSync(folder);
      if (!folders.includes(real)) folders.push(real);
    }
    this.folders = folders;
  }

  /** Path of an absolute file as the page names it: relative to the root, `/`-separated. */
  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  /**
   * The real absolute path of `name` (relative to the plan's folder), or a `StudioError` (403)
   * when it leaves the workspace. For a file that does not exist yet, its folder must exist and be inside.
   */
  resolve(name: unknown): string {
    if (typeof name !== 'string' || name === '' || name.length > 1000 || name.includes('\0')) throw new StudioError(400, 'bad-path', 'give a file path relative to the plan folder');
    if (path.isAbsolute(name)) throw new StudioError(403, 'outside-workspace', `"${name}" is absolute; give a path relative to the plan folder`);
    const absolute = path.resolve(this.root, name);
    let real: string;
    if (existsSync(absolute)) real = realpathSync(absolute);
    else {
      const dir = path.dirname(absolute);
      if (!existsSync(dir)) throw new StudioError(404, 'not-found', `folder of "${name}" does not exist`);
      real = path.join(realpathSync(dir), path.basename(absolute));
    }
    if (!this.folders.some((folder) => isInside(folder, real))) throw new StudioError(403, 'outside-workspace', `"${name}" is outside the plan folder`);
    return real;
  }

  /** Reads a file of the workspace with its version. */
  read(name: unknown): VersionedText {
    const file = this.resolve(name);
    if (!existsSync(file) || !statSync(file).isFile()) throw new StudioError(404, 'not-found', `"${String(name)}" does not exist`);
    if (statSync(file).size > MAX_STUDIO_FILE_BYTES) throw new StudioError(413, 'file-too-large', `"${String(name)}" is larger than ${MAX_STUDIO_FILE_BYTES} bytes`);
    const text = readFileSync(file, 'utf8');
    return { path: this.relative(file), text, version: versionOf(text) };
  }

  /**
   * Writes a file atomically (a temporary file in the same folder, then rename) unless it changed
   * on disk since the page loaded it: `baseVersion` is the version the page edited (`null` for a
   * new file). A mismatch is a `conflict` (409) carrying the text on disk, so nothing is lost.
   */
  save(name: unknown, text: string, baseVersion: string | null, force = false): VersionedText & { conflict?: VersionedText } {
    const file = this.resolve(name);
    if (Buffer.byteLength(text, 'utf8') > MAX_STUDIO_FILE_BYTES) throw new StudioError(413, 'file-too-large', `the text is larger than ${MAX_STUDIO_FILE_BYTES} bytes`);
    const exists = existsSync(file);
    const current = exists ? readFileSync(file, 'utf8') : null;
    const currentVersion = current === null ? null : versionOf(current);
    if (!force && currentVersion !== baseVersion) {
      const conflict: VersionedText = { path: this.relative(file), text: current ?? '', version: currentVersion ?? '' };
      return { path: this.relative(file), text, version: versionOf(text), conflict };
    }
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
      renameSync(temp, file);
    } catch (error) {
      if (existsSync(temp)) unlinkSync(temp);
      throw new StudioError(500, 'write-failed', `cannot write "${this.relative(file)}": ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    return { path: this.relative(file), text, version: versionOf(text) };
  }

  /** Files directly in `folders` (relative names) whose name passes `accept`, sorted. */
  list(folders: readonly string[], accept: (name: string) => boolean): string[] {
    const out = new Set<string>();
    for (const folder of folders) {
      if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
      const real = realpathSync(folder);
      if (!this.folders.some((allowed) => isInside(allowed, real))) continue;
      for (const name of readdirSync(real).sort()) {
        if (!accept(name)) continue;
        const file = path.join(real, name);
        if (statSync(file).isFile()) out.add(path.relative(this.root, file).split(path.sep).join('/'));
      }
    }
    return [...out];
  }
}
