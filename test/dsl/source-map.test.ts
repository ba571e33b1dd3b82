import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/dsl/line-index.js';
import { SourceMap } from '../../src/dsl/source-map.js';

const at = (line: number): { range: { start: { line: number; column: number }; end: { line: number; column: number } } } => ({
  range: { start: { line, column: 1 }, end: { line, column: 2 } },
});

describe('SourceMap', () => {
  it('locates a path at its nearest recorded ancestor, and the root file when nothing matches', () => {
    const map = new SourceMap('plan.yaml');
    map.set(['stages'], { file: 'plan.yaml', ...at(2) });
    map.set(['stages', 1, 'on'], { file: 'plan.yaml', ...at(9) });
    expect(map.locate(['stages', 1, 'on', 0, 'event'])).toEqual({ file: 'plan.yaml', ...at(9) });
    expect(map.locate(['stages', 1, 'title'])).toEqual({ file: 'plan.yaml', ...at(2) });
    expect(map.locate(['roles', 0])).toEqual({ file: 'plan.yaml' });
    expect(new SourceMap().locate(['x'])).toEqual({});
  });

  it('keeps list indices and mapping names apart (0 is not "0"), and later records win', () => {
    const map = new SourceMap();
    map.set(['a', 0], at(1));
    map.set(['a', '0'], at(2));
    map.set(['a', 1.5], at(3));
    map.set(['a', '1.5'], at(4));
    map.set(['a', 0], at(5));
    expect(map.locate(['a', 0])).toEqual(at(5));
    expect(map.locate(['a', -0])).toEqual(at(5));
    expect(map.locate(['a', '0'])).toEqual(at(2));
    expect(map.locate(['a', 1.5])).toEqual(at(3));
    expect(map.locate(['a', '1.5'])).toEqual(at(4));
    expect(map.locate(['a', 7])).toEqual({});
  });

  it('finds the mapping key of a path exactly, else the node as locate does', () => {
    const map = new SourceMap('p.yaml');
    map.set(['id'], { file: 'p.yaml', ...at(1) });
    map.setKey(['id'], { file: 'p.yaml', ...at(7) });
    expect(map.locateKey(['id'])).toEqual({ file: 'p.yaml', ...at(7) });
    expect(map.locateKey(['id', 'x'])).toEqual({ file: 'p.yaml', ...at(1) });
  });

  it('records offsets and turns them into lines and columns only when located', () => {
    const text = 'id: p\nroles:\n  - a\n';
    const map = new SourceMap('p.yaml', new LineIndex(text));
    const roles = map.root.child('roles');
    map.setOffsets(roles, text.indexOf('roles'), text.indexOf('roles') + 5, true);
    map.setOffsets(roles.child(0), text.indexOf('a'), text.indexOf('a') + 1);
    expect(map.locateKey(['roles'])).toEqual({ file: 'p.yaml', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 6 } } });
    expect(map.locate(['roles', 0, 'id'])).toEqual({ file: 'p.yaml', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 6 } } });
  });

  it('grafts another file’s list items after the plan’s own, in that file', () => {
    const plan = new SourceMap('plan.yaml');
    plan.set(['stages', 0], { file: 'plan.yaml', ...at(3) });
    const text = 'stages:\n  - id: x\n  - id: y\n';
    const part = new SourceMap('part.yaml', new LineIndex(text));
    const stages = part.root.child('stages');
    part.setOffsets(stages, 8, text.length);
    part.setOffsets(stages.child(0), 10, 17);
    part.setOffsets(stages.child(1).child('id'), 22, 24, true);
    plan.graftList(part, 'stages', 1);
    expect(plan.locate(['stages', 0])).toEqual({ file: 'plan.yaml', ...at(3) });
    expect(plan.locate(['stages', 1, 'id'])).toEqual({ file: 'part.yaml', range: { start: { line: 2, column: 3 }, end: { line: 2, column: 10 } } });
    expect(plan.locateKey(['stages', 2, 'id'])).toEqual({ file: 'part.yaml', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 7 } } });
    // The included list node itself is not grafted (the plan's list keeps its own position, if any).
    expect(plan.locate(['stages'])).toEqual({ file: 'plan.yaml' });
  });
});
