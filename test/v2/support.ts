import { checkPlan } from '../../src/dsl/check-plan.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';

/** Compiles plan YAML text, failing the test with the diagnostics when it does not check. */
export function planOf(text: string): CompiledPlan {
  const result = checkPlan({ text });
  if (!result.ok || result.plan === undefined) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return compilePlan(result.plan);
}

/** Compiles a plan file. */
export function planFile(file: string): CompiledPlan {
  const result = checkPlan({ file });
  if (!result.ok || result.plan === undefined) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return compilePlan(result.plan);
}

/** A small plan of levels A (most severe) and B, with the given extra YAML appended. */
export function levelsPlan(extra: string, header = ''): string {
  return `planwright: 1
id: v2-test
version: 1.0.0
title: V2 test
timezone: Asia/Shanghai
${header}
severity:
  - { id: A, title: A }
  - { id: B, title: B }
categories: [{ id: any, title: Any }]
roles:
  - { id: boss, title: Boss }
  - { id: chief, title: Chief }
  - { id: clerk, title: Clerk }
fields:
  - { id: level, type: severity }
  - { id: when, type: datetime }
  - { id: site, type: text }
  - { id: value, type: number }
  - { id: limit, type: number }
events:
  - { id: START, requires: [level] }
  - { id: CHANGE, requires: [level] }
  - { id: FOUND, requires: [site, when] }
  - { id: REPORTED, requires: [site] }
  - { id: READING, requires: [value], optional: [limit] }
  - { id: DONE }
${extra}`;
}
