import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryLockedError } from '../../src/runtime/stores/directory-lock.js';
import { fileStore, type FileStore } from '../../src/runtime/stores/file-store.js';
import { CorruptIncidentError } from '../../src/runtime/stores/incident-document.js';
import { VersionConflictError } from '../../src/runtime/stores/store.js';
import { describeStoreContract } from './contract.js';
import { deadline, makeIncident, nextVersion } from './fixtures.js';

describeStoreContract('fileStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'planwright-file-store-'));
  const opened: FileStore[] = [fileStore(dir)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const again = fileStore(dir);
      opened.push(again);
      return again;
    },
    dispose: async () => {
      for (const s of opened) await s.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('fileStore on disk', () => {
  let dir: string;
  let store: FileStore | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'planwright-file-store-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON document per incident, named by id, and nothing else after close', async () => {
    store = fileStore(dir);
    const a = makeIncident('PO-1');
    await store.save(a, 0);
    await store.save(nextVersion(a), 1);
    await store.save(makeIncident('PO-2'), 0);
    await expect(store.save(nextVersion(a), 1)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await readdir(dir)).sort()).toEqual(['.planwright.lock', 'PO-1.json', 'PO-2.json']);
    const onDisk = JSON.parse(await readFile(join(dir, 'PO-1.json'), 'utf8')) as { version: number; id: string };
    expect(onDisk).toMatchObject({ id: 'PO-1', version: 2 });
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(['PO-1.json', 'PO-2.json']);
  });

  it('deletes temporary files left by a crash on open, and ignores unrelated files', async () => {
    await writeFile(join(dir, '.PO-1.json.0123456789abcdef.tmp'), '{"half":');
    await writeFile(join(dir, '.planwright.lock.4242.deadbeef'), '4242\n'); // an earlier version's lock temp file
    await writeFile(join(dir, '..planwright.lock.0123456789abcdef.tmp'), '4242\n'); // the lock's temp file now
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    await writeFile(join(dir, 'PO-1.json'), JSON.stringify(makeIncident('PO-1')));
    store = fileStore(dir);
    expect((await store.list()).map((i) => i.id)).toEqual(['PO-1']);
    expect((await readdir(dir)).sort()).toEqual(['.planwright.lock', 'PO-1.json', 'notes.txt']);
  });

  it('fails to open on invalid JSON, naming the file', async () => {
    await writeFile(join(dir, 'PO-1.json'), JSON.stringify(makeIncident('PO-1')));
    await writeFile(join(dir, 'PO-2.json'), '{"id": "PO-2", "version": ');
    store = fileStore(dir);
    const error = await store.dueBefore('2024-05-01T00:00:00Z').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptIncidentError);
    expect((error as CorruptIncidentError).source).toBe(join(dir, 'PO-2.json'));
    expect((error as Error).message).toMatch(/PO-2\.json: not valid JSON/);
    // the failed open released the lock: after fixing the file another store opens the directory
    await store.close();
    await writeFile(join(dir, 'PO-2.json'), JSON.stringify(makeIncident('PO-2')));
    store = fileStore(dir);
    expect((await store.list()).map((i) => i.id)).toEqual(['PO-1', 'PO-2']);
  });

  it('names the file and the bad fields of a document that is not an incident', async () => {
    const bad = { ...makeIncident('PO-3'), version: 'two', deadlines: [{ ...deadline('d', 'soon') }] };
    await writeFile(join(dir, 'PO-3.json'), JSON.stringify(bad));
    store = fileStore(dir);
    const error = await store.get('PO-3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptIncidentError);
    expect((error as Error).message).toContain(join(dir, 'PO-3.json'));
    expect((error as Error).message).toMatch(/version: /);
    expect((error as Error).message).toMatch(/deadlines\.0\.dueAt: an ISO 8601 time/);
  });

  it('rejects a document whose id does not match its file name', async () => {
    await writeFile(join(dir, 'PO-4.json'), JSON.stringify(makeIncident('PO-5')));
    store = fileStore(dir);
    await expect(store.list()).rejects.toThrow(/PO-4\.json: holds incident id "PO-5", not "PO-4"/);
  });

  it('re-reads the on-disk version before renaming (a change behind its back is a conflict)', async () => {
    store = fileStore(dir);
    const a = makeIncident('PO-1');
    await store.save(a, 0);
    await writeFile(join(dir, 'PO-1.json'), JSON.stringify(nextVersion(a, { title: 'written elsewhere' })));
    const error = await store.save(nextVersion(a, { title: 'mine' }), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await store.get('PO-1'))?.title).toBe('written elsewhere');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a directory held by another live process or already open here, takes over a dead one', async () => {
    await writeFile(join(dir, '.planwright.lock'), `${process.ppid}\n`);
    const blocked = fileStore(dir);
    const error = await blocked.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryLockedError);
    expect((error as DirectoryLockedError).pid).toBe(process.ppid);
    await blocked.close();

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(join(dir, '.planwright.lock'), `${dead.stdout}\n`);
    store = fileStore(dir);
    expect(await store.list()).toEqual([]);
    expect(await readFile(join(dir, '.planwright.lock'), 'utf8')).toBe(`${process.pid}\n`);

    const second = fileStore(dir);
    await expect(second.list()).rejects.toThrow(/already open in this process/);
    await second.close();
  });

  it('refuses to write a document it could not read back', async () => {
    store = fileStore(dir);
    await expect(store.save(makeIncident('PO-1', { deadlines: [deadline('d', 'tomorrow')] }), 0)).rejects.toThrow(
      /cannot be saved.*deadlines\.0\.dueAt/,
    );
    expect(await store.list()).toEqual([]);
    expect(await readdir(dir)).toEqual(['.planwright.lock']);
  });

  it('rejects calls after close', async () => {
    store = fileStore(dir);
    await store.save(makeIncident('PO-1'), 0);
    await store.close();
    await expect(store.get('PO-1')).rejects.toThrow(/closed/);
  });

  it('leaves only whole documents when the writing process is killed mid-run', async () => {
    const script = `
      import { fileStore } from ${JSON.stringify(new URL('../../src/runtime/stores/file-store.ts', import.meta.url).pathname)};
      import { makeIncident, nextVersion } from ${JSON.stringify(new URL('./fixtures.ts', import.meta.url).pathname)};
      const store = fileStore(process.argv[1]);
      const ids = ['K-1', 'K-2', 'K-3'];
      const docs = ids.map((id) => makeIncident(id, { data: { blob: 'x'.repeat(20000) } }));
      for (const d of docs) await store.save(d, 0);
      process.stdout.write('ready\\n');
      for (let round = 0; ; round++) {
        await Promise.all(docs.map(async (d, i) => {
          const next = nextVersion(d, { data: { blob: String(round).repeat(20000) } });
          await store.save(next, d.version);
          docs[i] = next;
        }));
      }
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    store = fileStore(dir);
    const all = await store.list();
    expect(all.map((i) => i.id)).toEqual(['K-1', 'K-2', 'K-3']);
    for (const incident of all) {
      expect(incident.version).toBeGreaterThan(1);
      expect(incident.timeline).toHaveLength(incident.version);
      const blob = incident.data['blob'] as string;
      expect(blob.length).toBeGreaterThanOrEqual(20000);
      expect(new Set(blob).size).toBeLessThanOrEqual(10);
    }
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
