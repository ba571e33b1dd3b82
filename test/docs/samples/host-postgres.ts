// Host guide samples: several processes on one PostgreSQL database.
// #region doc:postgres
import { createEngine } from '../../../src/runtime/index.js';
import { postgresStore } from '../../../src/postgres/index.js';
// #endregion
import type { PlanBundle } from '../../../src/runtime/index.js';

export async function postgresEngine(bundle: PlanBundle, connectionString: string, schema: string) {
  // #region doc:postgres
  const store = postgresStore({ connectionString, schema }); // creates its tables on first use
  const engine = createEngine(bundle, { store });
  // … run as many processes as you like on the same database …
  // #endregion
  return { engine, store };
}
