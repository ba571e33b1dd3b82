import { type CheckedDataFile, checkInventory, checkReadiness, checkRoster, type Diagnostic, type Locale, messagesIn, type ReadinessSummary, toJsonDiagnostic } from '../../index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

function summaryLine(summary: ReadinessSummary, locale: Locale): string {
  const t = messagesIn(CLI_MESSAGES, locale);
  const parts = [
    t.readinessRoles(summary.roles),
    t.readinessPositions(summary.positions),
    summary.resources === null ? t.readinessResourcesUnchecked() : t.readinessResources(summary.resources),
  ];
  return parts.join(t.readinessSeparator());
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
  translations: {
    'zh-CN': {
      summary: '对照预案检查人员名册（和物资清单）：角色有人担任、岗位有替补、资源可用',
      usage: 'readiness <预案文件> --roster <文件> [--inventory <文件>] [--json] [--locale zh-CN]',
      description: [
        '预案的每个角色都须由名册上的某人担任，每个小组的组长和副组长岗位都须有指定的替补（`backs:`），',
        '阶段用到的每项资源都须在物资清单中且可用（标为 whenNeeded 的资源只给警告）。',
        '缺口会连同它在名册或清单中的位置一起打印。',
        '退出码：0 已就绪（可有警告），1 发现缺口或预案有错误，2 参数有误、文件缺失，',
        '或名册、清单无效或与预案不符。',
      ].join('\n'),
      optionHelp: [
        ['--roster <文件>', '人员、他们担任的角色和替补的岗位（YAML 或 JSON）'],
        ['--inventory <文件>', '资源及每项是否可用（YAML 或 JSON）'],
      ],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    const fail = (message: string): number => {
      io.stderr(`${t.badArguments({ command: 'readiness', reason: message })}\n${t.seeCommandHelp({ command: 'readiness' })}\n`);
      return EXIT_USAGE;
    };
    if (positionals.length !== 1) return fail(t.readinessNeedsPlan());
    if (typeof values.roster !== 'string') return fail(t.readinessNeedsRoster());
    const json = values.json === true;
    const frames = io.isTTY === true;
    let locale = context.locale;
    const print = (ok: boolean, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, summary: ReadinessSummary | null, toStderr: boolean): void => {
      if (json) {
        io.stdout(`${JSON.stringify({ ok, ready: ok, summary, diagnostics: diagnostics.map(toJsonDiagnostic) }, null, 2)}\n`);
        return;
      }
      const text = formatDiagnosticsText(diagnostics, { sources, frames, color: frames, locale });
      if (toStderr) io.stderr(text);
      else io.stdout(text);
    };

    const plan = checkPlanArgument(context, positionals[0] as string);
    locale = plan.locale;
    if (!plan.result.ok || plan.result.plan === undefined) {
      print(false, plan.result.diagnostics, plan.result.sources, null, true);
      return plan.readable ? EXIT_FAILED : EXIT_USAGE;
    }
    const definition = plan.result.plan;
    const options = { locale, cwd: context.cwd };
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
      locale,
    });
    const diagnostics = [...inputDiagnostics, ...report.diagnostics];
    print(report.ready, diagnostics, sources, report.summary, false);
    if (!json) {
      const said = messagesIn(CLI_MESSAGES, locale);
      const ready = report.ready ? said.ready() : said.notReady();
      io.stdout(`${said.readinessVerdict({ file: plan.file, ready, id: definition.id, version: definition.version, summary: summaryLine(report.summary, locale) })}\n`);
    }
    return report.ready ? EXIT_OK : EXIT_FAILED;
  },
};
