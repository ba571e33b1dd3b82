/**
 * The plan schema's patterns, messages and value lists, for the zod schemas in this folder. They
 * live in src/plan-format/patterns.ts, outside the DSL, because the bundle check, the compiler and
 * the light `planwright/report` entry read them too without loading the DSL.
 */
export * from '../../plan-format/patterns.js';
