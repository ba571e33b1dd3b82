import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { toJsonDiagnostic } from '../../diagnostics/json-diagnostic.js';
import { checkInventory } from '../../readiness/check-inventory.js';
import { checkReadiness, type ReadinessSummary } from '../../readiness/check-readiness.js';
import { checkRoster } from '../../readiness/check-roster.js';
import type { CheckedDataFile } from '../../readiness/read-data-file.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

function summaryLine(summary: ReadinessSummary): string {
  const parts = [
    `roles ${summary.roles.staffed}/${summary.roles.total} staffed`,
    `positions ${summary.positions.backedUp}/${summary.positions.total} backed up`,
    summary.resources === null ? 'resources not checked (no --inventory)' : `resources ${summary.resources.available}/${summary.resources.total} available`,
  ];
  return parts.join(', ');
}

/** `planwright readiness <plan> --roster <file> [--inventory <file>]`: are people and resources in place? */
export const readinessCommand: CliCommand = {
  name: 'readiness',
  summary: 'check a roster (and an inventory) against a plan: roles staffed, positions backed up, resources available',
  usage: 'readiness <plan> --roster <file> [--inventory <file>] [--json] [--locale zh-CN]',
  description: [
    'Every role of the plan must be held by someone on the roster, every team leader and deputy position',
    'must have a named backup (`backs:`), and every resource a stage uses must be in the inventory and',
    'available (resources marked whenNeeded only warn). Gaps print with their place in the roster or inventory.',
    'Exit code: 0 ready (warnings allowed), 1 gaps found or the plan has errors, 2 bad arguments, a missing',
    'file, or a roster/inventory that is not valid or does not fit the plan.',
  ].join('\n'),
  options: {
    roster: { type: 'string' },
    inventory: { type: 'string' },
  },
  optionHelp: [
    ['--roster <file>', 'people, the roles they hold and the positions they back up (YAML or JSON)'],
    ['--inventory <file>', 'resources and whether each is available (YAML or JSON)'],
  ],
  run(context) {
    const { io, positionals, values } = context;
    const fail = (message: string): number => {
      io.stderr(`planwright readiness: ${message}\nRun "planwright readiness --help" for its options.\n`);
      return EXIT_USAGE;
    };
    if (positionals.length !== 1) return fail('give exactly one plan file, e.g. planwright readiness plans/my.plan.yaml --roster roster.yaml');
    if (typeof values.roster !== 'string') return fail('give the roster with --roster <file>');
    const json = values.json === true;
    const frames = io.isTTY === true;
    const print = (ok: boolean, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, summary: ReadinessSummary | null, toStderr: boolean): void => {
      if (json) {
        io.stdout(`${JSON.stringify({ ok, ready: ok, summary, diagnostics: diagnostics.map(toJsonDiagnostic) }, null, 2)}\n`);
        return;
      }
      const text = formatDiagnosticsText(diagnostics, { sources, frames, color: frames });
      if (toStderr) io.stderr(text);
      else io.stdout(text);
    };

    const plan = checkPlanArgument(context, positionals[0] as string);
    if (!plan.result.ok || plan.result.plan === undefined) {
      print(false, plan.result.diagnostics, plan.result.sources, null, true);
      return plan.readable ? EXIT_FAILED : EXIT_USAGE;
    }
    const definition = plan.result.plan;
    const options = { locale: context.locale, cwd: context.cwd };
    const roster = checkRoster({ file: values.roster }, definition, options);
    const inventory = typeof values.inventory === 'string' ? checkInventory({ file: values.inventory }, definition, options) : undefined;
    const inputs: Array<CheckedDataFile<unknown>> = inventory === undefined ? [roster] : [roster, inventory];
    const sources = new Map(inputs.flatMap((f) => (f.file !== undefined && f.text !== undefined ? [[f.file, f.text] as const] : [])));
    const inputDiagnostics = inputs.flatMap((f) => f.diagnostics);
    if (!roster.ok || roster.value === undefined || (inventory !== undefined && (!inventory.ok || inventory.value === undefined))) {
      print(false, inputDiagnostics, sources, null, true);
      return EXIT_USAGE;
    }

    const report = checkReadiness(definition, {
      roster: { value: roster.value, source: roster.source },
      ...(inventory?.value === undefined ? {} : { inventory: { value: inventory.value, source: inventory.source } }),
      locale: context.locale,
    });
    const diagnostics = [...inputDiagnostics, ...report.diagnostics];
    print(report.ready, diagnostics, sources, report.summary, false);
    if (!json) {
      const verdict = report.ready ? 'ready' : 'NOT ready';
      io.stdout(`${plan.file}: ${verdict} (plan ${definition.id} ${definition.version}): ${summaryLine(report.summary)}\n`);
    }
    return report.ready ? EXIT_OK : EXIT_FAILED;
  },
};
