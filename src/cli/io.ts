/** Where the CLI writes and what it knows about its surroundings (injected, so tests run it in-process). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder file arguments are relative to (default `process.cwd()`). */
  cwd?: string;
  /** Whether stdout is a terminal: then diagnostics get a code frame and colour. */
  isTTY?: boolean;
  /**
   * Standard input, for a plan argument `-`: its bytes up to `maxBytes + 1` (the binary reads file
   * descriptor 0; tests pass the text). Without it, `-` is reported as unreadable.
   */
  readStdin?: (maxBytes: number) => Uint8Array | string;
  /** Environment variables (default `process.env`): `LC_ALL`, `LC_MESSAGES` or `LANG` pick the language when neither `--locale` nor the plan does. */
  env?: Readonly<Record<string, string | undefined>>;
}
