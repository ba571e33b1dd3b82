import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/dsl/check-plan.js';
import type { PlanDefinition } from '../../src/dsl/schema/plan.js';
import { checkInventory } from '../../src/readiness/check-inventory.js';
import { checkReadiness } from '../../src/readiness/check-readiness.js';
import { checkRoster } from '../../src/readiness/check-roster.js';

const plan = ((): PlanDefinition => {
  const checked = checkPlan({ file: 'plans/public-opinion.plan.yaml' });
  if (checked.plan === undefined) throw new Error('seed plan does not check');
  return checked.plan;
})();
const FIX = 'test/readiness/fixtures';
const where = (ds: ReadonlyArray<{ code: string; severity: string; file?: string; range?: { start: { line: number; column: number } } }>): string[] =>
  ds.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.severity} ${d.code}`);

function readiness(rosterFile: string, inventoryFile?: string): ReturnType<typeof checkReadiness> {
  const roster = checkRoster({ file: rosterFile }, plan);
  if (!roster.ok || roster.value === undefined) throw new Error(where(roster.diagnostics).join('\n'));
  const inventory = inventoryFile === undefined ? undefined : checkInventory({ file: inventoryFile }, plan);
  if (inventory !== undefined && (!inventory.ok || inventory.value === undefined)) throw new Error(where(inventory.diagnostics).join('\n'));
  return checkReadiness(plan, {
    roster: { value: roster.value, source: roster.source },
    ...(inventory?.value === undefined ? {} : { inventory: { value: inventory.value, source: inventory.source } }),
  });
}

describe('checkReadiness', () => {
  it('finds the example roster and inventory of the seed plan ready, warning only about counselors (whenNeeded)', () => {
    const report = readiness('examples/roster-public-opinion.yaml', 'examples/inventory-public-opinion.yaml');
    expect(report.ready).toBe(true);
    expect(report.summary).toEqual({ roles: { total: 15, staffed: 15 }, positions: { total: 5, backedUp: 5 }, resources: { total: 10, available: 9 } });
    expect(where(report.diagnostics)).toEqual(['examples/inventory-public-opinion.yaml:18:34 warning resource-unavailable']);
  });

  it('points each gap into the roster or inventory', () => {
    const report = readiness(`${FIX}/roster-gaps.yaml`, `${FIX}/inventory-gaps.yaml`);
    expect(report.ready).toBe(false);
    expect(where(report.diagnostics)).toEqual([
      `${FIX}/roster-gaps.yaml:5:1 error role-unstaffed`,
      `${FIX}/roster-gaps.yaml:5:1 error role-unstaffed`,
      `${FIX}/roster-gaps.yaml:5:1 error position-without-backup`,
      `${FIX}/roster-gaps.yaml:5:1 error position-without-backup`,
      `${FIX}/roster-gaps.yaml:9:46 error backup-is-only-holder`,
      `${FIX}/inventory-gaps.yaml:5:1 error resource-missing`,
      `${FIX}/inventory-gaps.yaml:5:1 error resource-missing`,
      `${FIX}/inventory-gaps.yaml:9:41 error resource-unavailable`,
      `${FIX}/inventory-gaps.yaml:13:34 warning resource-unavailable`,
    ]);
    expect(report.diagnostics.map((d) => d.params)).toEqual([
      { role: 'legal-head', title: 'head of legal' },
      { role: 'counselor', title: 'psychological counsellor' },
      { position: 'command.deputy', role: 'deputy-head' },
      { position: 'logistics.leader', role: 'admin-head' },
      { person: 'sun-hao', position: 'analysis.leader', role: 'it-head' },
      expect.objectContaining({ resource: 'media-contacts', stages: 'respond' }),
      expect.objectContaining({ resource: 'social-workers', stages: 'respond' }),
      expect.objectContaining({ resource: 'official-channels', note: ' (Weibo account suspended)' }),
      expect.objectContaining({ resource: 'counselors', note: '' }),
    ]);
    expect(report.summary).toEqual({ roles: { total: 15, staffed: 13 }, positions: { total: 5, backedUp: 2 }, resources: { total: 10, available: 6 } });
  });

  it('does not check resources without an inventory', () => {
    const report = readiness('examples/roster-public-opinion.yaml');
    expect(report).toMatchObject({ ready: true, diagnostics: [], summary: { resources: null } });
  });

  it('counts a backup who shares the role with someone else, not one who holds it alone', () => {
    const text = ['roster: 1', 'people:', '  - { id: a, roles: [it-head] }', '  - { id: b, roles: [it-head], backs: [analysis.leader] }', '  - { id: c, roles: [department-head], backs: [command.leader] }'];
    const roster = checkRoster({ file: 'two-heads.yaml', text: text.join('\n') }, plan);
    if (roster.value === undefined) throw new Error('roster does not check');
    const report = checkReadiness(plan, { roster: { value: roster.value, source: roster.source } });
    expect(report.summary.positions).toEqual({ total: 5, backedUp: 1 });
    const about = (position: string): string[] => report.diagnostics.filter((d) => d.params?.['position'] === position).map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.code}`);
    expect(about('analysis.leader')).toEqual([]);
    expect(about('command.leader')).toEqual(['5:48 backup-is-only-holder']);
    expect(about('command.deputy')).toEqual(['2:1 position-without-backup']);
  });

  it('writes messages in zh-CN on request', () => {
    const roster = checkRoster({ file: `${FIX}/roster-gaps.yaml` }, plan, { locale: 'zh-CN' });
    if (roster.value === undefined) throw new Error('roster does not check');
    const report = checkReadiness(plan, { roster: { value: roster.value, source: roster.source }, locale: 'zh-CN' });
    expect(report.diagnostics[0]?.message).toBe('人员名册中没有人担任角色“legal-head”（法务部负责人）。请在 `people` 中添加担任该角色的人员。');
  });
});

describe('checkRoster and checkInventory', () => {
  it('report schema errors with the file position (unknown key with a suggestion, wrong type)', () => {
    const roster = checkRoster({ file: `${FIX}/roster-invalid.yaml` }, plan);
    expect(roster.ok).toBe(false);
    expect(where(roster.diagnostics)).toEqual([`${FIX}/roster-invalid.yaml:4:5 error unknown-key`, `${FIX}/roster-invalid.yaml:5:25 error wrong-type`]);
    expect(roster.diagnostics[0]?.message).toContain('Did you mean "roles"?');
  });

  it('report what does not fit the plan', () => {
    const roster = checkRoster({ file: `${FIX}/roster-unfit.yaml` }, plan);
    expect(roster.ok).toBe(false);
    expect(where(roster.diagnostics)).toEqual([
      `${FIX}/roster-unfit.yaml:2:7 error roster-plan-mismatch`,
      `${FIX}/roster-unfit.yaml:4:30 error roster-unknown-role`,
      `${FIX}/roster-unfit.yaml:5:64 error roster-unknown-position`,
      `${FIX}/roster-unfit.yaml:6:11 error roster-duplicate-person`,
    ]);
    expect(roster.diagnostics[1]?.message).toBe('Role "department-haed" is not a role of plan "public-opinion". Did you mean "department-head"?');
    const inventory = checkInventory({ file: `${FIX}/inventory-unfit.yaml` }, plan);
    expect(inventory.ok).toBe(false);
    expect(where(inventory.diagnostics)).toEqual([`${FIX}/inventory-unfit.yaml:3:11 error inventory-unknown-resource`, `${FIX}/inventory-unfit.yaml:5:11 error inventory-duplicate-resource`]);
  });

  it('report a missing file and YAML syntax errors', () => {
    const missing = checkRoster({ file: `${FIX}/nope.yaml` }, plan);
    expect(missing).toMatchObject({ ok: false, readable: false, diagnostics: [{ code: 'file-not-found' }] });
    const broken = checkInventory({ file: 'broken.yaml', text: 'inventory: 1\nresources: [ { id: x\n' }, plan);
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', file: 'broken.yaml' });
  });
});
