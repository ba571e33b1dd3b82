// Shared by the adapter tests: HTTP calls as a person of the plan, a test-only authenticate that
// reads the person from two headers, and a reader of the server-sent change events.
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../src/runtime/index.js';
import type { ChangeEventData, ErrorBody } from '../../src/fastify/index.js';

/** People of the seed plan and of the city-flood plan, with their roles. */
export const people = {
  wang: ['info-officer'],
  li: ['it-head'],
  zhang: ['department-head'],
  chen: ['publicity-head'],
  liu: ['customer-service'],
  ma: ['met-forecaster'],
  he: ['hydrologist'],
  commander: ['city-hq-commander'],
} as const satisfies Record<string, readonly string[]>;
export type Person = keyof typeof people;

/** Test-only: the person named by `x-person-id` (roles from `people`). Never do this in a service. */
export function personFromTestHeaders(request: { headers: IncomingHttpHeaders }): Actor | undefined {
  const id = request.headers['x-person-id'];
  if (typeof id !== 'string' || !Object.hasOwn(people, id)) return undefined;
  return { id, roles: [...people[id as Person]] };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type ErrorReplyBody = ErrorBody;

/** One HTTP call; `as` signs it as a person, `body` is sent as JSON, `raw` as it is. */
export async function call<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { as?: Person; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as !== undefined) headers['x-person-id'] = options.as;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: (type.startsWith('application/json') ? JSON.parse(text) : text) as T, headers: response.headers };
}

/** An open `GET /changes` stream: the change events so far, and a wait for the next ones. */
export interface ChangeReader {
  events: ChangeEventData[];
  /** Resolves once `predicate` holds for the events read (rejects after `timeoutMs`). */
  until(predicate: (events: ChangeEventData[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Opens `GET <path>` as `as` and parses its server-sent `change` events. */
export async function readChanges(url: string, path: string, as: Person): Promise<ChangeReader> {
  const abort = new AbortController();
  const response = await fetch(`${url}${path}`, { headers: { 'x-person-id': as, accept: 'text/event-stream' }, signal: abort.signal });
  if (response.status !== 200 || response.body === null) throw new Error(`change stream: ${response.status} ${await response.text()}`);
  if (response.headers.get('content-type') !== 'text/event-stream; charset=utf-8') throw new Error(`change stream type ${response.headers.get('content-type')}`);
  const events: ChangeEventData[] = [];
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();
  let buffered = '';
  void (async () => {
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end = buffered.indexOf('\n\n');
        while (end !== -1) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const lines = block.split('\n');
          if (lines.includes('event: change')) {
            const data = lines.find((line) => line.startsWith('data: '));
            if (data !== undefined) events.push(JSON.parse(data.slice('data: '.length)) as ChangeEventData);
          }
          end = buffered.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    until(predicate, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        if (predicate(events)) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such change events within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.incidentId, e.version, e.stage]))}`));
        }, timeoutMs);
        const check = (): void => {
          if (!predicate(events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
}
