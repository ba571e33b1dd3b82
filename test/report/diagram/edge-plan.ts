import { checkPlan } from '../../../src/dsl/check-plan.js';
import type { PlanDefinition } from '../../../src/dsl/schema/plan.js';

/**
 * A small plan with what the seed plan does not have: conditional targets, guards, ids with
 * hyphens and Mermaid keywords (`end`, `state`), titles with quotes, `%%` and `#…;`, a track owner,
 * a stage without owner, a shared transition with a target in every stage.
 */
export const EDGE_PLAN_TEXT = `
planwright: 1
id: edge-plan
version: 0.1.0
title: Edge "cases"
severity: [{ id: high, title: High }, { id: low, title: Low }]
categories: [{ id: any, title: Any }]
roles:
  - { id: lead, title: Lead }
  - { id: aide, title: Aide }
teams:
  - { id: ops-team, title: 'Ops "A" %% team', leader: lead }
  - { id: end, title: 'end #59; team', leader: aide }
fields:
  - { id: level, type: number }
events: [{ id: GO }, { id: ABORT }, { id: PING }, { id: T1 }, { id: T2 }]
stages:
  - id: first-step
    title: 'First "step" %% one'
    owner: ops-team
    on:
      - event: GO
        by: [ops-team.leader]
        targets:
          - { when: { all: [{ field: level, gt: 2 }, { not: { field: level, eq: 9 } }] }, target: state }
          - { target: end }
      - { event: PING, by: [lead], when: { field: level, exists: true } }
  - id: state
    title: 'state; #35; x'
    tracks:
      - { id: t-one, title: One, owner: end, on: [{ event: T1, by: [end] }] }
      - { id: t-two, on: [{ event: T2, by: [ops-team] }] }
    done: end
  - { id: end, title: End, final: true }
transitions:
  - { event: ABORT, in: '*', by: [lead], target: end }
`;

/**
 * The edge plan, checked (throws if it is not valid).
 *
 * @example
 * edgePlan().stages.length; // 3
 */
export function edgePlan(): PlanDefinition {
  const checked = checkPlan({ text: EDGE_PLAN_TEXT, file: 'edge.plan.yaml' });
  if (!checked.ok || checked.plan === undefined) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.plan;
}
