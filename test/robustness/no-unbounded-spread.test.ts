// A spread in a call's arguments (`list.push(...items)`, `Math.max(...values)`, `fn.apply(x, items)`)
// puts every element on the stack: with ~125,000 items V8 throws "Maximum call stack size
// exceeded" (issue 17: an included file with a long list crashed the checker). Nothing in src/
// may spread a list of unknown length into a call; a spread of an array literal (a fixed, short
// list such as `...(min === undefined ? [] : [gte(min)])`) is allowed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [full] : [];
  });
}

/** Whether a spread's operand is a literal list (or a choice between literal lists). */
function isLiteralList(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isLiteralList(node.expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => !ts.isSpreadElement(element) || isLiteralList(element.expression));
  if (ts.isConditionalExpression(node)) return isLiteralList(node.whenTrue) && isLiteralList(node.whenFalse);
  return false;
}

/** `file:line: text` of every call that spreads a list of unknown length, or calls `.apply`. */
function unboundedSpreads(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node): string => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const args: readonly ts.Expression[] = node.arguments ?? [];
      if (args.some((argument) => ts.isSpreadElement(argument) && !isLiteralList(argument.expression))) found.push(at(node));
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply' && node.arguments.length > 1) found.push(at(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no spread of unbounded lists into calls', () => {
  it('finds the patterns it looks for (the check can fail)', () => {
    const sample = [
      'a.push(...items);',
      'Math.max(1, ...values.map((v) => v.n));',
      'Math.min(...values);',
      'String.fromCharCode.apply(null, codes);',
      'new Set(...lists);',
      'f(...(x ? [1] : []));', // allowed: literal lists
      'g([...items]);', // allowed: an array literal is built element by element
    ].join('\n');
    expect(unboundedSpreads(join(root, 'sample.ts'), sample).map((s) => s.split(': ')[1])).toEqual([
      'a.push(...items)',
      'Math.max(1, ...values.map((v) => v.n))',
      'Math.min(...values)',
      'String.fromCharCode.apply(null, codes)',
      'new Set(...lists)',
    ]);
  });

  it('src/ has none', () => {
    const found = sourceFiles(join(root, 'src')).flatMap((file) => unboundedSpreads(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
