import type { Pool, PoolClient } from 'pg';
import type { StoredChange } from '../runtime/stores/store.js';

/** The PostgreSQL channel every planwright store notifies on; the payload names the schema. */
export const CHANGE_CHANNEL = 'planwright_changes';

/** How long a feed waits before listening again after its connection broke (ms). */
const RECONNECT_MS = 1000;

/**
 * The payload a save sends with `pg_notify`: `<schema> <version> <incident id>` (ids and schema
 * names have no spaces). Parsed back by {@link parseChangePayload}.
 */
export function changePayloadSql(schemaParam: string, versionParam: string, idParam: string): string {
  return `${schemaParam} || ' ' || ${versionParam}::text || ' ' || ${idParam}`;
}

/** The change a notification's payload names, if it is one of `schema`'s. */
export function parseChangePayload(payload: string | undefined, schema: string): StoredChange | undefined {
  const match = /^(\S+) (\d+) (\S+)$/.exec(payload ?? '');
  if (match === null || match[1] !== schema) return undefined;
  return { incidentId: match[3] as string, version: Number(match[2]) };
}

/**
 * Listens for saves of one schema's incidents, by any process, on one connection held from `pool`
 * while anybody watches. A broken connection is replaced after a second; changes saved meanwhile
 * are not replayed (a watcher that must not miss any re-reads what it shows on `onReconnect`).
 *
 * @example
 * ```ts
 * const feed = changeFeed(pool, 'planwright');
 * const stop = feed.watch((change) => console.log(change.incidentId, change.version));
 * ```
 */
export function changeFeed(pool: Pool, schema: string) {
  const watchers = new Set<(change: StoredChange) => void>();
  let client: PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const deliver = (message: { channel: string; payload?: string | undefined }): void => {
    if (message.channel !== CHANGE_CHANNEL) return;
    const change = parseChangePayload(message.payload, schema);
    if (change === undefined) return;
    for (const watcher of [...watchers]) {
      try {
        watcher(change);
      } catch {
        // A watcher's failure is its own; the feed goes on for the others.
      }
    }
  };

  const drop = (): void => {
    const current = client;
    client = undefined;
    if (current === undefined) return;
    current.removeAllListeners('notification');
    current.removeAllListeners('error');
    current.release(true);
  };

  const listen = (): Promise<void> => {
    connecting ??= (async () => {
      try {
        const connected = await pool.connect();
        connected.on('error', () => {
          drop();
          scheduleRetry();
        });
        connected.on('notification', deliver);
        await connected.query(`LISTEN ${CHANGE_CHANNEL}`);
        if (watchers.size === 0) connected.release();
        else client = connected;
      } catch {
        scheduleRetry();
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };

  function scheduleRetry(): void {
    if (watchers.size === 0 || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (watchers.size > 0 && client === undefined) void listen();
    }, RECONNECT_MS);
    retry.unref?.();
  }

  return {
    /** Calls `watcher` for each save of the schema's incidents; returns a function that stops it. */
    watch(watcher: (change: StoredChange) => void): () => void {
      watchers.add(watcher);
      if (client === undefined) void listen();
      return () => {
        watchers.delete(watcher);
        if (watchers.size > 0) return;
        if (retry !== undefined) clearTimeout(retry);
        retry = undefined;
        if (client !== undefined) {
          const current = client;
          client = undefined;
          current.removeAllListeners('notification');
          current.removeAllListeners('error');
          void current.query(`UNLISTEN ${CHANGE_CHANNEL}`).then(
            () => current.release(),
            () => current.release(true),
          );
        }
      };
    },
    /** Resolves once the feed is listening (or has given up for now); for tests and start-up. */
    listening(): Promise<void> {
      return connecting ?? Promise.resolve();
    },
    /** Stops watching everything and returns the connection. */
    close(): void {
      watchers.clear();
      if (retry !== undefined) clearTimeout(retry);
      retry = undefined;
      drop();
    },
  };
}
