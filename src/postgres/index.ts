/**
 * `planwright/postgres`: the PostgreSQL incident store (requires the `pg` peer dependency).
 *
 * @example
 * ```ts
 * import { postgresStore } from 'planwright/postgres';
 * const store = postgresStore({ connectionString: 'postgres://localhost/planwright' });
 * await store.migrate();
 * ```
 * @module
 */
export { postgresStore, type PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, migrationScript, type Migration } from './migrations.js';
export { TimelineIntegrityError } from './timeline-integrity-error.js';
export { SCHEMA_NAME_PATTERN } from './schema-name.js';
export {
  VersionConflictError,
  type DueDeadline,
  type IncidentListPage,
  type IncidentListQuery,
  type IncidentStore,
  type ListPosition,
  type StoredChange,
} from '../runtime/stores/store.js';
export { CorruptIncidentError } from '../runtime/stores/incident-document.js';
export { InvalidIncidentIdError, INCIDENT_ID_PATTERN } from '../runtime/stores/incident-id.js';
