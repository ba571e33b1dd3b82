import type { EngineInspection } from '../engine-inspection.js';
import type { EngineInstruments } from '../telemetry.js';

/** Reports what the engine does: to the host's `inspect` option and the telemetry counters. */
export interface Inspector {
  (event: EngineInspection): void;
  /** Whether anybody listens (building a report is skipped otherwise). */
  readonly active: boolean;
}

/**
 * The engine's inspector: counts each event with the telemetry instruments, then hands it to the
 * host's `inspect` option. Neither can change what the engine does: whatever they throw is dropped.
 * @internal
 *
 * @example
 * const inspect = engineInspector(options.inspect, engineInstruments(options.telemetry));
 * inspect({ type: 'opened', incidentId: 'PO-1' });
 */
export function engineInspector(inspect: ((event: EngineInspection) => void) | undefined, instruments: EngineInstruments | undefined): Inspector {
  const report = (event: EngineInspection): void => {
    try {
      instruments?.count(event);
      inspect?.(event);
    } catch {
      // An inspector (or a meter) never changes what the engine does.
    }
  };
  return Object.assign(report, { active: inspect !== undefined || instruments !== undefined });
}
