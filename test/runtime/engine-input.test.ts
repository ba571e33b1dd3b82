import { describe, expect, it } from 'vitest';
import { parseEventInput } from '../../src/runtime/engine-input.js';

// Event input is checked with zod/mini schemas; these tests pin the errors a host sees: the path
// and the problem, the first three, and what the check keeps of a valid event.
const by = { id: 'u1', roles: ['info-officer'] };

describe('engine input', () => {
  it('keeps type, actor and data of a valid event, dropping unknown keys', () => {
    expect(parseEventInput({ type: 'REPORT', by: { ...by, extra: 1 }, data: { heat: 3 }, other: true })).toEqual({
      ok: true,
      event: { type: 'REPORT', by, data: { heat: 3 } },
    });
  });

  it('names the path and problem of each bad part, at most three', () => {
    const bad = (event: unknown) => {
      const result = parseEventInput(event);
      if (result.ok) throw new Error('accepted');
      return result.error;
    };
    expect(bad({ type: '', by }).message).toBe('invalid event: type: Too small: expected string to have >=1 characters');
    expect(bad({ type: 'X', by: { id: 'u1', roles: 'admin' } }).message).toBe('invalid event: by.roles: Invalid input: expected array, received string');
    expect(bad({ type: 'X', by: { id: 'u1', roles: Array.from({ length: 101 }, () => 'r') } }).message).toBe(
      'invalid event: by.roles: Too big: expected array to have <=100 items',
    );
    const error = bad({ type: 'x'.repeat(65), by: { id: '', roles: [''] } });
    expect(error.code).toBe('invalid-data');
    expect(error.message).toBe(
      'invalid event: type: Too big: expected string to have <=64 characters; by.id: Too small: expected string to have >=1 characters; by.roles.0: Too small: expected string to have >=1 characters',
    );
    expect(error.details).toEqual({
      issues: [
        { path: 'type', message: 'Too big: expected string to have <=64 characters' },
        { path: 'by.id', message: 'Too small: expected string to have >=1 characters' },
        { path: 'by.roles.0', message: 'Too small: expected string to have >=1 characters' },
      ],
    });
    expect(bad(7).message).toBe('invalid event: (root): Invalid input: expected object, received number');
  });
});
