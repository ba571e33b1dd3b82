import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { ev, openSeed, people, seedPlan } from './seed-fixtures.js';

/** The counters' totals by name and attributes, from the in-memory exporter. */
async function counters(reader: PeriodicExportingMetricReader, exporter: InMemoryMetricExporter): Promise<Record<string, number>> {
  await reader.forceFlush();
  const totals: Record<string, number> = {};
  for (const batch of exporter.getMetrics()) {
    for (const scope of batch.scopeMetrics) {
      for (const metric of scope.metrics) {
        for (const point of metric.dataPoints) {
          const attributes = Object.entries(point.attributes).map(([key, value]) => `${key}=${String(value)}`).join(',');
          totals[`${metric.descriptor.name}${attributes === '' ? '' : `{${attributes}}`}`] = point.value as number;
        }
      }
    }
  }
  return totals;
}

describe('telemetry with the OpenTelemetry SDK (issue #19 §4)', () => {
  it('a span per send and per firing, counters for accepted, refused, fired and breached', async () => {
    const spans = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }).getTracer('planwright');
    const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
    const meter = new MeterProvider({ readers: [reader] }).getMeter('planwright');

    const clock = createManualClock('2024-05-01T08:00:00Z');
    const engine = createEngine(seedPlan(), { clock, telemetry: { tracer, meter }, effects: { notify: () => undefined } });
    const incident = await openSeed(engine);
    expect((await engine.send(incident.id, ev('ASSESS', undefined, people.outsider))).ok).toBe(false); // refused: not in stage / unauthorized
    expect((await engine.send(incident.id, ev('REPORT'))).ok).toBe(true);
    clock.advance('1d');
    const fired = await engine.runDue();
    expect(fired).toBeGreaterThan(0);

    const finished = spans.getFinishedSpans();
    const sends = finished.filter((span) => span.name === 'planwright.send');
    expect(sends.map((span) => [span.attributes['planwright.event'], span.attributes['planwright.outcome']])).toEqual([
      ['ASSESS', 'refused'],
      ['REPORT', 'accepted'],
    ]);
    expect(sends[0]?.attributes['planwright.code']).toBe('unauthorized');
    expect(sends[1]?.attributes['planwright.incident_id']).toBe(incident.id);
    const fires = finished.filter((span) => span.name === 'planwright.fire');
    expect(fires).toHaveLength(1);
    expect(fires[0]?.attributes['planwright.fired']).toBe(fired);

    const totals = await counters(reader, metricExporter);
    expect(totals['planwright.events.accepted{planwright.event=REPORT}']).toBe(1);
    expect(totals['planwright.events.refused{planwright.event=ASSESS,planwright.code=unauthorized}']).toBe(1);
    expect(totals['planwright.deadlines.fired']).toBe(fired);
    const stored = await engine.get(incident.id);
    expect(totals['planwright.deadlines.breached']).toBe(stored?.deadlines.filter((d) => d.status === 'breached').length);
    await engine.dispose();
  });

  it('records a span around a send that fails with a store error as an error', async () => {
    const spans = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }).getTracer('planwright');
    const engine = createEngine(seedPlan(), {
      telemetry: { tracer },
      store: {
        get: () => Promise.reject(new Error('disk on fire')),
        save: () => Promise.resolve(),
        list: () => Promise.resolve([]),
        dueBefore: () => Promise.resolve([]),
      },
    });
    await expect(engine.send('PO-1', ev('REPORT'))).rejects.toThrow('disk on fire');
    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('planwright.send');
    expect(span?.status).toEqual({ code: 2, message: 'disk on fire' });
    await engine.dispose();
  });
});
