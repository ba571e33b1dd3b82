import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/diagnostics/code-frame.js';
import { compareDiagnostics } from '../../src/diagnostics/compare-diagnostics.js';
import { createDiagnostic } from '../../src/diagnostics/create-diagnostic.js';
import type { Diagnostic, SourceRange } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format-diagnostic.js';
import { formatDiagnosticLine } from '../../src/diagnostics/format-diagnostic-line.js';
import { formatPath } from '../../src/diagnostics/format-path.js';
import { toJsonDiagnostic } from '../../src/diagnostics/json-diagnostic.js';

const source = ['id: plan', 'stages:', '  - id: act', '    tittle: Act', '    title: { zh-CN: 应急响应实施, en: respond }', ''].join('\n');

function at(line: number, column: number, endColumn: number): SourceRange {
  return { start: { line, column }, end: { line, column: endColumn } };
}

const unknownKey = createDiagnostic('unknown-key', { key: 'tittle', allowed: ['title'], suggestion: 'title' }, ['stages', 0, 'tittle'], {
  file: 'plans/p.plan.yaml',
  range: at(4, 5, 11),
  target: 'key',
});

describe('formatDiagnostic', () => {
  it('prints file:line:col: error CODE message, then the line and a caret under the range', () => {
    expect(formatDiagnostic(unknownKey, source)).toMatchInlineSnapshot(`
      "plans/p.plan.yaml:4:5: error unknown-key unknown key "tittle". Did you mean "title"?
        4 |     tittle: Act
          |     ^^^^^^"
    `);
  });

  it('lines the caret up under wide (Chinese) characters', () => {
    const d = { ...unknownKey, range: at(5, 33, 40) }; // "respond", after six characters two columns wide
    expect(formatDiagnostic(d, source).split('\n').slice(1)).toEqual([
      '  5 |     title: { zh-CN: 应急响应实施, en: respond }',
      `    | ${' '.repeat('    title: { zh-CN: '.length + 6 * 2 + ', en: '.length)}^^^^^^^`,
    ]);
  });

  it('prints only the line without source text or range, with the path when there is no position', () => {
    expect(formatDiagnostic(unknownKey)).toBe(formatDiagnosticLine(unknownKey));
    const { range: _, ...unplaced } = unknownKey;
    expect(formatDiagnostic(unplaced, source)).toBe('plans/p.plan.yaml: error unknown-key unknown key "tittle". Did you mean "title"? (at stages[0].tittle)');
    const { file: __, ...nameless } = unplaced;
    expect(formatDiagnosticLine(nameless)).toBe('<plan>: error unknown-key unknown key "tittle". Did you mean "title"? (at stages[0].tittle)');
  });

  it('prints warnings as warnings', () => {
    expect(formatDiagnosticLine({ ...unknownKey, severity: 'warning' })).toMatch(/^plans\/p\.plan\.yaml:4:5: warning unknown-key /);
  });
});

describe('codeFrame', () => {
  it('underlines to the end of the first line of a multi-line range, at least one caret', () => {
    expect(codeFrame(source, { start: { line: 3, column: 5 }, end: { line: 5, column: 2 } })).toBe('  3 |   - id: act\n    |     ^^^^^^^');
    expect(codeFrame(source, at(6, 1, 1))).toBe('  6 | \n    | ^');
  });

  it('keeps tabs so the caret lines up, and colours it on request', () => {
    expect(codeFrame('\tkey: x', at(1, 2, 5), { color: true })).toBe('  1 | \tkey: x\n    | \t\u001b[31m^^^\u001b[39m');
  });

  it('shows a window of very long lines around the range', () => {
    const long = `${'x'.repeat(500)}BAD${'y'.repeat(500)}`;
    const frame = codeFrame(long, at(1, 501, 504));
    const [line, caret] = frame.split('\n');
    expect(line?.length).toBeLessThan(180);
    expect(line).toContain('…');
    expect(line?.indexOf('BAD')).toBe(caret?.indexOf('^^^'));
  });

  it('returns nothing for a line that is not in the text', () => {
    expect(codeFrame(source, at(99, 1, 2))).toBe('');
  });
});

describe('formatPath', () => {
  it.each<[Array<string | number>, string]>([
    [[], '(root)'],
    [['stages', 2, 'on', 0, 'by', 1], 'stages[2].on[0].by[1]'],
    [['title', 'zh-CN'], 'title.zh-CN'],
    [['due', 'odd key'], 'due["odd key"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('toJsonDiagnostic', () => {
  it('flattens a diagnostic into { code, severity, message, file, line, column, path }', () => {
    expect(toJsonDiagnostic(unknownKey)).toEqual({
      code: 'unknown-key',
      severity: 'error',
      message: 'unknown key "tittle". Did you mean "title"?',
      file: 'plans/p.plan.yaml',
      line: 4,
      column: 5,
      path: ['stages', 0, 'tittle'],
    });
    const { range: _, file: __, ...bare } = unknownKey;
    expect(toJsonDiagnostic(bare)).toMatchObject({ file: null, line: null, column: null });
  });
});

describe('compareDiagnostics', () => {
  it('orders by the given file order, then line and column, unplaced last in their file', () => {
    const d = (file: string, line?: number, column = 1): Diagnostic => {
      const out: Diagnostic = { code: 'x', severity: 'error', message: `${file}:${line}:${column}`, path: [], file };
      if (line !== undefined) out.range = at(line, column, column + 1);
      return out;
    };
    const sorted = [d('b.yaml', 1), d('a.yaml'), d('a.yaml', 3, 2), d('a.yaml', 3, 1), d('c.yaml', 1)].sort(compareDiagnostics(['a.yaml', 'b.yaml']));
    expect(sorted.map((x) => x.message)).toEqual(['a.yaml:3:1', 'a.yaml:3:2', 'a.yaml:undefined:1', 'b.yaml:1:1', 'c.yaml:1:1']);
  });
});
