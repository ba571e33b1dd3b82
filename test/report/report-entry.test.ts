// planwright/report: the after-action report and evaluation from a bundle, without the DSL. The
// entry's import graph (esbuild's metafile, every package bundled) holds no module of src/dsl or
// src/testing, no YAML parser and of zod only zod/mini (the bundle check); the built entry is checked in test/dist.
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { createBundle, loadPlan } from '../../src/index.js';
import { afterActionReport, BundleError, evaluate, readBundle } from '../../src/report/report-entry.js';
import { createEngine, createManualClock } from '../../src/runtime/index.js';
import { runSeedDrills } from '../testing/seed-drills.js';

describe('planwright/report', () => {
  test('its import graph holds no DSL or testing module, no YAML parser and no classic zod', async () => {
    const result = await build({
      entryPoints: ['src/report/report-entry.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/report/after-action/after-action-report.ts');
    expect(inputs).toContain('src/bundle/read-bundle.ts');
    expect(inputs.filter((input) => input.startsWith('src/dsl/') || input.startsWith('src/testing/'))).toEqual([]);
    // zod/mini checks the bundle (its core and mini; mini's index names every locale, the bundler keeps
    // only the English messages used); not classic zod, not yaml
    const packages = inputs.filter((input) => input.includes('node_modules/'));
    expect(packages.some((input) => input.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(packages.filter((input) => !/node_modules\/zod\/v4\/(core|mini|locales)\/|node_modules\/zod\/mini\/index\.js$/.test(input))).toEqual([]);
    expect(inputs.some((input) => input.startsWith('src/compile/') && !['src/compile/duration.ts', 'src/compile/hash.ts', 'src/compile/canonical-json.ts', 'src/compile/level-duties.ts', 'src/compile/zoned-time.ts'].includes(input))).toBe(false);
  });

  test('a bundle gives the same reports as the plan definition', async () => {
    const definition = loadPlan({ file: 'plans/public-opinion.plan.yaml' });
    const bundle = JSON.parse(JSON.stringify(createBundle(definition))) as unknown;
    const incidents = (await runSeedDrills()).map((run) => run.incident!);
    const fromBundle = evaluate(readBundle(bundle), incidents);
    expect(fromBundle.json).toEqual(evaluate(definition, incidents).json);
    expect(fromBundle.json.incidents).toBe(11);
    const incident = incidents[0]!;
    const report = afterActionReport(incident, bundle as never, { locale: 'en' });
    expect(report.markdown).toBe(afterActionReport(incident, definition, { locale: 'en' }).markdown);
    expect(report.json.incident.id).toBe(incident.id);
  });

  test('a second plan: a flood incident reported from its bundle', async () => {
    const bundle = createBundle(loadPlan({ file: 'plans/city-flood.plan.yaml' }));
    const clock = createManualClock('2026-07-15T00:00:00Z');
    const engine = createEngine(bundle, { clock });
    const incident = await engine.open({ by: { id: 'ma', roles: ['met-forecaster'] }, title: '城区发布暴雨黄色预警', category: 'river-flood', data: { warningColour: 'yellow', returnPeriod: 5 } });
    clock.advance('10m');
    const read = await engine.send(incident.id, { type: 'WATER_READING', by: { id: 'he', roles: ['hydrologist'] }, data: { riverLevel: 3.8, warningWaterLevel: 4.0 } });
    expect(read.ok).toBe(true);
    const report = afterActionReport((await engine.get(incident.id))!, bundle, { locale: 'zh-CN' });
    expect(report.json.incident).toMatchObject({ id: incident.id, planId: 'city-flood', closed: false });
    expect(report.markdown).toContain('城区发布暴雨黄色预警');
    await engine.dispose();
  });

  test('a damaged bundle is refused with its BundleError code, before any report is made', () => {
    const bundle = createBundle(loadPlan({ file: 'plans/public-opinion.plan.yaml' }));
    const edited = { ...bundle, definition: { ...bundle.definition, title: 'edited' } };
    expect(() => readBundle(edited)).toThrow(expect.objectContaining({ name: 'BundleError', code: 'hash-mismatch' }));
    expect(() => evaluate(edited, [])).toThrow(BundleError);
    expect(() => readBundle({ format: 'planwright-bundle' })).toThrow(expect.objectContaining({ code: 'not-a-bundle' }));
  });
});
