import { checkPlan } from '../../src/dsl/check-plan.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';

/**
 * A small plan of our own for the runtime v2 tests (not the seed plan): stages assess → review →
 * closed, a number field set by READING, a NOTE event allowed in every stage (it adds a timeline
 * entry and changes nothing else), and a deadline on assess (due one hour after the stage is
 * entered, met by ASSESSED, breach notifies the lead).
 */
export const INTEGRITY_PLAN_YAML = `planwright: 1
id: runtime-v2-integrity
version: 1.0.0
title: Runtime v2 integrity fixture
timezone: UTC
severity:
  - { id: A, title: A }
  - { id: B, title: B }
categories: [{ id: any, title: Any }]
roles:
  - { id: lead, title: Lead }
  - { id: clerk, title: Clerk }
fields:
  - { id: reading, type: number }
  - { id: note, type: text }
events:
  - { id: READING, requires: [reading] }
  - { id: NOTE, requires: [note] }
  - { id: ASSESSED }
  - { id: REVIEWED }
stages:
  - id: assess
    title: Assess
    on:
      - { event: READING, by: [any-role] }
      - { event: ASSESSED, by: [lead], target: review }
  - id: review
    title: Review
    on:
      - { event: REVIEWED, by: [lead], target: closed }
  - { id: closed, title: Closed, final: true }
transitions:
  - { event: NOTE, in: '*', by: [any-role] }
deadlines:
  - id: assess-in-time
    title: Assessed within an hour
    from: enter
    stage: assess
    due: 1h
    metBy: [ASSESSED]
    breach:
      - { notify: [lead] }
`;

let compiled: CompiledPlan | undefined;

/** The fixture plan, compiled once per test file. */
export function integrityPlan(): CompiledPlan {
  if (compiled !== undefined) return compiled;
  const result = checkPlan({ text: INTEGRITY_PLAN_YAML });
  if (!result.ok || result.plan === undefined) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  compiled = compilePlan(result.plan);
  return compiled;
}

/** People of the fixture plan. */
export const lead = { id: 'lin', roles: ['lead'] };
export const clerk = { id: 'kai', roles: ['clerk'] };

/** The fixture's start time. */
export const T0 = '2026-03-02T08:00:00.000Z';
