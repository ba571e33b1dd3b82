import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillRunJson } from '../../../src/drill-results/drill-result.js';
import { runDrill } from '../../../src/testing/drill/run-drill.js';
import { loadScenario } from '../../../src/testing/scenario/load-scenario.js';
import { ScenarioError } from '../../../src/testing/scenario/scenario-error.js';
import type { DrillScenario } from '../../../src/testing/scenario/scenario-schema.js';
import { seedPlanDefinition } from '../seed-plan.js';

const plan = seedPlanDefinition();
const DIR = 'examples/drills/public-opinion';
const files = readdirSync(DIR).filter((f) => f.endsWith('.drill.yaml')).sort();

// file → [final severity, breaches in breach order]
const SEED: Record<string, [string | null, string[]]> = {
  'dismissal.drill.yaml': [null, []],
  'level-i-breaches.drill.yaml': ['I', ['report', 'assess', 'strategy', 'first-statement', 'press-briefing']],
  'level-i-on-time.drill.yaml': ['I', []],
  'level-ii-rumour.drill.yaml': ['II', []],
  'level-iii-complaint.drill.yaml': ['III', []],
  'level-iv-hot-topic.drill.yaml': ['IV', []],
  'missed-reading.drill.yaml': ['III', ['monitor-reading']],
  'overdue-review.drill.yaml': ['IV', ['review']],
  'regrade-mid-response.drill.yaml': ['I', ['first-statement']],
  'rejected-attempts.drill.yaml': ['II', []],
  'strategy-adjustment.drill.yaml': ['III', []],
};

describe('runDrill on the seed drills', () => {
  it('has at least 10 seed drills, all listed here', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files).toEqual(Object.keys(SEED).sort());
  });

  it.each(files)('%s passes and ends closed', async (file) => {
    const result = await runDrill(plan, loadScenario(join(DIR, file), { plan }));
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.stage).toBe('closed');
    expect(result.closed).toBe(true);
    expect([result.severity, result.breaches]).toEqual(SEED[file]);
  });

  it('records each refused attempt with the engine code', async () => {
    const result = await runDrill(plan, loadScenario(join(DIR, 'rejected-attempts.drill.yaml'), { plan }));
    const refused = result.steps.filter((s) => s.accepted === false).map((s) => [s.send, s.error?.code]);
    expect(refused).toEqual([
      ['REPORT', 'unauthorized'],
      ['REPORT', 'invalid-data'],
      ['ASSESS', 'not-in-stage'],
      ['ESCALATE', 'unknown-event'],
      ['NOTE', 'unauthorized'],
      ['ASSESS', 'unauthorized'],
      ['ASSESS', 'invalid-data'],
      ['APPROVE_STRATEGY', 'unauthorized'],
      ['PUBLISH_STATEMENT', 'invalid-data'],
      ['RECORD_READING', 'invalid-data'],
      ['RECORD_READING', 'invalid-data'],
      ['PUBLISH_STATEMENT', 'unauthorized'],
      ['DECLARE_OVER', 'unauthorized'],
      ['NOTE', 'closed'],
    ]);
  });

  it('recomputes the first statement on a regrade and breaches it at once', async () => {
    const result = await runDrill(plan, loadScenario(join(DIR, 'regrade-mid-response.drill.yaml'), { plan }));
    const fs = result.incident?.deadlines.find((d) => d.id === 'first-statement');
    expect(fs).toMatchObject({ status: 'breached', dueAt: '2026-03-10T05:00:00.000Z', breachedAt: '2026-03-10T06:00:00.000Z' });
    expect(result.incident?.deadlines.find((d) => d.id === 'press-briefing')).toMatchObject({
      status: 'met',
      dueAt: '2026-03-11T00:00:00.000Z',
    });
  });
});

describe('runDrill negative controls', () => {
  it('fails a drill with wrong expectations, naming each step with expected and got', async () => {
    const result = await runDrill(plan, loadScenario('test/fixtures/drills/wrong-expectations.drill.yaml', { plan }));
    expect(result.passed).toBe(false);
    expect(result.failures.map((f) => f.step)).toEqual([0, 1, 2, 3, null, null, null, null]);
    const messages = result.failures.map((f) => f.message);
    expect(messages[0]).toBe('stage: expected strategy, got assess');
    expect(messages[1]).toMatch(/^APPROVE_STRATEGY: expected accepted, got rejected \(unauthorized: /);
    expect(messages[2]).toBe('breaches: expected [], got [assess]');
    expect(messages[3]).toBe('ASSESS: expected rejected (unauthorized), got accepted');
    expect(messages.slice(4)).toEqual([
      'stage: expected closed, got strategy',
      'severity: expected I, got II',
      'notified: expected [publicity-head] to have been notified, got [department-head, deputy-head] (missing [publicity-head])',
      'closed: expected true, got false',
    ]);
    expect(drillRunJson([result])).toEqual({
      passed: 0,
      failed: 1,
      drills: [
        {
          name: '故意写错的预期（反例）',
          file: 'test/fixtures/drills/wrong-expectations.drill.yaml',
          passed: false,
          failures: result.failures,
          stage: 'strategy',
          severity: 'II',
          breaches: ['assess'],
        },
      ],
    });
  });

  it('throws a ScenarioError for a scenario that is not valid for the plan', async () => {
    const scenario = {
      drill: 'x',
      start: '2026-03-02T09:00:00+08:00',
      people: { wang: ['info-officer'] },
      open: { by: 'nobody', title: 't', category: 'media' },
      steps: [],
    } satisfies DrillScenario;
    await expect(runDrill(plan, scenario)).rejects.toThrow(ScenarioError);
    await expect(runDrill(plan, scenario)).rejects.toMatchObject({ diagnostics: [{ code: 'unknown-person', path: ['open', 'by'] }] });
  });

  it('reports an opening the engine refuses as a failure of the opening (step null)', async () => {
    const scenario: DrillScenario = {
      drill: 'bad open data',
      start: '2026-03-02T09:00:00+08:00',
      people: { wang: ['info-officer'] },
      open: { by: 'wang', title: 't', category: 'media', data: { heat: -1 } },
      steps: [],
    };
    const result = await runDrill(plan, scenario);
    expect(result.passed).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.step).toBeNull();
    expect(result.failures[0]?.message).toMatch(/^open: invalid-data/);
  });
});
