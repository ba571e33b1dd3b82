import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { createParseCache, type PlanDefinition, planJsonSchema, type ReferenceKind, RosterSchema, STARTER_PATHS, starterFiles, type StarterLocale } from '../index.js';
import { analyzePlan, referencePatterns } from './analyze-plan.js';
import { completeIds } from './complete-ids.js';
import { computeOpening, isCurrent, type Opening, type PlanText, type UiLocale } from './opening.js';
import { runDrills } from './drill-runs.js';
import { actorOf, Rehearsals } from './rehearsal.js';
import { StudioError } from './studio-error.js';
import { versionOf, Workspace, type VersionedText } from './workspace.js';

/** Largest request body the studio reads (a plan is at most 1 MiB; texts of its includes ride along). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Options of {@link startStudio}. */
export interface StudioOptions {
  /**
   * The plan file (absolute or relative to `cwd`). Without one, the studio works in `cwd` and the
   * page offers a starter plan (what `planwright init` writes) that saving turns into
   * `emergency.plan.yaml` there.
   */
  planFile?: string;
  /** Language of the starter plan offered when there is no plan file (default `en`). */
  starterLocale?: StarterLocale;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Folder the plan file is relative to (default `process.cwd()`). */
  cwd?: string;
  /** Extra folders of drill files (granted for reading and writing). */
  drillFolders?: readonly string[];
  /** Roster files to pick acting people from (must be inside the plan's folder or a drill folder). */
  rosterFiles?: readonly string[];
  /** Folder of the page's assets (default: `dist/studio` of the installed package). */
  assetsDir?: string;
  /** The per-run token (default: 24 random bytes, hex); tests pass their own. */
  token?: string;
}

/** A running studio. */
export interface StudioServer {
  /** The URL to open, with the token: `http://127.0.0.1:PORT/?token=…`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Stops watching, closes every connection and the server. */
  close(): Promise<void>;
}

const DRILL_FILE = /\.drill\.(ya?ml|json)$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The default assets folder: `dist/studio` next to the built CLI, or of the repository when run from source. */
function defaultAssetsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'studio'), path.resolve(here, '../../dist/studio'), path.resolve(here, '../studio')]) {
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return path.join(here, 'studio');
}

/** The starter plan `planwright init` writes, in a language, with the schema hint of a project that installed planwright. */
function starterPlanText(locale: StarterLocale): string {
  const plan = starterFiles({ locale, example: 'basic', schemaPath: 'node_modules/planwright/schema.json' }).find((file) => file.path === STARTER_PATHS.plan);
  return plan?.content ?? '';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new StudioError(413, 'body-too-large', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new StudioError(413, 'body-too-large', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new StudioError(400, 'bad-json', 'the request body is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new StudioError(400, 'bad-json', 'the request body must be a JSON object');
  return value as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new StudioError(400, 'bad-request', `"${name}" must be a string`);
  return value;
}

function textsOf(body: Record<string, unknown>): Map<string, string> {
  const raw = body['texts'];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new StudioError(400, 'bad-request', '"texts" must map file names to texts');
  const out = new Map<string, string>();
  for (const [name, text] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof text !== 'string') throw new StudioError(400, 'bad-request', `text of "${name}" must be a string`);
    out.set(name, text);
  }
  if (out.size > 50) throw new StudioError(400, 'bad-request', 'too many files');
  return out;
}

function localeOf(body: Record<string, unknown>): 'en' | 'zh-CN' {
  return body['locale'] === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * Starts the planner studio: a local web server on 127.0.0.1 serving the studio page and a small
 * JSON API over the plan's folder — check (checkPlan + lint), diagrams, id completion, drills,
 * rehearsals, atomic saves with conflict detection, and external edits pushed as server-sent
 * events. Every API call must carry the per-run token; `Host` and `Origin` must name this server
 * (DNS rebinding); files are read and written only inside the plan's folder and granted drill folders.
 *
 * @example
 * const studio = await startStudio({ planFile: 'plans/public-opinion.plan.yaml' });
 * console.log(studio.url); // http://127.0.0.1:41234/?token=…
 * await studio.close();
 */
export async function startStudio(options: StudioOptions): Promise<StudioServer> {
  const cwd = options.cwd ?? process.cwd();
  const planAbsolute = path.resolve(cwd, options.planFile ?? STARTER_PATHS.plan);
  if (options.planFile !== undefined && (!existsSync(planAbsolute) || !statSync(planAbsolute).isFile())) throw new StudioError(404, 'not-found', `plan file "${options.planFile}" does not exist`);
  if (options.planFile === undefined && existsSync(planAbsolute)) throw new StudioError(409, 'plan-exists', `"${STARTER_PATHS.plan}" already exists here; open it: planwright studio ${STARTER_PATHS.plan}`);
  // No plan yet: the page starts from the starter text, in either language, until it is saved.
  const starter: Record<StarterLocale, string> | undefined =
    options.planFile === undefined
      ? {
          en: starterPlanText('en'),
          'zh-CN': starterPlanText('zh-CN'),
        }
      : undefined;
  const planDir = path.dirname(planAbsolute);
  const workspace = new Workspace(planDir, [path.join(planDir, 'drills'), ...(options.drillFolders ?? []).map((d) => path.resolve(cwd, d))]);
  const planFile = workspace.relative(workspace.resolve(path.basename(planAbsolute)));
  const token = options.token ?? randomBytes(24).toString('hex');
  const assetsDir = options.assetsDir ?? defaultAssetsDir();
  const rehearsals = new Rehearsals();
  // The plan file's parsed segments, kept between checks: a keystroke in a large plan re-parses one segment.
  const parseCache = createParseCache();
  const patterns = new Map<string, ReferenceKind>();
  let lastDefinition: PlanDefinition | undefined;
  const rosterFiles = (options.rosterFiles ?? []).map((file) => workspace.relative(workspace.resolve(path.relative(workspace.root, path.resolve(cwd, file)))));
  let port = 0;

  // External edits: watch every file the page has open (and the drill folders) and push changes.
  const listeners = new Set<ServerResponse>();
  const watchers = new Map<string, FSWatcher>();
  const known = new Map<string, string>();
  const push = (event: string, data: unknown): void => {
    for (const listener of listeners) listener.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const checkChanged = (name: string): void => {
    let current: VersionedText;
    try {
      current = workspace.read(name);
    } catch {
      return;
    }
    if (known.get(name) === current.version) return;
    known.set(name, current.version);
    push('file-changed', current);
  };
  const watchFile = (name: string, version: string): void => {
    known.set(name, version);
    if (watchers.has(name)) return;
    try {
      // Watch the folder, not the file: editors that save by rename replace the file's inode.
      const file = workspace.resolve(name);
      const watcher = watch(path.dirname(file), (_type, changed) => {
        if (changed === null || changed.toString() === path.basename(file)) setTimeout(() => checkChanged(name), 30);
      });
      watcher.on('error', () => undefined);
      watchers.set(name, watcher);
    } catch {
      // A file that cannot be watched is still saved with conflict detection.
    }
  };

  // The first view (plan, includes and their check in the page's first language), worked out before
  // the page asks for it (when the server starts) and kept while the files it read are unchanged on
  // disk: a page load then costs no check on the server. See docs/studio.md, "How the first load works".
  const planMissing = (): boolean => !existsSync(planAbsolute);
  let cachedOpening: Opening | undefined;
  let openingLocale: UiLocale = options.starterLocale ?? 'en';
  let schema: ReturnType<typeof planJsonSchema> | undefined;
  const opening = (): Opening => {
    if (cachedOpening !== undefined && isCurrent(cachedOpening, workspace, planMissing)) return cachedOpening;
    const plan: PlanText = starter !== undefined && planMissing() ? { kind: 'starter', text: starter[options.starterLocale ?? 'en'] } : { kind: 'disk' };
    cachedOpening = computeOpening(workspace, planFile, plan, openingLocale, parseCache);
    openingLocale = cachedOpening.locale;
    return cachedOpening;
  };

  const drillFiles = (): string[] => workspace.list(workspace.folders, (name) => DRILL_FILE.test(name));

  const api = async (route: string, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (route === 'events' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': studio\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (request.method !== 'POST' && request.method !== 'GET') throw new StudioError(405, 'method-not-allowed', 'use GET or POST');
    const body = request.method === 'POST' ? await readBody(request) : {};
    switch (route) {
      case 'session': {
        const first = opening();
        if (first.definition !== undefined) {
          lastDefinition = first.definition;
          referencePatterns(first.definition, patterns);
        }
        // A starter plan not on disk yet is watched too (version ''): a file created there by another editor is pushed.
        for (const file of first.files) watchFile(file.path, file.version ?? '');
        const rosters: Array<{ file: string; people: Array<{ id: string; name?: string; roles: string[] }> }> = [];
        for (const file of [...rosterFiles, ...workspace.list([workspace.root], (name) => /^roster.*\.ya?ml$/.test(name))]) {
          if (rosters.some((r) => r.file === file)) continue;
          try {
            const parsed = RosterSchema.safeParse(parseYaml(workspace.read(file).text));
            if (parsed.success) rosters.push({ file, people: parsed.data.people.map((p) => ({ id: p.id, ...(p.name === undefined ? {} : { name: p.name }), roles: [...p.roles] })) });
          } catch {
            // Unreadable rosters are skipped; people can be typed in.
          }
        }
        sendJson(response, 200, {
          planFile,
          files: first.files,
          drills: drillFiles(),
          rosters,
          locales: first.definition?.locales ?? first.analysis.locales,
          locale: first.locale,
          analysis: first.analysis,
          ...(first.files[0]?.version === null && starter !== undefined ? { starter } : {}),
        });
        return;
      }
      case 'schema': {
        schema ??= planJsonSchema();
        sendJson(response, 200, schema);
        return;
      }
      case 'check': {
        const texts = textsOf(body);
        if (!texts.has(planFile)) throw new StudioError(400, 'bad-request', `"texts" must hold the plan file "${planFile}"`);
        const result = analyzePlan(workspace, planFile, texts, localeOf(body), parseCache);
        if (result.definition !== undefined) {
          lastDefinition = result.definition;
          referencePatterns(result.definition, patterns);
        }
        sendJson(response, 200, result.analysis);
        return;
      }
      case 'complete': {
        const text = stringField(body, 'text');
        const offset = body['offset'];
        if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > text.length) throw new StudioError(400, 'bad-request', '"offset" must be a position in the text');
        sendJson(response, 200, completeIds(text, offset, patterns, lastDefinition, localeOf(body)));
        return;
      }
      case 'file': {
        const file = workspace.read(body['path'] ?? url.searchParams.get('path'));
        watchFile(file.path, file.version);
        sendJson(response, 200, file);
        return;
      }
      case 'save': {
        const text = stringField(body, 'text');
        const base = body['baseVersion'];
        if (base !== null && typeof base !== 'string') throw new StudioError(400, 'bad-request', '"baseVersion" must be the version loaded, or null for a new file');
        const saved = workspace.save(body['path'], text, base, body['force'] === true);
        if (saved.conflict !== undefined) {
          sendJson(response, 409, { error: { code: 'conflict', message: `"${saved.path}" changed on disk since it was loaded` }, disk: saved.conflict });
          return;
        }
        watchFile(saved.path, saved.version);
        known.set(saved.path, saved.version);
        sendJson(response, 200, { path: saved.path, version: saved.version });
        return;
      }
      case 'drills': {
        sendJson(response, 200, { drills: drillFiles() });
        return;
      }
      case 'drills/run': {
        const texts = textsOf(body);
        const locale = localeOf(body);
        const result = analyzePlan(workspace, planFile, texts, locale, parseCache);
        if (result.definition === undefined) throw new StudioError(422, 'plan-invalid', 'fix the plan\'s errors before running drills');
        const names = Array.isArray(body['drills']) ? (body['drills'] as unknown[]).filter((d): d is string => typeof d === 'string') : drillFiles();
        const drillTexts = body['drillTexts'] as Record<string, unknown> | undefined;
        const drills = names.slice(0, 200).map((name) => {
          const given = drillTexts?.[name];
          return { file: name, text: typeof given === 'string' ? given : workspace.read(name).text };
        });
        sendJson(response, 200, await runDrills(result.definition, drills, locale));
        return;
      }
      case 'rehearsal/open': {
        const result = analyzePlan(workspace, planFile, textsOf(body), localeOf(body), parseCache);
        if (result.definition === undefined) throw new StudioError(422, 'plan-invalid', 'fix the plan\'s errors before a rehearsal');
        const severity = typeof body['severity'] === 'string' ? body['severity'] : undefined;
        const start = typeof body['start'] === 'string' && body['start'] !== '' ? body['start'] : undefined;
        const view = await rehearsals.open(result.definition, {
          by: actorOf(body['by']),
          title: stringField(body, 'title').slice(0, 200),
          category: stringField(body, 'category'),
          ...(severity === undefined ? {} : { severity }),
          ...(start === undefined ? {} : { start }),
          locale: localeOf(body),
        });
        sendJson(response, 200, view);
        return;
      }
      case 'rehearsal/available': {
        sendJson(response, 200, { events: await rehearsals.available(body['id'], actorOf(body['actor']), localeOf(body)) });
        return;
      }
      case 'rehearsal/send': {
        const data = body['data'] ?? {};
        if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new StudioError(400, 'bad-request', '"data" must be an object of field values');
        sendJson(response, 200, await rehearsals.send(body['id'], actorOf(body['actor']), stringField(body, 'event'), data as Record<string, unknown>, localeOf(body)));
        return;
      }
      case 'rehearsal/advance': {
        sendJson(response, 200, await rehearsals.advance(body['id'], body['by']));
        return;
      }
      case 'rehearsal/export': {
        sendJson(response, 200, await rehearsals.export(body['id'], localeOf(body)));
        return;
      }
      default:
        throw new StudioError(404, 'no-such-api', `no API "${route}"`);
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const host = request.headers.host ?? '';
    if (!origins.includes(`http://${host}`)) throw new StudioError(403, 'bad-host', 'the Host header does not name this studio');
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) throw new StudioError(403, 'bad-origin', 'requests from other sites are refused');
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      const given = (request.headers['x-studio-token'] as string | undefined) ?? url.searchParams.get('token') ?? '';
      if (!sameSecret(given, token)) throw new StudioError(401, 'bad-token', 'the studio token is missing or wrong (open the URL the command printed)');
      await api(url.pathname.slice('/api/'.length), request, response, url);
      return;
    }
    if (request.method !== 'GET') throw new StudioError(405, 'method-not-allowed', 'use GET');
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(assetsDir, name);
    if (path.relative(assetsDir, file).startsWith('..') || !existsSync(file) || !statSync(file).isFile()) throw new StudioError(404, 'not-found', `no asset "${name}"`);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    });
    response.end(readFileSync(file));
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof StudioError) sendJson(response, error.status, { error: { code: error.code, message: error.message } });
      else sendJson(response, 500, { error: { code: 'internal-error', message: error instanceof Error ? error.message.slice(0, 300) : 'internal error' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  // Work out the first view while the planner opens the URL; a failure here is reported by the session request.
  let closed = false;
  const warm = setImmediate(() => {
    if (closed) return;
    try {
      schema ??= planJsonSchema();
      opening();
    } catch {
      cachedOpening = undefined;
    }
  });
  return {
    url,
    port,
    token,
    async close() {
      closed = true;
      clearImmediate(warm);
      for (const watcher of watchers.values()) watcher.close();
      for (const listener of listeners) listener.end();
      listeners.clear();
      await rehearsals.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { versionOf };
