// In CI every property test runs with one fixed seed, so a submission's result is reproducible;
// locally each run draws a new seed and keeps exploring. PLANWRIGHT_FC_SEED picks a seed anywhere.
import fc from 'fast-check';

const fixed = process.env.PLANWRIGHT_FC_SEED ?? (process.env.CI ? '20261124' : undefined);
if (fixed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(fixed) });
