import type { PlanDefinition } from '../dsl/schema/plan.js';
import { InventorySchema, type Inventory } from './inventory-schema.js';
import { readDataFile, type CheckedDataFile, type DataFileInput, type ReadDataFileOptions } from './read-data-file.js';
import { didYouMean } from './did-you-mean-hint.js';
import { readinessDiagnostic } from './readiness-diagnostic.js';

/**
 * Reads an inventory (YAML or JSON) and checks that it fits the plan: the plan id if given, that
 * every resource id is one the plan declares, and that each is listed once. Problems are errors
 * with the inventory's file, line and column (bad input).
 *
 * @example
 * const inventory = checkInventory({ file: 'examples/inventory-public-opinion.yaml' }, plan);
 * inventory.ok; // true
 */
export function checkInventory(input: DataFileInput, plan: PlanDefinition, options: ReadDataFileOptions = {}): CheckedDataFile<Inventory> {
  const read = readDataFile(input, InventorySchema, options);
  if (!read.ok || read.value === undefined) return read;
  const locale = options.locale ?? 'en';
  const { source } = read;
  const inventory = read.value;
  const diagnostics = [...read.diagnostics];
  if (inventory.plan !== undefined && inventory.plan !== plan.id) {
    diagnostics.push(readinessDiagnostic('inventory-plan-mismatch', 'error', { found: inventory.plan, plan: plan.id }, { source, path: ['plan'] }, locale));
  }
  const declared = plan.resources.map((r) => r.id);
  const firstLine = new Map<string, number>();
  inventory.resources.forEach((item, i) => {
    const path = ['resources', i, 'id'];
    const line = source.locate(path).range?.start.line ?? 0;
    const first = firstLine.get(item.id);
    if (first === undefined) firstLine.set(item.id, line);
    else diagnostics.push(readinessDiagnostic('inventory-duplicate-resource', 'error', { resource: item.id, line: first }, { source, path }, locale));
    if (!declared.includes(item.id)) {
      const hint = didYouMean(item.id, declared, locale);
      diagnostics.push(readinessDiagnostic('inventory-unknown-resource', 'error', { resource: item.id, plan: plan.id, hint }, { source, path }, locale));
    }
  });
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ...read, ok, diagnostics };
}
