import type { IncidentSnapshot } from '../incident.js';

/**
 * The incident snapshots an engine keeps in memory between calls, by id: the last version it saved or
 * read of each, at most `capacity` of them, the least recently remembered dropped first. A cached
 * incident is only a starting point: every save checks its version against the store.
 * @internal
 *
 * @example
 * const cache = new IncidentCache(1000);
 * cache.remember(incident);
 * cache.get(incident.id); // incident
 */
export class IncidentCache {
  private readonly byId = new Map<string, IncidentSnapshot>();

  constructor(private readonly capacity: number) {}

  get(id: string): IncidentSnapshot | undefined {
    return this.byId.get(id);
  }

  /** Keeps `incident` as the newest known version of its id (and the most recently used). */
  remember(incident: IncidentSnapshot): void {
    this.byId.delete(incident.id);
    this.byId.set(incident.id, incident);
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
  }

  /** Forgets incident `id` (its copy is stale or it is gone). */
  drop(id: string): void {
    this.byId.delete(id);
  }
}
