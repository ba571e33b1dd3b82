import type { PlanDefinition } from '../dsl/schema/plan.js';
import { readDataFile, type CheckedDataFile, type DataFileInput, type ReadDataFileOptions } from './read-data-file.js';
import { readinessDiagnostic } from './readiness-diagnostic.js';
import { RosterSchema, type Roster } from './roster-schema.js';
import { didYouMean } from './did-you-mean-hint.js';
import { teamPositions } from './team-positions.js';

/**
 * Reads a roster (YAML or JSON) and checks that it fits the plan: the plan id if given, the role ids
 * people hold, the positions they back up, and that each person is listed once. Problems are
 * errors with the roster's file, line and column (bad input).
 *
 * @example
 * const roster = checkRoster({ file: 'examples/roster-public-opinion.yaml' }, plan);
 * roster.ok; // true
 */
export function checkRoster(input: DataFileInput, plan: PlanDefinition, options: ReadDataFileOptions = {}): CheckedDataFile<Roster> {
  const read = readDataFile(input, RosterSchema, options);
  if (!read.ok || read.value === undefined) return read;
  const locale = options.locale ?? 'en';
  const { source } = read;
  const roster = read.value;
  const diagnostics = [...read.diagnostics];
  if (roster.plan !== undefined && roster.plan !== plan.id) {
    diagnostics.push(readinessDiagnostic('roster-plan-mismatch', 'error', { found: roster.plan, plan: plan.id }, { source, path: ['plan'] }, locale));
  }
  const roles = plan.roles.map((r) => r.id);
  const positions = teamPositions(plan).map((p) => p.position);
  const firstLine = new Map<string, number>();
  roster.people.forEach((person, i) => {
    const line = source.locate(['people', i, 'id']).range?.start.line ?? 0;
    const first = firstLine.get(person.id);
    if (first === undefined) firstLine.set(person.id, line);
    else diagnostics.push(readinessDiagnostic('roster-duplicate-person', 'error', { person: person.id, line: first }, { source, path: ['people', i, 'id'] }, locale));
    person.roles.forEach((role, k) => {
      if (!roles.includes(role)) {
        diagnostics.push(readinessDiagnostic('roster-unknown-role', 'error', { role, plan: plan.id, hint: didYouMean(role, roles, locale) }, { source, path: ['people', i, 'roles', k] }, locale));
      }
    });
    person.backs.forEach((position, k) => {
      if (!positions.includes(position)) {
        diagnostics.push(
          readinessDiagnostic('roster-unknown-position', 'error', { position, plan: plan.id, hint: didYouMean(position, positions, locale) }, { source, path: ['people', i, 'backs', k] }, locale),
        );
      }
    });
  });
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ...read, ok, diagnostics };
}
