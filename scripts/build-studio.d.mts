/** Builds the studio page into `outdir` (default dist/studio); returns the files' sizes in bytes. */
export function buildStudio(outdir?: string, options?: { minify?: boolean }): Promise<Record<string, number>>;
