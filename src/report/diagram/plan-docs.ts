import { readdirSync } from 'node:fs';
import path from 'node:path';
import { checkPlan } from '../../dsl/check-plan.js';
import { planDiagramsMarkdown } from './plan-diagrams-markdown.js';

/** A generated documentation page of a plan. */
export interface PlanDoc {
  /** The plan file, relative to the repository root. */
  readonly source: string;
  /** Where the page goes, relative to the repository root (`docs/plans/<id>.md`). */
  readonly path: string;
  /** The page. */
  readonly text: string;
}

/** The command that regenerates the pages, named in them. */
export const WRITE_PLAN_DOCS = 'npx tsx scripts/write-plan-docs.ts';

/**
 * The diagram pages of every valid plan under `<root>/plans/` (`*.plan.yaml`, `*.plan.json`).
 *
 * @internal Used by scripts/write-plan-docs.ts and its test.
 * @example
 * planDocs('.').map((d) => d.path); // ['docs/plans/public-opinion.md']
 */
export function planDocs(root: string): PlanDoc[] {
  const dir = path.join(root, 'plans');
  return readdirSync(dir)
    .filter((f) => /\.plan\.(ya?ml|json)$/.test(f))
    .sort()
    .flatMap((f) => {
      const source = `plans/${f}`;
      const checked = checkPlan({ file: source }, { cwd: root });
      if (!checked.ok || checked.plan === undefined) return [];
      const text = planDiagramsMarkdown(checked.plan, { source, regenerate: WRITE_PLAN_DOCS });
      return [{ source, path: `docs/plans/${checked.plan.id}.md`, text }];
    });
}
