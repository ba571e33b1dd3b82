import { HttpError } from './http-error.js';

/**
 * A framework's own request error (body parser, URL decoding) as an {@link HttpError}, read from
 * the status it carries (`statusCode` in Fastify, `status` in Express's body-parser);
 * `undefined` for anything that is not a 4xx (then it is the server's problem).
 *
 * @example
 * frameworkError(Object.assign(new Error('too big'), { statusCode: 413 }), 1024)?.code; // 'payload-too-large'
 */
export function frameworkError(error: unknown, bodyLimit: number): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, status, message } = error as { statusCode?: unknown; status?: unknown; message?: unknown };
  const code = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
  const text = typeof message === 'string' ? message.slice(0, 300) : '';
  if (code === 413) return new HttpError('payload-too-large', `request body over ${bodyLimit} bytes`, { where: 'body', limit: bodyLimit });
  if (code === 415) return new HttpError('unsupported-media-type', 'send the request body as JSON (content-type: application/json; charset utf-8)', { where: 'body' });
  if (code === 400) {
    if (error instanceof SyntaxError || /JSON/i.test(text)) {
      return new HttpError('bad-request', `request body is not valid JSON: ${text}`, { where: 'body' });
    }
    if (/decode|url/i.test(text)) return new HttpError('bad-request', 'the request path is not valid percent-encoded UTF-8', { where: 'path' });
    return new HttpError('bad-request', text === '' ? 'bad request' : text, {});
  }
  return undefined;
}
