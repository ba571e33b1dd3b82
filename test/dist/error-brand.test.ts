// The published error classes: `instanceof` holds between the ESM and the CJS build (each build has
// its own classes), and `code`/`name` are stable.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import * as esm from 'planwright/runtime';

const require = createRequire(import.meta.url);
const cjs = require('planwright/runtime') as typeof esm;

describe('error classes across the ESM and CJS builds', () => {
  test('the builds have distinct classes, and instanceof still holds across them', () => {
    expect(cjs.InvalidIncidentIdError).not.toBe(esm.InvalidIncidentIdError);
    const fromCjs = new cjs.InvalidIncidentIdError('../x');
    expect(fromCjs instanceof esm.InvalidIncidentIdError).toBe(true);
    expect(fromCjs instanceof esm.PlanwrightError).toBe(true);
    expect(fromCjs instanceof esm.VersionConflictError).toBe(false);
    expect(new esm.VersionConflictError('a', 1, 2) instanceof cjs.VersionConflictError).toBe(true);
    expect(esm.isPlanwrightError(fromCjs, 'InvalidIncidentIdError')).toBe(true);
    expect(fromCjs.code).toBe('invalid-incident-id');
    expect(new Error('plain') instanceof esm.PlanwrightError).toBe(false);
  });

  test('every error class of the runtime entry has a name and a code', () => {
    const made = [
      new esm.InvalidIncidentIdError('../x'),
      new esm.VersionConflictError('a', 1, 2),
      new esm.CorruptIncidentError('file a.json', 'not JSON'),
      new esm.EngineError('disposed', 'gone'),
      new esm.BundleError('not-a-bundle', 'no'),
      new esm.IncidentDataError('a', 'bad'),
      new esm.DirectoryLockedError('/tmp/x', 1),
    ];
    expect(made.map((error) => [error.name, error.code])).toEqual([
      ['InvalidIncidentIdError', 'invalid-incident-id'],
      ['VersionConflictError', 'version-conflict'],
      ['CorruptIncidentError', 'corrupt-incident'],
      ['EngineError', 'disposed'],
      ['BundleError', 'not-a-bundle'],
      ['IncidentDataError', 'invalid-incident-data'],
      ['DirectoryLockedError', 'directory-locked'],
    ]);
  });
});
