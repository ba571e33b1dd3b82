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
import { appendEntries, appendEntry, deadline, effect, makeIncident, nextVersion, put } from './fixtures.js';

describeStoreContract('fileStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'planwright-file-store-'));
  const opened: FileStore[] = [fileStore(dir)];
  return {
    store: opened[0]!,
    paged: true,
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

  const stateOf = (id: string) => join(dir, `${id}.state.json`);
  const timelineOf = (id: string) => join(dir, `${id}.timeline.jsonl`);
  const linesOf = async (id: string) => (await readFile(timelineOf(id), 'utf8')).split('\n');

  it('keeps a state file and an appended timeline per incident, and a format marker', async () => {
    store = fileStore(dir);
    const a = makeIncident('PO-1');
    await put(store, a, 0);
    const a2 = nextVersion(a, { stage: 'response' }, 2);
    await put(store, a2, 1);
    await put(store, makeIncident('PO-2'), 0);
    await expect(put(store, nextVersion(a), 1)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await readdir(dir)).sort()).toEqual([
      '.planwright-store.json',
      '.planwright.lock',
      'PO-1.state.json',
      'PO-1.timeline.jsonl',
      'PO-2.state.json',
      'PO-2.timeline.jsonl',
    ]);
    expect(JSON.parse(await readFile(join(dir, '.planwright-store.json'), 'utf8'))).toEqual({ format: 2 });
    const state = JSON.parse(await readFile(stateOf('PO-1'), 'utf8')) as Record<string, unknown>;
    expect(state).toMatchObject({ id: 'PO-1', version: 2, stage: 'response', head: { length: 3, hash: a2.timeline[2]?.hash } });
    expect(state).not.toHaveProperty('timeline');
    // One entry per line, in order, ending in a newline.
    expect(await linesOf('PO-1')).toEqual([...a2.timeline.map((entry) => JSON.stringify(entry)), '']);
    await store.close();
    expect((await readdir(dir)).filter((n) => n.startsWith('PO-1')).sort()).toEqual(['PO-1.state.json', 'PO-1.timeline.jsonl']);
  });

  it('appends only the entries a save adds (the timeline file grows, earlier lines untouched)', async () => {
    store = fileStore(dir);
    let incident = makeIncident('PO-1', { timeline: appendEntries([], 50) });
    await put(store, incident, 0);
    const before = await readFile(timelineOf('PO-1'), 'utf8');
    incident = nextVersion(incident);
    await put(store, incident, 1);
    const after = await readFile(timelineOf('PO-1'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(`${JSON.stringify(incident.timeline[50])}\n`);
  });

  it('refuses a save whose timeline does not continue the stored one', async () => {
    store = fileStore(dir);
    const a = makeIncident('PO-1', { timeline: appendEntries([], 3) });
    await put(store, a, 0);
    const rewritten = { ...a, version: 2, timeline: appendEntries([], 4, '2024-06-01T00:00:00.000Z') };
    // Its new entry (seq 3) does not follow the stored entry 2.
    await expect(put(store, rewritten, 1)).rejects.toThrow(/PO-1 cannot be saved: timeline entry 3 does not continue the stored chain/);
    // No new entry, and a head (entry 1) that is not the stored one (entry 2).
    const shorter = { ...a, version: 2, timeline: a.timeline.slice(0, 2) };
    await expect(put(store, shorter, 1)).rejects.toThrow(/PO-1 cannot be saved: its head .* is not the last entry of its timeline \(seq 2\)/);
    expect((await store.get('PO-1'))?.version).toBe(1);
  });

  it('lists from the index and reads per item only the state file and the timeline\'s last line', async () => {
    store = fileStore(dir);
    const long = makeIncident('PO-1', { openedAt: '2024-05-01T08:01:00.000Z', timeline: appendEntries([], 300) });
    // A last entry longer than the 4 KB read from the end at first.
    const wide = makeIncident('PO-2', { openedAt: '2024-05-01T08:02:00.000Z', timeline: appendEntry(appendEntries([], 5), { at: '2024-05-01T08:03:00.000Z', type: 'record', result: 'recorded', data: { text: 'x'.repeat(20_000) } }) });
    const single = makeIncident('PO-3', { openedAt: '2024-05-01T08:03:00.000Z' });
    for (const incident of [long, wide, single]) await put(store, incident, 0);
    // Damage the first line of PO-1's timeline behind the open store's back (same length: the offsets stay).
    const text = await readFile(timelineOf('PO-1'), 'utf8');
    const firstLine = text.slice(0, text.indexOf('\n'));
    await writeFile(timelineOf('PO-1'), `${'#'.repeat(firstLine.length)}${text.slice(firstLine.length)}`);
    await expect(store.get('PO-1')).rejects.toThrow(/line 1 is not valid JSON/); // get reads the whole timeline
    const page = await store.listPage({ at: '2024-05-01T10:00:00.000Z', limit: 10 });
    expect(page.incidents.map((i) => [i.id, i.lastEntry.seq])).toEqual([['PO-1', 299], ['PO-2', 5], ['PO-3', 0]]);
    expect(page.incidents[1]?.lastEntry).toEqual(wide.timeline[5]);
    expect(page.corrupt).toBeUndefined();
  });

  it('reports an incident whose files changed behind the open store in a page, and lists the others', async () => {
    store = fileStore(dir);
    for (const [id, minute] of [['PO-1', 1], ['PO-2', 2], ['PO-3', 3]] as const) {
      await put(store, makeIncident(id, { openedAt: `2024-05-01T08:0${minute}:00.000Z`, timeline: appendEntries([], 3) }), 0);
    }
    const state = JSON.parse(await readFile(stateOf('PO-2'), 'utf8')) as { head: { length: number } };
    await writeFile(stateOf('PO-2'), JSON.stringify({ ...state, head: { ...state.head, length: 2 } }));
    await writeFile(timelineOf('PO-3'), (await readFile(timelineOf('PO-3'), 'utf8')).replace(/"seq":2/, '"seq":7'));
    const page = await store.listPage({ at: '2024-05-01T10:00:00.000Z', limit: 10 });
    expect(page.incidents.map((i) => i.id)).toEqual(['PO-1']);
    expect(page.corrupt?.map((c) => [c.incidentId, c.error.code])).toEqual([['PO-2', 'corrupt-incident'], ['PO-3', 'corrupt-incident']]);
    expect(page.corrupt?.[0]?.error.message).toMatch(/PO-2\.state\.json: holds timeline head 2\/.*changed outside the store/);
    expect(page.corrupt?.[1]?.error.message).toMatch(/PO-3\.timeline\.jsonl: line 3 is not the entry the incident's state was saved after/);
  });

  it('deletes temporary files left by a crash on open, and ignores unrelated files', async () => {
    await writeFile(join(dir, '.PO-1.state.json.0123456789abcdef.tmp'), '{"half":');
    await writeFile(join(dir, '.planwright.lock.4242.deadbeef'), '4242\n'); // an earlier version's lock temp file
    await writeFile(join(dir, '..planwright.lock.0123456789abcdef.tmp'), '4242\n'); // the lock's temp file now
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    store = fileStore(dir);
    await put(store, makeIncident('PO-1'), 0);
    expect((await store.list()).map((i) => i.id)).toEqual(['PO-1']);
    expect((await readdir(dir)).sort()).toEqual(['.planwright-store.json', '.planwright.lock', 'PO-1.state.json', 'PO-1.timeline.jsonl', 'notes.txt']);
  });

  it('refuses a folder marked with another format', async () => {
    await writeFile(join(dir, '.planwright-store.json'), '{"format":3}');
    store = fileStore(dir);
    await expect(store.list()).rejects.toThrow(/says format 3; this planwright reads format 2/);
  });

  describe('a v1 folder (one <id>.json document per incident, as planwright before runtime v2 wrote it)', () => {
    const v1Folder = async () => {
      const long = makeIncident('PO-1', { timeline: appendEntries([], 40), version: 40, deadlines: [deadline('first-report', '2024-05-01T09:00:00.000Z')], outbox: [effect('PO-1', 39)] });
      const short = makeIncident('PO-2', { severity: 'II' });
      for (const incident of [long, short]) await writeFile(join(dir, `${incident.id}.json`), JSON.stringify(incident));
      return { long, short };
    };

    it('is migrated on open: same incidents, deadlines and outboxes; old documents removed', async () => {
      const { long, short } = await v1Folder();
      store = fileStore(dir);
      expect(await store.list()).toEqual([long, short]);
      expect((await readdir(dir)).sort()).toEqual([
        '.planwright-store.json',
        '.planwright.lock',
        'PO-1.state.json',
        'PO-1.timeline.jsonl',
        'PO-2.state.json',
        'PO-2.timeline.jsonl',
      ]);
      expect(await linesOf('PO-1')).toHaveLength(41);
      expect((await store.dueBefore('2024-05-02T00:00:00Z')).map((d) => d.incidentId)).toEqual(['PO-1']);
      expect(await store.withPendingEffects()).toEqual(['PO-1']);
      const next = nextVersion(long);
      await put(store, next, 40);
      await store.close();
      store = fileStore(dir);
      expect(await store.get('PO-1')).toEqual(next);
    });

    it('is migrated again after a crash half-way (a timeline without state), and a leftover beside a state is removed', async () => {
      const { long, short } = await v1Folder();
      // PO-1: the crash came after its timeline file was written, before its state: migrated again.
      await writeFile(timelineOf('PO-1'), `${JSON.stringify(long.timeline[0])}\n{"torn`);
      // PO-2: the crash came after its state was written, before its old document was removed.
      store = fileStore(dir);
      await store.list();
      await store.close();
      await writeFile(join(dir, 'PO-2.json'), JSON.stringify({ ...short, title: 'stale leftover' }));
      await rm(stateOf('PO-1'));
      await writeFile(join(dir, 'PO-1.json'), JSON.stringify(long));
      store = fileStore(dir);
      expect(await store.list()).toEqual([long, short]);
      expect((await readdir(dir)).filter((n) => n.endsWith('.json') && !n.endsWith('.state.json') && !n.startsWith('.'))).toEqual([]);
    });

    it('keeps an unreadable v1 document in place, corrupt, and migrates the others', async () => {
      const { short } = await v1Folder();
      await writeFile(join(dir, 'PO-1.json'), '{"id": "PO-1", "version": ');
      store = fileStore(dir);
      expect(await store.list()).toEqual([short]);
      const error = await store.get('PO-1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptIncidentError);
      expect((error as CorruptIncidentError).source).toBe(join(dir, 'PO-1.json'));
      expect((await store.corrupt()).map((c) => c.incidentId)).toEqual(['PO-1']);
      expect(await readFile(join(dir, 'PO-1.json'), 'utf8')).toBe('{"id": "PO-1", "version": ');
    });
  });

  describe('repair on open', () => {
    it('cuts a torn last line and the lines of a save never acknowledged', async () => {
      store = fileStore(dir);
      const a = makeIncident('PO-1', { timeline: appendEntries([], 3) });
      await put(store, a, 0);
      await store.close();
      const unacknowledged = appendEntries(a.timeline, 2).slice(3);
      const acknowledged = await readFile(timelineOf('PO-1'), 'utf8');
      await writeFile(timelineOf('PO-1'), `${acknowledged}${JSON.stringify(unacknowledged[0])}\n${JSON.stringify(unacknowledged[1]).slice(0, 30)}`);
      store = fileStore(dir);
      expect(await store.get('PO-1')).toEqual(a);
      expect(await readFile(timelineOf('PO-1'), 'utf8')).toBe(acknowledged);
      const b = nextVersion(a);
      await put(store, b, 1);
      await store.close();
      store = fileStore(dir);
      expect(await store.get('PO-1')).toEqual(b);
    });

    it('deletes a timeline with no state (a first save never acknowledged)', async () => {
      await writeFile(timelineOf('PO-9'), `${JSON.stringify(appendEntries([], 1)[0])}\n`);
      store = fileStore(dir);
      expect(await store.list()).toEqual([]);
      expect(await store.get('PO-9')).toBeUndefined();
      expect((await readdir(dir)).filter((n) => n.startsWith('PO-9'))).toEqual([]);
    });
  });

  describe('one corrupt incident among others', () => {
    const corruptions: Array<{ name: string; apply: () => Promise<void>; reason: RegExp; file: 'state' | 'timeline' }> = [
      { name: 'a state file that is not JSON', apply: () => writeFile(stateOf('PO-2'), '{"id": "PO-2", "version": '), reason: /PO-2\.state\.json: not valid JSON/, file: 'state' },
      {
        name: 'a timeline shorter than the state says',
        apply: async () => writeFile(timelineOf('PO-2'), `${(await linesOf('PO-2')).slice(0, 2).join('\n')}\n`),
        reason: /PO-2\.timeline\.jsonl: holds 2 whole timeline entries, but the incident's state was saved with 4/,
        file: 'timeline',
      },
      {
        name: 'a timeline line that breaks the chain',
        apply: async () => {
          const lines = await linesOf('PO-2');
          lines.splice(1, 1);
          await writeFile(timelineOf('PO-2'), lines.join('\n'));
        },
        reason: /PO-2\.timeline\.jsonl: line 2 does not continue the chain/,
        file: 'timeline',
      },
      {
        name: 'a state whose fields are not an incident',
        apply: async () => {
          const state = JSON.parse(await readFile(stateOf('PO-2'), 'utf8')) as Record<string, unknown>;
          await writeFile(stateOf('PO-2'), JSON.stringify({ ...state, version: 'two', deadlines: [deadline('d', 'soon')] }));
        },
        reason: /deadlines\.0\.dueAt: an ISO 8601 time; version: /,
        file: 'state',
      },
      {
        name: 'a state holding another incident id',
        apply: async () => {
          const state = JSON.parse(await readFile(stateOf('PO-2'), 'utf8')) as Record<string, unknown>;
          await writeFile(stateOf('PO-2'), JSON.stringify({ ...state, id: 'PO-5' }));
        },
        reason: /PO-2\.state\.json: holds incident id "PO-5", not "PO-2"/,
        file: 'state',
      },
    ];
    for (const corruption of corruptions) {
      it(`isolates ${corruption.name}: get and save of it reject naming the file; the others are listed, due and saved`, async () => {
        store = fileStore(dir);
        const ids = ['PO-1', 'PO-2', 'PO-3'];
        const saved = ids.map((id) => makeIncident(id, { timeline: appendEntries([], 4), deadlines: [deadline('first-report', '2024-05-01T09:00:00.000Z')], outbox: [effect(id, 3)] }));
        for (const incident of saved) await put(store, incident, 0);
        await store.close();
        await corruption.apply();

        store = fileStore(dir);
        expect((await store.list()).map((i) => i.id)).toEqual(['PO-1', 'PO-3']);
        expect((await store.dueBefore('2024-05-02T00:00:00Z')).map((d) => d.incidentId)).toEqual(['PO-1', 'PO-3']);
        expect(await store.withPendingEffects()).toEqual(['PO-1', 'PO-3']);
        const error = await store.get('PO-2').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CorruptIncidentError);
        expect((error as CorruptIncidentError).source).toBe(corruption.file === 'state' ? stateOf('PO-2') : timelineOf('PO-2'));
        expect((error as Error).message).toMatch(corruption.reason);
        await expect(put(store, nextVersion(saved[1]!), 1)).rejects.toBeInstanceOf(CorruptIncidentError);
        expect((await store.corrupt()).map((c) => c.incidentId)).toEqual(['PO-2']);
        await put(store, nextVersion(saved[0]!), 1);
        expect((await store.get('PO-1'))?.version).toBe(2);
      });
    }
  });

  it('re-reads the on-disk version before writing (a change behind its back is a conflict)', async () => {
    store = fileStore(dir);
    const a = makeIncident('PO-1');
    await put(store, a, 0);
    const elsewhere = JSON.parse(await readFile(stateOf('PO-1'), 'utf8')) as Record<string, unknown>;
    await writeFile(stateOf('PO-1'), JSON.stringify({ ...elsewhere, version: 2, title: 'written elsewhere' }));
    const timelineBefore = await readFile(timelineOf('PO-1'), 'utf8');
    const error = await put(store, nextVersion(a, { title: 'mine' }), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await store.get('PO-1'))?.title).toBe('written elsewhere');
    expect(await readFile(timelineOf('PO-1'), 'utf8')).toBe(timelineBefore);
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
    await expect(put(store, makeIncident('PO-1', { deadlines: [deadline('d', 'tomorrow')] }), 0)).rejects.toThrow(
      /cannot be saved.*deadlines\.0\.dueAt/,
    );
    expect(await store.list()).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['.planwright-store.json', '.planwright.lock']);
  });

  it('rejects calls after close', async () => {
    store = fileStore(dir);
    await put(store, makeIncident('PO-1'), 0);
    await store.close();
    await expect(store.get('PO-1')).rejects.toThrow(/closed/);
  });

  it('recovers the acknowledged incident when the process is killed between the timeline append and the state replace', async () => {
    // The child kills itself (SIGKILL) at the rename that would replace PO-1's state during its
    // second save: the new timeline line is appended and flushed, the state is still the old one.
    const script = `
      import fsp from 'node:fs/promises';
      import { syncBuiltinESMExports } from 'node:module';
      import { fileStore } from ${JSON.stringify(new URL('../../src/runtime/stores/file-store.ts', import.meta.url).pathname)};
      import { makeIncident, nextVersion, put } from ${JSON.stringify(new URL('./fixtures.ts', import.meta.url).pathname)};
      const store = fileStore(process.argv[1]);
      const first = makeIncident('PO-1');
      await put(store, first, 0);
      const rename = fsp.rename;
      fsp.rename = async (from, to) => {
        if (String(to).endsWith('PO-1.state.json')) process.kill(process.pid, 'SIGKILL');
        return rename(from, to);
      };
      syncBuiltinESMExports();
      await put(store, nextVersion(first, { stage: 'response' }, 2), 1);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    const [, signal] = (await new Promise((r) => child.once('exit', (...args) => r(args)))) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    // The appended lines are on disk, beyond what the state acknowledges.
    expect((await readFile(timelineOf('PO-1'), 'utf8')).split('\n').filter((line) => line !== '')).toHaveLength(3);

    store = fileStore(dir);
    const recovered = await store.get('PO-1');
    expect(recovered).toEqual(makeIncident('PO-1'));
    expect((await readFile(timelineOf('PO-1'), 'utf8')).split('\n').filter((line) => line !== '')).toHaveLength(1);
    const next = nextVersion(recovered!, { stage: 'response' });
    await put(store, next, 1);
    await store.close();
    store = fileStore(dir);
    expect(await store.get('PO-1')).toEqual(next);
  });

  it('leaves only whole documents when the writing process is killed mid-run', async () => {
    const script = `
      import { fileStore } from ${JSON.stringify(new URL('../../src/runtime/stores/file-store.ts', import.meta.url).pathname)};
      import { makeIncident, nextVersion, put } from ${JSON.stringify(new URL('./fixtures.ts', import.meta.url).pathname)};
      const store = fileStore(process.argv[1]);
      const ids = ['K-1', 'K-2', 'K-3'];
      const docs = ids.map((id) => makeIncident(id, { data: { blob: 'x'.repeat(20000) } }));
      for (const d of docs) await put(store, d, 0);
      process.stdout.write('ready\\n');
      for (let round = 0; ; round++) {
        await Promise.all(docs.map(async (d, i) => {
          const next = nextVersion(d, { data: { blob: String(round).repeat(20000) } });
          await put(store, next, d.version);
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
