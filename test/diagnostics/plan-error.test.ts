import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/create-diagnostic.js';
import { PlanError } from '../../src/diagnostics/plan-error.js';

describe('PlanError', () => {
  it('holds the diagnostics and names the first error in its message', () => {
    const warning = createDiagnostic('yaml-warning', { detail: 'Unresolved tag: !foo' }, [], { severity: 'warning', file: 'p.yaml' });
    const error = createDiagnostic('unknown-stage', { id: 'acts', known: ['act'], suggestion: 'act' }, ['stages', 0, 'on', 0, 'target'], {
      file: 'p.yaml',
      range: { start: { line: 7, column: 17 }, end: { line: 7, column: 21 } },
    });
    const e = new PlanError([warning, error]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PlanError');
    expect(e.diagnostics).toEqual([warning, error]);
    expect(e.message).toBe('the plan has 1 error; first: p.yaml:7:17: error unknown-stage unknown stage "acts". Did you mean "act"? Declare it under stages or write one of: "act".');
    expect(new PlanError([], 'custom').message).toBe('custom');
  });
});
