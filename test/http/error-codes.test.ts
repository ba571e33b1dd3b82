// HTTP_STATUS covers every code planwright can answer with: the engine's (SEND_ERROR_CODES and
// EngineError's own) and the code of every PlanwrightError subclass in src/ (found by reading the
// sources, so a new error class without a status fails here as well as in the type check).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HTTP_STATUS, HttpError } from '../../src/fastify/index.js';
import { codeReply, errorReply } from '../../src/http/error-reply.js';
import { BundleError } from '../../src/bundle/index.js';
import { CorruptIncidentError, EngineError, InvalidIncidentIdError, SEND_ERROR_CODES, VersionConflictError } from '../../src/runtime/index.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Codes of the PlanwrightError subclasses in src/: literal `code = '…'` fields, or a code type's string literals. */
function thrownCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/export class (\w+) extends PlanwrightError \{([\s\S]*?)\n\}/g)) {
      const [, name, body] = match as unknown as [string, string, string];
      const literal = /readonly code = '([^']+)'/.exec(body);
      if (literal !== null) {
        codes.set(name, [literal[1]!]);
        continue;
      }
      const typed = /readonly code: (\w+)/.exec(body);
      expect(typed, `${name} in ${file} has neither a literal code nor a code type`).not.toBeNull();
      const typeName = typed![1]!;
      const declaration = sourceFiles('src')
        .map((candidate) => new RegExp(`export type ${typeName} =([^;]+);`).exec(readFileSync(candidate, 'utf8')))
        .find((found) => found !== null);
      expect(declaration, `type ${typeName}`).toBeDefined();
      codes.set(name, [...declaration![1]!.matchAll(/'([^']+)'/g)].map((literalMatch) => literalMatch[1]!));
    }
  }
  return codes;
}

describe('HTTP_STATUS', () => {
  test('has a status for every code of every PlanwrightError subclass in src/', () => {
    const codes = thrownCodes();
    expect(codes.size).toBeGreaterThanOrEqual(14);
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['EngineError', 'BundleError', 'CorruptIncidentError', 'TimelineIntegrityError', 'HttpError', 'AdapterOptionsError']));
    const missing = [...codes].flatMap(([name, list]) => list.filter((code) => !Object.hasOwn(HTTP_STATUS, code)).map((code) => `${name}: ${code}`));
    expect(missing).toEqual([]);
  });

  test("the engine's refusals: client errors with the status of their kind", () => {
    expect(Object.fromEntries(SEND_ERROR_CODES.map((code) => [code, HTTP_STATUS[code]]))).toEqual({
      'unknown-event': 400,
      'not-in-stage': 409,
      unauthorized: 403,
      'invalid-data': 422,
      closed: 409,
      'not-found': 404,
      conflict: 409,
      'plan-mismatch': 409,
      // not the client's fault: a stored incident that fails its integrity check (like corrupt-incident)
      corrupt: 500,
    });
  });

  test('a client error keeps its message and details; a server error shows only its code', () => {
    expect(errorReply(new InvalidIncidentIdError('../x'))).toMatchObject({ status: 404, serverError: false, body: { error: { code: 'invalid-incident-id' } } });
    expect(errorReply(new VersionConflictError('i-1', 3, 4)).status).toBe(409);
    const corrupt = errorReply(new CorruptIncidentError('/var/lib/incidents/i-1.json', 'not valid JSON'));
    expect(corrupt).toEqual({
      status: 500,
      serverError: true,
      body: { error: { code: 'corrupt-incident', message: 'the server could not complete the request (corrupt-incident)', details: {} } },
    });
    expect(errorReply(new BundleError('hash-mismatch', 'edited')).body.error.code).toBe('hash-mismatch');
    expect(errorReply(new EngineError('disposed', 'engine disposed')).status).toBe(503);
    expect(errorReply(new Error('anything else'))).toMatchObject({ status: 500, serverError: true, body: { error: { code: 'internal' } } });
    expect(errorReply(new HttpError('bad-request', 'no', { where: 'body' })).body).toEqual({ error: { code: 'bad-request', message: 'no', details: { where: 'body' } } });
    expect(codeReply('conflict', 'retry', { attempts: 5 })).toEqual({ status: 409, serverError: false, body: { error: { code: 'conflict', message: 'retry', details: { attempts: 5 } } } });
  });
});
