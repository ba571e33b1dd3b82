import { lint } from '../../analysis/lint.js';
import type { RuleSetting } from '../../analysis/rule.js';
import { parseRuleOption } from '../../analysis/rule-settings.js';
import { ALL_RULES } from '../../analysis/rules/index.js';
import { toSarif } from '../../analysis/to-sarif.js';
import { PLANWRIGHT_VERSION } from '../../bundle/version.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
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
  run(context) {
    const { io, positionals, values } = context;
    const fail = (message: string): number => {
      io.stderr(`planwright lint: ${message}\nRun "planwright lint --help" for its options.\n`);
      return EXIT_USAGE;
    };
    if (positionals.length === 0) return fail('give the plan file to lint, e.g. planwright lint plans/my.plan.yaml');

    const requested = values.format;
    if (requested !== undefined && (typeof requested !== 'string' || !(FORMATS as readonly string[]).includes(requested))) {
      return fail(`unknown format "${String(requested)}"; use ${FORMATS.join(', ')}`);
    }
    if (values.json === true && requested !== undefined && requested !== 'json') return fail(`--json and --format ${requested} contradict each other`);
    const format: Format = values.json === true ? 'json' : ((requested as Format | undefined) ?? 'text');

    const overrides: Record<string, RuleSetting> = {};
    const ruleValues = values.rule;
    for (const text of Array.isArray(ruleValues) ? ruleValues : []) {
      const parsed = parseRuleOption(String(text), ALL_RULES);
      if (!parsed.ok) return fail(parsed.message);
      overrides[parsed.id] = parsed.setting;
    }

    const linted = positionals.map((file) => {
      const checked = checkPlanArgument(context, file);
      const { result } = checked;
      const found =
        result.ok && result.plan !== undefined
          ? lint(result.plan, { locator: result.source, overrides, locale: context.locale })
          : [];
      return { ...checked, diagnostics: [...result.diagnostics, ...found] };
    });
    const diagnostics: Diagnostic[] = linted.flatMap((l) => l.diagnostics);
    const ok = linted.every((l) => l.result.ok) && !diagnostics.some((d) => d.severity === 'error');

    if (format === 'json') {
      io.stdout(`${JSON.stringify(diagnosticsReport(ok, diagnostics), null, 2)}\n`);
    } else if (format === 'sarif') {
      io.stdout(`${JSON.stringify(toSarif(diagnostics, { baseDir: context.cwd, toolVersion: PLANWRIGHT_VERSION }), null, 2)}\n`);
    } else {
      for (const l of linted.filter((x) => !x.readable)) io.stderr(formatDiagnosticsText(l.diagnostics).split('\n')[0] + '\n');
      const readable = linted.filter((l) => l.readable);
      const sources = new Map(readable.flatMap((l) => [...l.result.sources]));
      const frames = io.isTTY === true;
      io.stdout(formatDiagnosticsText(readable.flatMap((l) => l.diagnostics), { sources, frames, color: frames }));
      for (const l of readable) {
        if (l.diagnostics.length === 0 && l.result.plan !== undefined) {
          io.stdout(`${l.file}: no problems (plan ${l.result.plan.id} ${l.result.plan.version}, ${ALL_RULES.length} rules)\n`);
        }
      }
    }
    if (linted.some((l) => !l.readable)) return EXIT_USAGE;
    return ok ? EXIT_OK : EXIT_FAILED;
  },
};
