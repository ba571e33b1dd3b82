import { ALL_RULES, type Diagnostic, lint, messagesIn, parseRuleOption, PLANWRIGHT_VERSION, type RuleSetting, toSarif } from '../../index.js';
import { CLI_MESSAGES } from '../cli-messages.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { diagnosticsReport, formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** `planwright lint <plan>...`: validate, then run the lint rules. */
export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'validate plan files, then run the analysis rules (reachability, traps, who can fire, deadlines, …)',
  usage: 'lint <plan>... [--format text|json|sarif] [--json] [--rule <id>=off|warning|error]... [--locale zh-CN]',
  description: [
    'Validates each plan (syntax, schema, cross-references); a valid plan is then checked by the lint',
    'rules (docs/rules/). Rule severities come from each rule, the plan\'s `lint:` section, then --rule.',
    'Exit code: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments or a file that cannot be read.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    rule: { type: 'string', multiple: true },
  },
  optionHelp: [
    ['--format <text|json|sarif>', 'output format (default text; sarif = SARIF 2.1.0 for code scanning)'],
    ['--rule <id>=<level>', 'set a rule to off, warning or error (repeatable; wins over the plan)'],
  ],
  translations: {
    'zh-CN': {
      summary: '检查预案文件，再运行分析规则（可达性、陷阱、谁能触发、时限……）',
      usage: 'lint <预案文件>... [--format text|json|sarif] [--json] [--rule <规则>=off|warning|error]... [--locale zh-CN]',
      description: [
        '先检查每个预案（语法、结构、交叉引用）；有效的预案再由分析规则检查（见 docs/rules/）。',
        '规则的严重程度依次取自规则本身、预案的 `lint:` 部分、--rule 选项。',
        '退出码：0 无错误（可有警告），1 发现错误，2 参数有误或文件无法读取。',
      ].join('\n'),
      optionHelp: [
        ['--format <text|json|sarif>', '输出格式（默认 text；sarif 即用于代码扫描的 SARIF 2.1.0）'],
        ['--rule <规则>=<级别>', '把某条规则设为 off、warning 或 error（可重复；优先于预案中的设置）'],
      ],
    },
  },
  run(context) {
    const { io, positionals, values } = context;
    const t = messagesIn(CLI_MESSAGES, context.locale);
    const fail = (message: string): number => {
      io.stderr(`${t.badArguments({ command: 'lint', reason: message })}\n${t.seeCommandHelp({ command: 'lint' })}\n`);
      return EXIT_USAGE;
    };
    if (positionals.length === 0) return fail(t.lintNeedsPlan());

    const requested = values.format;
    if (requested !== undefined && (typeof requested !== 'string' || !(FORMATS as readonly string[]).includes(requested))) {
      return fail(t.unknownFormat({ format: String(requested), formats: FORMATS.join(', ') }));
    }
    if (values.json === true && requested !== undefined && requested !== 'json') return fail(t.jsonContradictsFormat({ format: String(requested) }));
    const format: Format = values.json === true ? 'json' : ((requested as Format | undefined) ?? 'text');

    const overrides: Record<string, RuleSetting> = {};
    const ruleValues = values.rule;
    for (const text of Array.isArray(ruleValues) ? ruleValues : []) {
      const parsed = parseRuleOption(String(text), ALL_RULES, context.locale);
      if (!parsed.ok) return fail(parsed.message);
      overrides[parsed.id] = parsed.setting;
    }

    const linted = positionals.map((file) => {
      const checked = checkPlanArgument(context, file);
      const { result } = checked;
      const found =
        result.ok && result.plan !== undefined
          ? lint(result.plan, { locator: result.source, overrides, locale: checked.locale })
          : [];
      return { ...checked, diagnostics: [...result.diagnostics, ...found] };
    });
    const diagnostics: Diagnostic[] = linted.flatMap((l) => l.diagnostics);
    const locale = linted[0]?.locale ?? context.locale;
    const said = messagesIn(CLI_MESSAGES, locale);
    const ok = linted.every((l) => l.result.ok) && !diagnostics.some((d) => d.severity === 'error');

    if (format === 'json') {
      io.stdout(`${JSON.stringify(diagnosticsReport(ok, diagnostics), null, 2)}\n`);
    } else if (format === 'sarif') {
      io.stdout(`${JSON.stringify(toSarif(diagnostics, { baseDir: context.cwd, toolVersion: PLANWRIGHT_VERSION }), null, 2)}\n`);
    } else {
      for (const l of linted.filter((x) => !x.readable)) io.stderr(formatDiagnosticsText(l.diagnostics, { locale }).split('\n')[0] + '\n');
      const readable = linted.filter((l) => l.readable);
      const sources = new Map(readable.flatMap((l) => [...l.result.sources]));
      const frames = io.isTTY === true;
      io.stdout(formatDiagnosticsText(readable.flatMap((l) => l.diagnostics), { sources, frames, color: frames, locale }));
      for (const l of readable) {
        if (l.diagnostics.length === 0 && l.result.plan !== undefined) {
          io.stdout(`${said.planNoProblems({ file: l.file, id: l.result.plan.id, version: l.result.plan.version, rules: ALL_RULES.length })}\n`);
        }
      }
    }
    if (linted.some((l) => !l.readable)) return EXIT_USAGE;
    return ok ? EXIT_OK : EXIT_FAILED;
  },
};
