import fc from 'fast-check';
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { machineStart, machineStep, snapshotOf } from '../../src/runtime/machine-state.js';
import { xstateMachine } from '../../src/compile/to-machine.js';
import { machineStartReference, machineStepReference } from './machine-step-reference.js';
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
          let [snapshot] = initialTransition(xstateMachine(plan.machine), { data: {}, severity: null }) as unknown as [AnyMachineSnapshot];
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

  it('machineStart agrees with XState initialTransition() (state value and entry actions), with and without opening data', () => {
    for (const input of [
      { data: {}, severity: null },
      { data: { severity: 'II', summary: 'x' }, severity: 'II' },
    ]) {
      const ours = machineStart(plan, input);
      const reference = machineStartReference(plan, input);
      expect(shape(ours)).toEqual(shape(reference));
      expect(ours.value).toBe('report');
      expect(ours.actions.map((a) => a.type)).toContain('enterStage');
    }
  });

  it('steps from the shared snapshot of a state value exactly as from the snapshot the step produced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom(...Object.keys(eventData)), by: fc.constantFrom(...Object.values(people)) }), { maxLength: 30 }),
        (steps) => {
          let [snapshot] = initialTransition(xstateMachine(plan.machine), { data: {}, severity: null }) as unknown as [AnyMachineSnapshot];
          let n = 0;
          for (const step of steps) {
            const event = { type: step.type, by: step.by, data: eventData[step.type] ?? {} };
            // What a restored incident in this state would use: the snapshot resolved from its state value.
            const shared = snapshotOf(plan, { id: `S-${n++}`, state: snapshot.value } as never);
            expect(shape(machineStep(plan, shared, event))).toEqual(shape(machineStep(plan, snapshot, event)));
            snapshot = machineStep(plan, snapshot, event).snapshot;
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
