import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const brokenDir = 'test/fixtures/broken';

/**
 * Every broken fixture, with the diagnostic it must produce first: code, 1-based line and column
 * (of the offending node, derived from the fixture text), a part of the English message, and the
 * file it points into when that is an included file rather than the fixture itself.
 */
const CASES: ReadonlyArray<readonly [file: string, code: string, line: number, column: number, message: string, inFile?: string]> = [
  ["alias-bomb.plan.yaml", "alias-limit", 70, 11, "aliases expand"],
  ["ambiguous-team-id.plan.yaml", "ambiguous-id", 19, 11, "both a role id and a team id"],
  ["bad-duration-in-map.plan.yaml", "bad-duration", 60, 27, "not a duration"],
  ["bad-duration.plan.yaml", "bad-duration", 53, 10, "write 30m instead"],
  ["bad-enum-value.plan.yaml", "invalid-value", 53, 11, "\"open\", \"enter\""],
  ["bad-field-type.plan.yaml", "invalid-value", 21, 23, "Did you mean \"text\"?"],
  ["bad-id.plan.yaml", "invalid-value", 12, 11, "an id"],
  ["bad-version.plan.yaml", "invalid-value", 4, 10, "1.0.0"],
  ["condition-enum-value.plan.yaml", "condition-type-mismatch", 61, 33, "\"web\", \"phone\""],
  ["condition-number-value.plan.yaml", "condition-type-mismatch", 61, 31, "a number"],
  ["condition-order-on-text.plan.yaml", "condition-type-mismatch", 61, 30, "eq, ne, in or exists"],
  ["condition-severity-value.plan.yaml", "condition-type-mismatch", 61, 38, "\"high\", \"low\""],
  ["condition-two-operators.plan.yaml", "condition-operator", 61, 11, "all: [...]"],
  ["deputy-missing.plan.yaml", "vacant-position", 40, 34, "no deputy"],
  ["done-without-tracks.plan.yaml", "done-without-tracks", 39, 11, "no tracks"],
  ["duplicate-id.plan.yaml", "duplicate-id", 14, 11, "more than once"],
  ["duplicate-severity-field.plan.yaml", "duplicate-severity-field", 22, 24, "\"level\""],
  ["duplicate-stage-id.plan.yaml", "duplicate-id", 49, 11, "stage id \"act\""],
  ["empty-list.plan.yaml", "invalid-value", 6, 11, "at least 1 item"],
  ["enter-without-stage.plan.yaml", "deadline-needs-stage", 57, 5, "stage: <stage id>"],
  ["forbidden-key-nested.plan.yaml", "forbidden-key", 12, 36, "not allowed as a key"],
  ["forbidden-key.plan.yaml", "forbidden-key", 3, 1, "not allowed as a key"],
  ["include-cycle.plan.yaml", "include-cycle", 2, 11, "ends up including itself", "parts/cycle-b.yaml"],
  ["include-not-found.plan.yaml", "include-not-found", 3, 11, "does not exist"],
  ["include-not-includable.plan.yaml", "not-includable", 4, 1, "cannot come from an included file", "parts/with-stages.yaml"],
  ["include-outside.plan.yaml", "include-outside-plan", 3, 11, "outside the plan's folder"],
  ["include-unknown-key.plan.yaml", "unknown-key", 3, 18, "Did you mean \"title\"?", "parts/role-with-typo.yaml"],
  ["include-unknown-role.plan.yaml", "unknown-role", 5, 13, "Did you mean \"chief\"?", "parts/team-with-unknown-leader.yaml"],
  ["missing-key.plan.yaml", "missing-key", 13, 5, "\"title\""],
  ["missing-severity-level.plan.yaml", "missing-severity-level", 60, 10, "\"low\""],
  ["missing-top-level-key.plan.yaml", "missing-key", 2, 1, "\"events\""],
  ["multiple-documents.plan.yaml", "yaml-syntax", 63, 1, "multiple documents"],
  ["target-in-track.plan.yaml", "target-in-track", 46, 47, "Remove target"],
  ["too-deep.plan.yaml", "too-deep", 63, 71, "64 levels"],
  ["tracks-without-done.plan.yaml", "missing-done", 41, 5, "add done"],
  ["unknown-effect.plan.yaml", "unknown-effect", 46, 54, "Did you mean \"publish\"?"],
  ["unknown-event-met-by.plan.yaml", "unknown-event", 54, 13, "events"],
  ["unknown-event.plan.yaml", "unknown-event", 40, 18, "Declare it under events"],
  ["unknown-field-in-condition.plan.yaml", "unknown-field", 61, 20, "Did you mean \"channel\"?"],
  ["unknown-field-in-event.plan.yaml", "unknown-field", 31, 33, "Did you mean \"level\"?"],
  ["unknown-key-in-action.plan.yaml", "unknown-key", 56, 11, "Did you mean \"notify\"?"],
  ["unknown-key.plan.json", "unknown-key", 110, 7, "Did you mean \"title\"?"],
  ["unknown-key.plan.yaml", "unknown-key", 42, 5, "Did you mean \"title\"?"],
  ["unknown-placeholder.plan.yaml", "unknown-placeholder", 27, 52, "Did you mean {{note}}?"],
  ["unknown-resource.plan.yaml", "unknown-resource", 38, 17, "Did you mean \"phone\"?"],
  ["unknown-role-in-by.plan.yaml", "unknown-role", 40, 34, "Declare it under roles"],
  ["unknown-role-in-notify.plan.yaml", "unknown-role", 56, 20, "Did you mean \"chief\"?"],
  ["unknown-role-in-team.plan.yaml", "unknown-role", 18, 15, "Did you mean \"officer\"?"],
  ["unknown-severity-in-due.plan.yaml", "unknown-severity", 60, 31, "severity"],
  ["unknown-severity-regrade.plan.yaml", "unknown-severity", 57, 20, "severity"],
  ["unknown-stage-done.plan.yaml", "unknown-stage", 47, 11, "Did you mean \"closed\"?"],
  ["unknown-stage-in.plan.yaml", "unknown-stage", 50, 34, "Declare it under stages"],
  ["unknown-stage-target.plan.yaml", "unknown-stage", 40, 56, "Did you mean \"act\"?"],
  ["unknown-team-owner.plan.yaml", "unknown-team", 37, 12, "Did you mean \"crew\"?"],
  ["unknown-team-position.plan.yaml", "unknown-position", 40, 34, "crew.deputy"],
  ["unknown-template.plan.yaml", "unknown-template", 46, 73, "Did you mean \"notice\"?"],
  ["unknown-top-level-key.plan.yaml", "unknown-key", 49, 1, "Did you mean \"transitions\"?"],
  ["wrong-type-boolean.plan.yaml", "wrong-type", 48, 41, "true or false"],
  ["wrong-type-list.plan.yaml", "wrong-type", 18, 14, "a list"],
  ["wrong-type-version.plan.yaml", "wrong-type", 4, 10, "quotes"],
  ["yaml-duplicate-key.plan.yaml", "duplicate-key", 43, 5, "more than once"],
  ["yaml-syntax.plan.yaml", "yaml-syntax", 26, 1, "Flow map"],
  ["yaml-tab-indent.plan.yaml", "tab-indentation", 36, 1, "replace the tab with spaces"],
  ["zero-duration.plan.yaml", "bad-duration", 53, 10, "longer than zero"],
];

describe('broken plan corpus', () => {
  it('has at least 35 fixtures, each in the table', () => {
    const files = readdirSync(join(root, brokenDir)).filter((f) => /\.plan\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(35);
    expect(CASES.map(([file]) => file).sort()).toEqual(files.sort());
  });

  it.each(CASES)('%s → %s at %i:%i', (file, code, line, column, message, inFile) => {
    const planFile = `${brokenDir}/${file}`;
    const result = checkPlan({ file: planFile }, { cwd: root });
    expect(result.ok).toBe(false);
    expect(result.plan).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    expect(first?.code).toBe(code);
    expect(first?.file).toBe(inFile === undefined ? planFile : `${brokenDir}/${inFile}`);
    expect(first?.range?.start).toEqual({ line, column });
    expect(first?.message).toContain(message);
    // one defect per fixture: every error has the same code (a YAML slip may be reported on several lines)
    expect(errors.map((d) => d.code)).toEqual(errors.map(() => code));
    if (code !== 'yaml-syntax') expect(errors).toHaveLength(1);
  });
});
