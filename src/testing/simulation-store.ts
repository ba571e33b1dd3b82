import { memoryStore } from '../runtime/stores/memory-store.js';
import type { IncidentStore } from '../runtime/stores/store.js';

/**
 * The in-memory store simulations use: a `memoryStore()`, which keeps the frozen snapshots and
 * timeline entries the engine saves by reference instead of copying them (the engine recognises
 * its own snapshots and skips re-reading them), with optimistic concurrency on `version`.
 *
 * @example
 * ```ts
 * const engine = createEngine(plan, { clock, store: simulationStore() });
 * ```
 */
export function simulationStore(): IncidentStore {
  return memoryStore();
}
