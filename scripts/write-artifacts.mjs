// Runs after tsup: bundles every plan under plans/ into dist/plans/<id>.json so that host apps
// can `import bundle from 'planwright/plans/public-opinion.json'`. Uses only the built package.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBundle, formatDiagnostic, checkPlan } from '../dist/index.js';

const out = 'dist/plans';
mkdirSync(out, { recursive: true });
let failed = false;
for (const name of readdirSync('plans').filter((f) => f.endsWith('.plan.yaml')).sort()) {
  const file = join('plans', name);
  const result = checkPlan({ file });
  if (!result.ok || !result.plan) {
    for (const d of result.diagnostics) console.error(formatDiagnostic(d));
    failed = true;
    continue;
  }
  const bundle = createBundle(result.plan);
  const target = join(out, `${result.plan.id}.json`);
  writeFileSync(target, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`bundled ${file} → ${target} (${bundle.hash.slice(0, 12)})`);
}
if (failed) process.exit(1);
