// Mistakes a typed host must not be able to compile (test/dist/consumer-types.test.ts checks each
// error's line and code). Line numbers matter: add new lines at the end.
import { createEngine, type PlanBundle } from 'planwright/runtime';
import type { PublicOpinionPlan } from '../types/generated/public-opinion-types.js';

declare const bundle: PlanBundle;
const engine = createEngine<PublicOpinionPlan>(bundle, {
  effects: {
    pubish: () => {},
  },
});
export const typo = engine.send('id', { type: 'TYPO', by: { id: 'a', roles: ['info-officer'] } });
export const role = engine.send('id', { type: 'NOTE', by: { id: 'a', roles: ['nope'] }, data: { note: 'n' } });
export const field = engine.send('id', { type: 'NOTE', by: { id: 'a', roles: ['info-officer'] }, data: { bogus: 1 } });
export const number = createEngine(42);
