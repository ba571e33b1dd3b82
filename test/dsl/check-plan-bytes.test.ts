// checkPlanBytes: a plan from standard input or an upload, checked like a plan file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanBytes, MAX_FILE_BYTES } from '../../src/index.js';

const valid = join(process.cwd(), 'test/fixtures/valid');
const minimal = readFileSync(join(valid, 'minimal.plan.yaml'));

describe('checkPlanBytes', () => {
  it('checks UTF-8 bytes (or a text) as the plan, named as given, asking for at most MAX_FILE_BYTES', () => {
    const asked: number[] = [];
    const result = checkPlanBytes('<stdin>', (maxBytes) => (asked.push(maxBytes), new Uint8Array(minimal)), { cwd: valid });
    expect(asked).toEqual([MAX_FILE_BYTES]);
    expect([result.ok, result.diagnostics, result.plan?.id]).toEqual([true, [], 'minimal']);
    expect([...result.sources.keys()]).toEqual(['<stdin>']);
    expect(checkPlanBytes('upload.yaml', () => minimal.toString('utf8')).plan?.id).toBe('minimal');
  });

  it('reads includes relative to cwd', () => {
    const text = readFileSync(join(valid, 'with-include.plan.yaml'));
    expect(checkPlanBytes('<stdin>', () => text, { cwd: valid }).ok).toBe(true);
    const elsewhere = checkPlanBytes('<stdin>', () => text, { cwd: process.cwd() });
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.diagnostics.map((d) => d.code)).toContain('include-not-found');
  });

  it('names a UTF-16 byte order mark at 1:1 instead of decoding it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal.toString('utf8'), 'utf16le')]);
    const result = checkPlanBytes('<stdin>', () => utf16, { locale: 'zh-CN' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.range?.start])).toEqual([['unsupported-encoding', '<stdin>', { line: 1, column: 1 }]]);
    expect(result.diagnostics[0]?.message).toContain('UTF-16LE');
  });

  it('turns an error of the reader into file-unreadable with its message (never throws)', () => {
    const result = checkPlanBytes('<stdin>', () => {
      throw new Error('standard input is not available here');
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['file-unreadable', '<stdin>', 'cannot read "<stdin>": standard input is not available here.'],
    ]);
  });
});
