import type { Diagnostic, DocumentPath } from '../../diagnostics/diagnostic.js';
import type { PlanDefinition } from '../../dsl/schema/plan.js';
import { scenarioDiagnostic, type ScenarioDiagnosticContext } from './scenario-diagnostic.js';
import type { DrillExpectation, DrillScenario } from './scenario-schema.js';

/**
 * Checks a schema-valid scenario against a plan: roles held by people, people named in `by`,
 * the opening category and severity, events sent (unless the step expects `unknown-event`),
 * and the stage, severity, deadline and role ids of every expectation.
 *
 * @example
 * ```ts
 * const diagnostics = validateScenario(scenario, plan, { file: 'a.drill.yaml' });
 * ```
 */
export function validateScenario(scenario: DrillScenario, plan: PlanDefinition, ctx: ScenarioDiagnosticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = {
    roles: new Set(plan.roles.map((r) => r.id)),
    categories: plan.categories.map((c) => c.id),
    events: new Set(plan.events.map((e) => e.id)),
    stages: plan.stages.map((s) => s.id),
    severity: plan.severity.map((s) => s.id),
    deadlines: plan.deadlines.map((d) => d.id),
  };
  const people = Object.keys(scenario.people);
  const known = people.length === 0 ? '(none)' : people.join(', ');

  for (const [person, roles] of Object.entries(scenario.people)) {
    roles.forEach((role, j) => {
      if (!ids.roles.has(role)) out.push(scenarioDiagnostic(ctx, 'unknown-role', ['people', person, j], { id: role }));
    });
  }
  const checkPerson = (id: string, path: DocumentPath): void => {
    if (!Object.hasOwn(scenario.people, id)) out.push(scenarioDiagnostic(ctx, 'unknown-person', path, { id, known }));
  };
  checkPerson(scenario.open.by, ['open', 'by']);
  if (!ids.categories.includes(scenario.open.category)) {
    out.push(
      scenarioDiagnostic(ctx, 'unknown-category', ['open', 'category'], {
        id: scenario.open.category,
        known: ids.categories.join(', '),
      }),
    );
  }
  if (scenario.open.severity !== undefined && !ids.severity.includes(scenario.open.severity)) {
    out.push(
      scenarioDiagnostic(ctx, 'unknown-severity', ['open', 'severity'], {
        id: scenario.open.severity,
        known: ids.severity.join(', '),
      }),
    );
  }

  const checkExpect = (expect: DrillExpectation | undefined, path: DocumentPath): void => {
    if (!expect) return;
    if (expect.stage !== undefined) {
      const stages = typeof expect.stage === 'string' ? [expect.stage] : expect.stage;
      stages.forEach((s, j) => {
        if (!ids.stages.includes(s)) {
          const at = typeof expect.stage === 'string' ? [...path, 'stage'] : [...path, 'stage', j];
          out.push(scenarioDiagnostic(ctx, 'unknown-stage', at, { id: s, known: ids.stages.join(', ') }));
        }
      });
    }
    if (expect.severity !== undefined && !ids.severity.includes(expect.severity)) {
      out.push(
        scenarioDiagnostic(ctx, 'unknown-severity', [...path, 'severity'], {
          id: expect.severity,
          known: ids.severity.join(', '),
        }),
      );
    }
    expect.breaches?.forEach((d, j) => {
      if (!ids.deadlines.includes(d)) {
        out.push(
          scenarioDiagnostic(ctx, 'unknown-deadline', [...path, 'breaches', j], { id: d, known: ids.deadlines.join(', ') }),
        );
      }
    });
    expect.notified?.forEach((r, j) => {
      if (!ids.roles.has(r)) out.push(scenarioDiagnostic(ctx, 'unknown-role', [...path, 'notified', j], { id: r }));
    });
  };

  scenario.steps.forEach((step, i) => {
    if (step.by !== undefined) checkPerson(step.by, ['steps', i, 'by']);
    if (step.onBehalfOf !== undefined) checkPerson(step.onBehalfOf, ['steps', i, 'onBehalfOf']);
    if (step.send !== undefined && !ids.events.has(step.send) && step.expect?.rejected !== 'unknown-event') {
      out.push(scenarioDiagnostic(ctx, 'unknown-event', ['steps', i, 'send'], { id: step.send }));
    }
    checkExpect(step.expect, ['steps', i, 'expect']);
  });
  checkExpect(scenario.expect, ['expect']);
  return out;
}
