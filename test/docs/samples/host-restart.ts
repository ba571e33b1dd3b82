// Host guide samples: deadlines across a restart, on a manual clock.
// #region doc:restart
import { createEngine, createManualClock, fileStore, type EffectHandler } from '../../../src/runtime/index.js';
// #endregion
import type { PlanBundle } from '../../../src/runtime/index.js';
import type { Incident } from '../../../src/runtime/index.js';

export async function downPastADeadline(bundle: PlanBundle, dir: string, notify: EffectHandler): Promise<{ incident: Incident | undefined; fired: number }> {
  // #region doc:restart
  const clock = createManualClock('2026-03-02T01:00:00Z');
  const wang = { id: 'wang', roles: ['info-officer'] };

  let store = fileStore(dir);
  let engine = createEngine(bundle, { clock, store, effects: { notify } });
  const { id } = await engine.open({ by: wang, title: '网传某服务大厅拒绝办理业务', category: 'media' });
  await engine.dispose(); // the process stops …
  await store.close();

  clock.advance('2h'); // … and stays down past the 30-minute `report` deadline

  store = fileStore(dir);
  engine = createEngine(bundle, { clock, store, effects: { notify } });
  const fired = await engine.runDue(); // with the system clock the engine does this by itself on start
  const incident = await engine.get(id); // `report` breached once; notify sent to it-head (and the reminder to info-officer)
  // #endregion
  await engine.dispose();
  await store.close();
  return { incident, fired };
}
