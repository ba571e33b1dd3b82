// Testing guide samples: testing your own integration on a manual clock.
// #region doc:host
import { expect, test } from 'vitest';
import { createBundle, loadPlan } from '../../../src/index.js';
import { createEngine, createManualClock, memoryStore, type PendingEffect } from '../../../src/runtime/index.js';

const bundle = createBundle(loadPlan({ file: 'plans/public-opinion.plan.yaml' })); // or your shipped bundle file

test('our notify handler reaches the IT head when a report is late', async () => {
  const clock = createManualClock('2026-03-02T01:00:00Z');
  const sent: PendingEffect[] = [];
  const engine = createEngine(bundle, { clock, store: memoryStore(), effects: { notify: (e) => void sent.push(e) } });
  const incident = await engine.open({ by: { id: 'wang', roles: ['info-officer'] }, title: 't', category: 'media' });

  clock.advance('31m');
  expect(await engine.runDue()).toBe(2); // the reminder and the breach: nothing fires until runDue

  expect(sent.map((e) => e.payload['roles'])).toEqual([['info-officer'], ['it-head']]);
  expect((await engine.get(incident.id))?.deadlines[0]?.status).toBe('breached');
  await engine.dispose();
});
// #endregion
