/**
 * planwright against bpmn-engine (benchmark, not a test): the seed plan's main path run to the
 * end as whole incidents, in the same process, with the same inputs, one after the other.
 *
 * - planwright: one engine over the compiled seed plan (in-memory store, manual clock moved one
 *   minute per event, no-op effect handlers); per incident `open` then 9 events — REPORT, ASSESS,
 *   APPROVE_STRATEGY, PUBLISH_STATEMENT, BRIEF_MEDIA, ENGAGE_PUBLIC, RECORD_READING, DECLARE_OVER,
 *   SUBMIT_REVIEW — by the plan's people with the plan's data. The engine validates, authorizes,
 *   arms and meets 7 deadlines, hash-chains the timeline and saves after each event.
 * - bpmn-engine: the same path in BPMN 2.0 (bench/bpmn/public-opinion-main-path.bpmn: a user task
 *   per stage and per track, a parallel split/join for the tracks, a non-interrupting timer
 *   boundary event per deadline). The XML is parsed and serialized once (as planwright compiles
 *   once); per incident a new `Engine` over that context is executed and each user task signalled
 *   with the same data. 7 timers are armed and cleared per incident.
 *
 * Target (issue #6): planwright ≥ 5× bpmn-engine in incidents per second. Judged on CPU time of
 * this process (the machine is shared); wall-clock figures beside it. Rounds alternate the two
 * sides so that both see the same machine load.
 *
 * Writes bench/bpmn/result.json (with `targets`) and the "bpmn" section of bench/results.md.
 * Run: `npx tsx bench/run.ts bpmn` (add `--quick` for fewer incidents).
 */
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import { Engine as BpmnEngine } from 'bpmn-engine';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { createEngine, createManualClock, type Actor, type Engine } from '../../src/runtime/index.js';
import { loadSeedDefinition } from '../../test/compile/seed.js';
import { eventData, sender } from '../../test/runtime/seed-fixtures.js';
import { isMet, type Target } from '../check/targets.js';
import { machineInfo, machineLine, verdict, writeSection } from '../check/results-md.js';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

/** The main path: planwright event → the BPMN user task it completes. */
const PATH: ReadonlyArray<readonly [event: string, task: string]> = [
  ['REPORT', 'report'],
  ['ASSESS', 'assess'],
  ['APPROVE_STRATEGY', 'strategy'],
  ['PUBLISH_STATEMENT', 'release'],
  ['BRIEF_MEDIA', 'media'],
  ['ENGAGE_PUBLIC', 'public'],
  ['RECORD_READING', 'reading'],
  ['DECLARE_OVER', 'declare-over'],
  ['SUBMIT_REVIEW', 'review'],
];
const DEADLINES = 7;
const steps = PATH.map(([type, task]) => ({ type, task, by: sender[type] as Actor, data: eventData[type] ?? {} }));
const opener = sender['REPORT'] as Actor;

// ---- planwright ---------------------------------------------------------------------------
const plan = compilePlan(loadSeedDefinition());
const noop = async (): Promise<void> => {};

async function planwrightIncidents(count: number, check: boolean): Promise<void> {
  const clock = createManualClock('2024-05-01T08:00:00Z');
  let n = 0;
  const engine: Engine = createEngine(plan, { clock, effects: { notify: noop, publish: noop }, newId: () => `P-${++n}` });
  for (let i = 0; i < count; i++) {
    const { id } = await engine.open({ by: opener, title: 'Hotline complaint video', category: 'media' });
    let last;
    for (const s of steps) {
      clock.advance(60_000);
      const r = await engine.send(id, { type: s.type, by: s.by, data: s.data });
      if (!r.ok) throw new Error(`bench: planwright rejected ${s.type}: ${r.error.code} ${r.error.message}`);
      last = r.incident;
    }
    if (check) {
      if (last?.closed !== true) throw new Error('bench: planwright incident did not close');
      const met = last.deadlines.filter((d) => d.status === 'met').length;
      if (met !== DEADLINES) throw new Error(`bench: planwright met ${met} deadlines, expected ${DEADLINES}`);
    }
  }
  await engine.dispose();
}

// ---- bpmn-engine --------------------------------------------------------------------------
const xml = readFileSync(fileURLToPath(new URL('./public-opinion-main-path.bpmn', import.meta.url)), 'utf8');
const moddleContext = await new BpmnModdle().fromXML(xml);
const sourceContext = serializer(moddleContext, TypeResolver(elements));

interface BpmnApi {
  id: string;
}
interface BpmnExecution {
  getPostponed(): BpmnApi[];
  signal(message: Record<string, unknown>): void;
}

async function bpmnIncidents(count: number, check: boolean): Promise<void> {
  for (let i = 0; i < count; i++) {
    const engine = new BpmnEngine({ name: `B-${i}`, sourceContext });
    const listener = new EventEmitter();
    let timers = 0;
    if (check) listener.on('activity.timer', () => timers++);
    const execution = (await engine.execute({ listener })) as unknown as BpmnExecution;
    for (const s of steps) {
      if (check && !execution.getPostponed().some((a) => a.id === s.task)) throw new Error(`bench: bpmn-engine not waiting in ${s.task}`);
      execution.signal({ id: s.task, by: s.by, data: s.data });
    }
    if (check) {
      if (engine.state !== 'idle' || execution.getPostponed().length !== 0) throw new Error(`bench: bpmn-engine did not complete (${engine.state})`);
      if (timers !== DEADLINES) throw new Error(`bench: bpmn-engine armed ${timers} timers, expected ${DEADLINES}`);
    }
  }
}

// ---- measurement --------------------------------------------------------------------------
interface Round {
  wallMs: number;
  cpuMs: number;
}

async function timed(fn: () => Promise<void>, warm: () => Promise<void>): Promise<Round> {
  // Collect between rounds, then warm up again untimed: right after a forced full GC the first
  // operations run several times slower, which would charge the collector to whichever side is next.
  gc?.();
  await warm();
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  await fn();
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const perRound = quick ? 60 : 200;
  const rounds = quick ? 3 : 5;
  // Both sides checked once (incident closed, deadlines met / timers armed), then warmed up.
  await planwrightIncidents(3, true);
  await bpmnIncidents(3, true);
  await planwrightIncidents(perRound / 2, false);
  await bpmnIncidents(perRound / 2, false);
  const pw: Round[] = [];
  const bp: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      pw.push(await timed(() => planwrightIncidents(perRound, false), () => planwrightIncidents(10, false)));
      bp.push(await timed(() => bpmnIncidents(perRound, false), () => bpmnIncidents(10, false)));
    } else {
      bp.push(await timed(() => bpmnIncidents(perRound, false), () => bpmnIncidents(10, false)));
      pw.push(await timed(() => planwrightIncidents(perRound, false), () => planwrightIncidents(10, false)));
    }
  }
  const loadAtEnd = os.loadavg()[0] ?? 0;
  const rate = (rs: Round[], key: keyof Round): number => perRound / (median(rs.map((x) => x[key])) / 1000);
  const figures = {
    planwright: { incidentsPerSecondCpu: rate(pw, 'cpuMs'), incidentsPerSecondWall: rate(pw, 'wallMs'), msPerIncidentCpu: median(pw.map((x) => x.cpuMs)) / perRound },
    bpmnEngine: { incidentsPerSecondCpu: rate(bp, 'cpuMs'), incidentsPerSecondWall: rate(bp, 'wallMs'), msPerIncidentCpu: median(bp.map((x) => x.cpuMs)) / perRound },
  };
  const ratioCpu = figures.planwright.incidentsPerSecondCpu / figures.bpmnEngine.incidentsPerSecondCpu;
  const ratioWall = figures.planwright.incidentsPerSecondWall / figures.bpmnEngine.incidentsPerSecondWall;
  const targets: Target[] = [
    {
      id: 'bpmn-incidents-per-second-ratio',
      description: 'planwright ÷ bpmn-engine, incidents per second (CPU time), seed plan main path',
      value: Number(ratioCpu.toFixed(2)),
      limit: 5,
      unit: '×',
      better: 'higher',
    },
  ];
  const bpmnVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/bpmn-engine/package.json', import.meta.url)), 'utf8')) as { version: string }).version;
  const doc = {
    area: 'bpmn',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: Number(loadAtEnd.toFixed(2)) },
    quick,
    bpmnEngineVersion: bpmnVersion,
    incidentsPerRound: perRound,
    rounds,
    eventsPerIncident: steps.length,
    deadlinesPerIncident: DEADLINES,
    ...figures,
    ratio: { cpu: ratioCpu, wall: ratioWall },
    targets: targets.map((t) => ({ ...t, met: isMet(t) })),
  };
  console.log(JSON.stringify({ ...figures, ratio: doc.ratio }, null, 2));
  writeFileSync(fileURLToPath(new URL('./result.json', import.meta.url)), `${JSON.stringify(doc, null, 2)}\n`);
  if (process.argv.includes('--no-write')) return;
  const f0 = (x: number): string => x.toFixed(0);
  writeSection(
    'bpmn',
    [
      '## bpmn',
      '',
      `Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC by bench/bpmn/bench.ts (result: bench/bpmn/result.json)${quick ? ', quick mode' : ''}; bpmn-engine ${bpmnVersion}.`,
      machineLine(machine, loadAtEnd),
      '',
      `The seed plan's main path as whole incidents (open, then ${steps.length} events: ${PATH.map(([e]) => e).join(', ')}), the same inputs on both sides, run one after the other in the same process; ${rounds} alternating rounds of ${perRound} incidents each, medians.`,
      'planwright: one engine (in-memory store, manual clock, no-op effects) validating data, checking authorization, arming and meeting 7 deadlines, hash-chaining and saving the incident after every event.',
      'bpmn-engine: bench/bpmn/public-opinion-main-path.bpmn (a user task per stage and track, parallel split/join, 7 non-interrupting timer boundary events), parsed once; a new `Engine` per incident over the parsed context; each task signalled with the same data. It checks neither authorization nor data.',
      '',
      '| engine | incidents/s (CPU) | incidents/s (wall) | ms CPU per incident |',
      '| --- | --- | --- | --- |',
      `| planwright | ${f0(figures.planwright.incidentsPerSecondCpu)} | ${f0(figures.planwright.incidentsPerSecondWall)} | ${figures.planwright.msPerIncidentCpu.toFixed(2)} |`,
      `| bpmn-engine | ${f0(figures.bpmnEngine.incidentsPerSecondCpu)} | ${f0(figures.bpmnEngine.incidentsPerSecondWall)} | ${figures.bpmnEngine.msPerIncidentCpu.toFixed(2)} |`,
      '',
      `Ratio planwright ÷ bpmn-engine: **${ratioCpu.toFixed(2)}×** (CPU), ${ratioWall.toFixed(2)}× (wall).`,
      '',
      '| target | value | limit | |',
      '| --- | --- | --- | --- |',
      ...doc.targets.map((t) => `| ${t.description} | ${t.value} ${t.unit} | ≥ ${t.limit} ${t.unit} | ${verdict(t.met)} |`),
      '',
    ].join('\n'),
  );
}

await main();
