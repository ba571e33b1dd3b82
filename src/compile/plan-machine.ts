// The opaque machine type on its own: compiled-plan.ts names it, and to-machine.ts (which builds
// the machine from compiled stages) would otherwise import compiled-plan.ts and be imported by it.

declare const planMachineBrand: unique symbol;

/**
 * The plan's XState machine, opaque to hosts: the engine runs it, and XState's own types stay out
 * of planwright's public declarations (they do not compile under `exactOptionalPropertyTypes`
 * without `skipLibCheck`). See docs/host-guide.md, "Typed plans".
 */
export interface PlanMachine {
  readonly [planMachineBrand]: 'planwright-plan-machine';
}
