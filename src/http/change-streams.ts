import type { ServerResponse } from 'node:http';
import type { Engine, EngineChange } from '../runtime/engine-types.js';
import type { ChangeStreamOptions } from './adapter-options.js';
import { HttpError } from './http-error.js';

/** One `change` event of `GET /changes`, as its `data:` line carries it. */
export interface ChangeEventData {
  incidentId: string;
  version: number;
  stage: string;
  severity: string | null;
  closed: boolean;
  /** The timeline entries the change added (for a change made by another instance: those this one had not seen). */
  entries: EngineChange['entries'];
}

const DEFAULT_MAX_STREAMS = 100;
const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The open `GET /changes` streams of one adapter: server-sent events fed by `engine.subscribe`
 * (which, over `postgresStore`, includes changes made by other instances). Bounded in number and
 * in unread bytes per client; {@link ChangeStreams.closeAll} ends them when the server stops.
 * @internal
 */
export class ChangeStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly maxStreams: number;
  private readonly heartbeatMs: number;
  private readonly maxBufferedBytes: number;

  constructor(
    private readonly engine: Engine,
    options: ChangeStreamOptions,
  ) {
    this.maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  }

  /** Streams open now. */
  get size(): number {
    return this.open.size;
  }

  /** Throws `unavailable` when the limit is reached (checked before the stream starts). */
  checkRoom(): void {
    if (this.open.size >= this.maxStreams) {
      throw new HttpError('unavailable', `${this.maxStreams} change streams are open already; try again later`, { maxStreams: this.maxStreams });
    }
  }

  /** Starts an event stream on `response`: every saved change (of `incidentId` only, when given). */
  start(response: ServerResponse, incidentId: string | undefined): void {
    this.checkRoom();
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(': planwright change stream\n\n');
    this.open.add(response);
    const write = (text: string): void => {
      if (response.writableLength > this.maxBufferedBytes) {
        response.end();
        return;
      }
      response.write(text);
    };
    const unsubscribe = this.engine.subscribe((change) => {
      if (incidentId !== undefined && change.incident.id !== incidentId) return;
      const { incident } = change;
      const data: ChangeEventData = {
        incidentId: incident.id,
        version: incident.version,
        stage: incident.stage,
        severity: incident.severity,
        closed: incident.closed,
        entries: change.entries,
      };
      write(`event: change\nid: ${incident.id}:${incident.version}\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), this.heartbeatMs);
    heartbeat.unref();
    response.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(response);
    });
  }

  /** Ends every open stream (the server is stopping). */
  closeAll(): void {
    for (const response of this.open) response.end();
  }
}
