import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createParseCache } from '../../src/index.js';
import { analyzePlan, type PlanAnalysis } from '../../src/studio/analyze-plan.js';
import { computeOpening, firstLocale, isCurrent } from '../../src/studio/opening.js';
import { versionOf, Workspace } from '../../src/studio/workspace.js';
import { copyFolder } from './studio-fixture.js';

const made: string[] = [];
function folder(from: string): string {
  const dir = copyFolder(from);
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An analysis without its timing, the one field two checks of the same texts may differ in. */
function untimed(analysis: PlanAnalysis): Omit<PlanAnalysis, 'durationMs'> {
  const { durationMs: _durationMs, ...rest } = analysis;
  return rest;
}

/** What a later check (`/api/check`) of the opened texts in the opening's language gives. */
function laterCheck(workspace: Workspace, planFile: string, files: Array<{ path: string; text: string }>, locale: string): PlanAnalysis {
  return analyzePlan(workspace, planFile, new Map(files.map((file) => [file.path, file.text])), locale).analysis;
}

describe('the studio\'s opening (first view worked out on the server)', () => {
  it('checks the seed plan in its first locale (zh-CN), even when English was guessed, exactly as a later check of the opened text', () => {
    const dir = folder('plans');
    const workspace = new Workspace(dir);
    const opening = computeOpening(workspace, 'public-opinion.plan.yaml', { kind: 'disk' }, 'en', createParseCache());
    expect(opening.locale).toBe('zh-CN');
    expect(opening.files).toEqual([{ path: 'public-opinion.plan.yaml', text: readFileSync(join(dir, 'public-opinion.plan.yaml'), 'utf8'), version: versionOf(readFileSync(join(dir, 'public-opinion.plan.yaml'), 'utf8')) }]);
    expect(opening.analysis.graph?.stages.find((stage) => stage.id === 'strategy')?.title).toBe('制定应急响应策略');
    expect(opening.definition?.id).toBe(opening.analysis.planId);
    expect(untimed(opening.analysis)).toEqual(untimed(laterCheck(workspace, 'public-opinion.plan.yaml', opening.files, 'zh-CN')));
    expect(opening.reusable).toBe(true);
    expect(isCurrent(opening, workspace, () => false)).toBe(true);
  });

  it('takes a plan\'s first locale when it is English (a second plan: the city-flood plan with its locales swapped)', () => {
    const dir = folder('plans');
    const file = join(dir, 'city-flood.plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('locales: [zh-CN, en]', 'locales: [en, zh-CN]'));
    const workspace = new Workspace(dir);
    const opening = computeOpening(workspace, 'city-flood.plan.yaml', { kind: 'disk' }, 'zh-CN');
    expect(opening.locale).toBe('en');
    expect(opening.analysis.locales).toEqual(['en', 'zh-CN']);
    expect(untimed(opening.analysis)).toEqual(untimed(laterCheck(workspace, 'city-flood.plan.yaml', opening.files, 'en')));
    expect(firstLocale(['fr', 'en'])).toBe('en');
  });

  it('is no longer current once the plan changed on disk; the new opening shows the change', () => {
    const dir = folder('plans');
    const workspace = new Workspace(dir);
    const opening = computeOpening(workspace, 'public-opinion.plan.yaml', { kind: 'disk' }, 'zh-CN');
    const text = readFileSync(join(dir, 'public-opinion.plan.yaml'), 'utf8');
    const typo = text.replace('by: [command.leader, command.deputy]\n        target: respond', 'by: [command.leader, deputy-hed]\n        target: respond');
    expect(typo).not.toBe(text);
    writeFileSync(join(dir, 'public-opinion.plan.yaml'), typo);
    expect(isCurrent(opening, workspace, () => false)).toBe(false);
    const next = computeOpening(workspace, 'public-opinion.plan.yaml', { kind: 'disk' }, opening.locale);
    const line = typo.split('\n').findIndex((l) => l.includes('deputy-hed')) + 1;
    expect(next.analysis.diagnostics.filter((d) => d.code === 'unknown-role').map((d) => d.range?.start.line)).toEqual([line]);
    expect(next.files[0]?.text).toBe(typo);
    expect(isCurrent(next, workspace, () => false)).toBe(true);
  });

  it('opens a plan\'s included files, checked as opened, and is no longer current when one of them changed', () => {
    const dir = folder('docs/tutorial');
    const workspace = new Workspace(dir);
    const opening = computeOpening(workspace, 'water-outage.plan.yaml', { kind: 'disk' }, 'zh-CN');
    expect(opening.files.map((file) => file.path)).toEqual(['water-outage.plan.yaml', 'people.yaml']);
    expect(opening.files[1]?.text).toBe(readFileSync(join(dir, 'people.yaml'), 'utf8'));
    expect(opening.analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(untimed(opening.analysis)).toEqual(untimed(laterCheck(workspace, 'water-outage.plan.yaml', opening.files, opening.locale)));
    expect(isCurrent(opening, workspace, () => false)).toBe(true);
    writeFileSync(join(dir, 'people.yaml'), readFileSync(join(dir, 'people.yaml'), 'utf8').replace('leader: repair-lead', 'leader: repair-leadx'));
    expect(isCurrent(opening, workspace, () => false)).toBe(false);
    const next = computeOpening(workspace, 'water-outage.plan.yaml', { kind: 'disk' }, opening.locale);
    expect(next.analysis.diagnostics.find((d) => d.code === 'unknown-role')?.file).toBe('people.yaml');
  });

  it('is never reused while an included file is missing: the file may appear without any version changing', () => {
    const dir = folder('docs/tutorial');
    const people = readFileSync(join(dir, 'people.yaml'), 'utf8');
    rmSync(join(dir, 'people.yaml'));
    const workspace = new Workspace(dir);
    const opening = computeOpening(workspace, 'water-outage.plan.yaml', { kind: 'disk' }, 'zh-CN');
    expect(opening.analysis.diagnostics.map((d) => d.code)).toContain('include-not-found');
    expect(opening.reusable).toBe(false);
    expect(isCurrent(opening, workspace, () => false)).toBe(false);
    writeFileSync(join(dir, 'people.yaml'), people);
    const next = computeOpening(workspace, 'water-outage.plan.yaml', { kind: 'disk' }, opening.locale);
    expect(next.analysis.diagnostics.map((d) => d.code)).not.toContain('include-not-found');
    expect(next.files.map((file) => file.path)).toEqual(['water-outage.plan.yaml', 'people.yaml']);
  });

  it('opens a starter plan not on disk yet (version null), current only while the file is still missing', () => {
    const dir = folder('docs/tutorial');
    const workspace = new Workspace(dir);
    const starter = readFileSync(join(dir, 'water-outage.plan.yaml'), 'utf8').replace('include: [people.yaml]\n', '');
    const missing = (): boolean => !existsSync(join(dir, 'new.plan.yaml'));
    const opening = computeOpening(workspace, 'new.plan.yaml', { kind: 'starter', text: starter }, 'en');
    expect(opening.files).toEqual([{ path: 'new.plan.yaml', text: starter, version: null }]);
    expect(isCurrent(opening, workspace, missing)).toBe(true);
    writeFileSync(join(dir, 'new.plan.yaml'), starter);
    expect(isCurrent(opening, workspace, missing)).toBe(false);
  });
});
