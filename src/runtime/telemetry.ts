import type { EngineInspection } from './engine-inspection.js';

/** Attribute values as OpenTelemetry takes them. */
export type TelemetryAttributes = Record<string, string | number | boolean>;

/** The part of an OpenTelemetry `Span` the engine uses. */
export interface TelemetrySpan {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` the engine uses (`trace.getTracer('planwright')` fits). */
export interface TelemetryTracer {
  startSpan(name: string, options?: { attributes?: TelemetryAttributes }): TelemetrySpan;
}

/** The part of an OpenTelemetry `Meter` the engine uses (`metrics.getMeter('planwright')` fits). */
export interface TelemetryMeter {
  createCounter(name: string, options?: { description?: string; unit?: string }): { add(value: number, attributes?: TelemetryAttributes): void };
}

/**
 * Tracing and metrics for an engine (`createEngine(plan, { telemetry })`), shaped after the
 * OpenTelemetry API so that its tracer and meter can be passed as they are; planwright itself
 * depends on no telemetry package.
 */
export interface EngineTelemetry {
  tracer?: TelemetryTracer;
  meter?: TelemetryMeter;
}

/** OpenTelemetry's `SpanStatusCode.ERROR`. */
const SPAN_STATUS_ERROR = 2;

/** What the engine calls: an inspector that counts, and a span around each send and each firing. */
export interface EngineInstruments {
  count(event: EngineInspection): void;
  span<T>(name: string, attributes: TelemetryAttributes, run: () => Promise<T>, describe: (result: T) => TelemetryAttributes): Promise<T>;
}

/**
 * Builds the engine's instruments from `telemetry`: counters `planwright.events.accepted`,
 * `planwright.events.refused` (attribute `planwright.code`), `planwright.deadlines.fired`,
 * `planwright.deadlines.breached`, `planwright.conflicts`, `planwright.effects.failed`, and spans
 * `planwright.send` and `planwright.fire`.
 *
 * @example
 * const instruments = engineInstruments({ meter: metrics.getMeter('planwright'), tracer: trace.getTracer('planwright') });
 */
export function engineInstruments(telemetry: EngineTelemetry | undefined): EngineInstruments | undefined {
  if (telemetry === undefined || (telemetry.tracer === undefined && telemetry.meter === undefined)) return undefined;
  const meter = telemetry.meter;
  const counter = (name: string, description: string) => meter?.createCounter(name, { description, unit: '{count}' });
  const accepted = counter('planwright.events.accepted', 'events the engine accepted');
  const refused = counter('planwright.events.refused', 'events the engine refused, by code');
  const fired = counter('planwright.deadlines.fired', 'deadline breaches and reminders fired');
  const breached = counter('planwright.deadlines.breached', 'deadline breaches fired');
  const conflicts = counter('planwright.conflicts', 'saves that lost a version race and were retried');
  const effectsFailed = counter('planwright.effects.failed', 'effects whose handler failed or was missing');
  const tracer = telemetry.tracer;
  return {
    count(event) {
      if (event.type === 'accepted') accepted?.add(1, { 'planwright.event': event.detail.event });
      else if (event.type === 'rejected') refused?.add(1, { 'planwright.event': event.detail.event, 'planwright.code': event.detail.code });
      else if (event.type === 'fired') {
        fired?.add(event.detail.fired);
        breached?.add(event.detail.breached);
      } else if (event.type === 'conflict') conflicts?.add(1);
      else if (event.type === 'effect' && !event.detail.ok) effectsFailed?.add(1, { 'planwright.effect': event.detail.name });
    },
    async span(name, attributes, run, describe) {
      if (tracer === undefined) return run();
      const span = tracer.startSpan(name, { attributes });
      try {
        const result = await run();
        for (const [key, value] of Object.entries(describe(result))) span.setAttribute(key, value);
        return result;
      } catch (error) {
        span.setStatus({ code: SPAN_STATUS_ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  };
}
