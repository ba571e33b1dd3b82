import pkg from '../../package.json' with { type: 'json' };

/** The planwright package version (written into bundles). */
export const PLANWRIGHT_VERSION: string = pkg.version;
