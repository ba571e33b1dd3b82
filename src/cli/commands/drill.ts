import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CompiledPlan, CompileError, compilePlan, coverageText, type Diagnostic, drillSummaryText, type Locale, messagesIn, type SourceLocator, writeDrillReports } from '../../index.js';
import { checkScenario, drillCoverage, type DrillResult, drillRunJson, type DrillScenario, runDrill, scenarioDiagnostic } from '../../testing/index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand, CommandContext } from '../command.js';
import { diagnosticsReport, formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/**
 * `planwright drill <plan> <scenario>... [--json] [--report <dir>] [--coverage]`: runs drill
 * scenarios on a simulated clock (drills-and-cli.md). Exit 0 all pass, 1 any expectation failed,
 * 2 bad arguments, an unreadable file, or a plan or scenario that is not valid input.
 */
export const drillCommand: CliCommand = {
  name: 'drill',
  summary: 'run drill scenarios on a simulated clock and report the results',
  usage: 'drill <plan> <scenario>... [--json] [--report <dir>] [--coverage]',
  description: [
    'Each scenario (YAML or JSON) opens an incident at its start time and runs its steps; the clock',
    'moves to each step, and deadlines due on the way fire at their own due time, in order.',
    'Prints a summary table (drill, result, final stage, breaches) and every failed expectation as',
    '"file:line:col: step N: expected … got …".',
    'Exit code: 0 all drills pass, 1 an expectation failed, 2 bad arguments, a file that cannot be',
    'read, or a plan or scenario file that is not valid (printed as file:line:col diagnostics).',
  ].join('\n'),
  options: { report: { type: 'string' }, coverage: { type: 'boolean' } },
  optionHelp: [
    ['--report <dir>', 'write Markdown and HTML reports (drills, after-action, evaluation, index) into <dir>'],
    ['--coverage', 'show which stages, transitions, tracks and deadline outcomes the drills exercised'],
  ],
  translations: {
    'zh-CN': {
      summary: '在模拟时钟上运行演练，并报告结果',
      usage: 'drill <预案文件> <演练文件>... [--json] [--report <目录>] [--coverage]',
      description: [
        '每个演练文件（YAML 或 JSON）在其开始时间启动一个事件，并依次执行各步骤；时钟走到',
        '每一步的时间，途中到期的时限按各自的到期时刻依次触发。',
        '打印汇总表（演练、结果、最终阶段、超时），以及每个未满足的预期，格式为',
        '“文件:行:列: 第 N 步: 预期…… 实际……”，并说明超时或被拒绝的原因。',
        '退出码：0 全部通过，1 有预期未满足，2 参数有误、文件无法读取，',
        '或预案、演练文件无效（以“文件:行:列”诊断打印）。',
      ].join('\n'),
      optionHelp: [
        ['--report <目录>', '把 Markdown 和 HTML 报告（演练、事后总结、评估、索引）写入 <目录>'],
        ['--coverage', '显示演练覆盖了哪些阶段、转换、并行分支和时限结果'],
      ],
    },
  },
  async run(context) {
    const { io, positionals, values } = context;
    const json = values['json'] === true;
    const [planFile, ...scenarioFiles] = positionals;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    if (planFile === undefined || scenarioFiles.length === 0) {
      io.stderr(`${t.badArguments({ command: 'drill', reason: t.drillNeedsArguments() })}\n`);
      return EXIT_USAGE;
    }
    const reportDir = values['report'];
    if (reportDir !== undefined && (typeof reportDir !== 'string' || reportDir === '')) {
      io.stderr(`${t.badArguments({ command: 'drill', reason: t.reportNeedsFolder() })}\n`);
      return EXIT_USAGE;
    }

    const checked = checkPlanArgument(context, planFile);
    const definition = checked.result.plan;
    const { locale } = checked;
    const said = messagesIn(CLI_MESSAGES, locale);
    if (!checked.readable || !checked.result.ok || definition === undefined) {
      inputErrors(context, checked.result.diagnostics, new Map(checked.result.sources), locale);
      return EXIT_USAGE;
    }
    let plan: CompiledPlan;
    try {
      plan = compilePlan(definition);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      for (const p of error.problems) io.stderr(`${said.compileProblem({ file: planFile, code: p.code, path: p.path.join('.'), message: p.message })}\n`);
      return EXIT_USAGE;
    }

    const scenarios: DrillScenario[] = [];
    const locators = new Map<string, SourceLocator>();
    const sources = new Map<string, string>();
    const diagnostics: Diagnostic[] = [];
    for (const file of scenarioFiles) {
      let text: string;
      try {
        text = readFileSync(resolve(context.cwd, file), 'utf8');
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        diagnostics.push(scenarioDiagnostic({ file, locale }, 'file-not-found', [], { reason }));
        continue;
      }
      sources.set(file, text);
      const check = checkScenario(text, { file, plan: definition, locale });
      if (check.locator) locators.set(file, check.locator);
      if (check.ok && check.scenario) scenarios.push(check.scenario);
      else for (const d of check.diagnostics) diagnostics.push(d);
    }
    if (diagnostics.length > 0) {
      inputErrors(context, diagnostics, sources, locale);
      return EXIT_USAGE;
    }

    const results: DrillResult[] = [];
    for (const scenario of scenarios) results.push(await runDrill(plan, scenario, { locale }));
    const coverage = values['coverage'] === true ? drillCoverage(plan, results.map((r) => r.exercised)) : undefined;

    let written: string[] = [];
    if (typeof reportDir === 'string') {
      try {
        written = writeDrillReports(resolve(context.cwd, reportDir), results, plan, {
          ...(coverage === undefined ? {} : { coverage }),
          locale,
        });
      } catch (error) {
        io.stderr(`${said.badArguments({ command: 'drill', reason: said.cannotWriteReports({ dir: reportDir, reason: (error as Error).message }) })}\n`);
        return EXIT_USAGE;
      }
    }

    if (json) {
      io.stdout(`${JSON.stringify(coverage === undefined ? drillRunJson(results) : { ...drillRunJson(results), coverage }, null, 2)}\n`);
    } else {
      const locate = (file: string, step: number | null): string | undefined => {
        const at = locators.get(file)?.locate(step === null ? ['expect'] : ['steps', step]);
        return at?.range ? `${file}:${at.range.start.line}:${at.range.start.column}` : undefined;
      };
      io.stdout(`${said.drillPlanLine({ id: plan.definition.id, version: plan.definition.version })}\n\n`);
      io.stdout(drillSummaryText(results, { locate, color: io.isTTY === true, locale }));
      if (coverage !== undefined) io.stdout(`\n${coverageText(coverage, locale)}`);
      if (written.length > 0) io.stdout(`\n${said.reportsWritten({ dir: String(reportDir), count: written.length })}\n`);
    }
    return results.every((r) => r.passed) ? EXIT_OK : EXIT_FAILED;
  },
};

/** Prints input diagnostics (plan or scenarios): JSON on stdout with --json, else file:line:col lines. */
function inputErrors(context: CommandContext, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, locale: Locale): void {
  const { io } = context;
  if (context.values['json'] === true) {
    io.stdout(`${JSON.stringify(diagnosticsReport(false, diagnostics), null, 2)}\n`);
    return;
  }
  const frames = io.isTTY === true;
  io.stderr(formatDiagnosticsText(diagnostics, { sources, frames, color: frames, locale }));
}
