/**
 * Targets in benchmark results, as `npm run bench -- --check` reads them.
 *
 * Convention: a benchmark writes a JSON file into its own folder (`bench/<area>/*.json`) that holds
 * a `targets` array of {@link Target}. `bench/run.ts --check` reads every such file written during
 * the run and exits non-zero when one target is missed. An object `{ ratio, target }` anywhere in
 * the JSON (the shape bench/engine writes) is read as "ratio at most target" as well.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One target of a benchmark: the measured value against its limit. */
export interface Target {
  /** Stable id, e.g. `compile-1000-ms`. */
  id: string;
  /** What is measured, in words. */
  description: string;
  value: number;
  limit: number;
  unit: string;
  /** `lower`: value ≤ limit is met; `higher`: value ≥ limit is met. */
  better: 'lower' | 'higher';
}

/** Whether a target is met. */
export function isMet(t: Pick<Target, 'value' | 'limit' | 'better'>): boolean {
  return Number.isFinite(t.value) && (t.better === 'lower' ? t.value <= t.limit : t.value >= t.limit);
}

/** A target as reported by {@link collectTargets}. */
export interface CheckedTarget extends Target {
  area: string;
  file: string;
  met: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTarget(value: unknown): value is Target {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    typeof value['value'] === 'number' &&
    typeof value['limit'] === 'number' &&
    (value['better'] === 'lower' || value['better'] === 'higher')
  );
}

/** Targets in one parsed result document: its `targets` array, and `{ ratio, target }` objects. */
export function targetsIn(doc: unknown): Target[] {
  const out: Target[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, String(i)]));
      return;
    }
    if (!isRecord(value)) return;
    if (path.length === 0 && Array.isArray(value['targets'])) {
      for (const t of value['targets']) if (isTarget(t)) out.push(t);
    }
    if (path.length > 0 && typeof value['ratio'] === 'number' && typeof value['target'] === 'number') {
      const id = path.join('.');
      out.push({ id, description: `${id}: ratio`, value: value['ratio'], limit: value['target'], unit: '×', better: 'lower' });
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'targets') walk(v, [...path, k]);
  };
  walk(doc, []);
  return out;
}

/** Targets of every JSON result in `bench/<area>/` modified at or after `since` (ms). */
export function collectTargets(areaDir: string, area: string, since: number): { targets: CheckedTarget[]; files: string[] } {
  const targets: CheckedTarget[] = [];
  const files: string[] = [];
  for (const name of readdirSync(areaDir).sort()) {
    // before*.json: reference figures kept for comparison; budget.json: limits, not results.
    if (!name.endsWith('.json') || name.startsWith('before') || name === 'budget.json') continue;
    const file = join(areaDir, name);
    if (statSync(file).mtimeMs < since) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    files.push(file);
    for (const t of targetsIn(doc)) targets.push({ ...t, area, file, met: isMet(t) });
  }
  return { targets, files };
}
