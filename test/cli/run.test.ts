import { describe, expect, it } from 'vitest';
import type { CliCommand } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { run } from '../../src/cli/run.js';
import { captureIo } from './capture-io.js';

describe('planwright (the binary)', () => {
  it('prints its help with --help, -h and help, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const io = captureIo();
      expect(await run(argv, io)).toBe(0);
      expect(io.out()).toMatch(/^Usage: planwright <command> \[options\]/);
      expect(io.out()).toMatch(/\n {2}validate +check plan files/);
      expect(io.err()).toBe('');
    }
  });

  it('prints its help on stderr and exits 2 without a command', async () => {
    const io = captureIo();
    expect(await run([], io)).toBe(2);
    expect(io.err()).toMatch(/^Usage: planwright/);
  });

  it('suggests a close command for an unknown one, exit 2', async () => {
    const io = captureIo();
    expect(await run(['valdate', 'x.yaml'], io)).toBe(2);
    expect(io.err()).toBe('planwright: unknown command "valdate". Did you mean "validate"? Run "planwright --help" for the list.\n');
  });

  it('prints a command help with <command> --help and help <command>', async () => {
    for (const argv of [['validate', '--help'], ['help', 'validate'], ['validate', 'x.yaml', '-h']]) {
      const io = captureIo();
      expect(await run(argv, io)).toBe(0);
      expect(io.out()).toMatch(/^Usage: planwright validate <plan>\.\.\. \[--json\] \[--locale zh-CN\]\n/);
      expect(io.out()).toContain('--locale <en|zh-CN>');
    }
  });

  it('refuses unknown options and locales, exit 2', async () => {
    const io = captureIo();
    expect(await run(['validate', '--frob', 'x.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/^planwright validate: Unknown option '--frob'/);
    const io2 = captureIo();
    expect(await run(['validate', '--locale', 'fr', 'x.yaml'], io2)).toBe(2);
    expect(io2.err()).toBe('planwright validate: unknown locale "fr"; use en or zh-CN.\n');
  });

  it('runs commands from the registry with parsed options, and reports their failures with exit 2', async () => {
    const seen: unknown[] = [];
    const echo: CliCommand = {
      name: 'echo',
      summary: 'echo',
      usage: 'echo <word> [--twice]',
      options: { twice: { type: 'boolean' } },
      run: ({ values, positionals, locale, cwd }) => {
        seen.push({ values, positionals, locale, cwd });
        return 1;
      },
    };
    const boom: CliCommand = { name: 'boom', summary: 'fails', usage: 'boom', run: () => Promise.reject(new Error('kaput')) };
    const io = captureIo({ cwd: '/tmp' });
    expect(await run(['echo', 'hi', '--twice', '--locale', 'zh-CN'], io, [echo, boom])).toBe(1);
    expect(seen).toEqual([{ values: { twice: true, locale: 'zh-CN' }, positionals: ['hi'], locale: 'zh-CN', cwd: '/tmp' }]);
    expect(await run(['boom'], io, [echo, boom])).toBe(2);
    expect(io.err()).toContain('planwright boom: unexpected failure, please report it:\nError: kaput');
  });

  it('registers every command once, each with a summary and usage', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    expect(COMMANDS.map((c) => c.name)).toContain('validate');
    for (const c of COMMANDS) expect(c.usage.startsWith(c.name)).toBe(true);
  });
});
