import fc from 'fast-check';
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { machineStep, machineStepReference } from '../../src/runtime/machine-state.js';
import { eventData, people, seedPlan } from './seed-fixtures.js';

const plan = seedPlan();
const shape = (r: { value: unknown; actions: Array<{ type: string; params?: unknown }> }) => ({
  value: r.value,
  actions: r.actions.map((a) => ({ type: a.type, params: a.params })),
});

describe('machineStep', () => {
  it('agrees with XState transition() on every step of random walks through the seed plan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom(...Object.keys(eventData)), by: fc.constantFrom(...Object.values(people)) }), { maxLength: 40 }),
        (steps) => {
          let [snapshot] = initialTransition(plan.machine, { data: {}, severity: null }) as unknown as [AnyMachineSnapshot];
          let moved = 0;
          for (const step of steps) {
            const event = { type: step.type, by: step.by, data: eventData[step.type] ?? {} };
            const ours = machineStep(plan, snapshot, event);
            const reference = machineStepReference(plan, snapshot, event);
            expect(shape(ours)).toEqual(shape(reference));
            if (JSON.stringify(ours.value) !== JSON.stringify(snapshot.value)) moved++;
            snapshot = ours.snapshot;
          }
          return moved >= 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});
