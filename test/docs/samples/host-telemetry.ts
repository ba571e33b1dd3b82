// Host guide samples: OpenTelemetry tracing and metrics.
// #region doc:telemetry
import { metrics, trace } from '@opentelemetry/api';
// #endregion
import type { PlanBundle } from '../../../src/runtime/index.js';
import { createEngine, type IncidentStore } from '../../../src/runtime/index.js';

export function engineWithTelemetry(bundle: PlanBundle, store: IncidentStore) {
  // #region doc:telemetry
  const engine = createEngine(bundle, { store, telemetry: { tracer: trace.getTracer('planwright'), meter: metrics.getMeter('planwright') } });
  // #endregion
  return engine;
}
