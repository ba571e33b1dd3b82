import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createBundle } from '../../bundle/create-bundle.js';
import { CompileError } from '../../compile/compile-error.js';
import { compilePlan } from '../../compile/compile-plan.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { diagnosticsReport, formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** `planwright bundle <plan> -o <file>`: check, compile and write the plan's bundle (one JSON file). */
export const bundleCommand: CliCommand = {
  name: 'bundle',
  summary: 'write a plan as one self-contained JSON bundle for planwright/runtime',
  usage: 'bundle <plan> -o <file> [--json]',
  description: [
    'Checks the plan (syntax, schema, cross-references), compiles it, and writes the bundle:',
    'the normalized definition, its sha256 content hash and the bundle format version.',
    'Host apps load it with createEngine(JSON.parse(text)) and need no YAML parser.',
    'Exit code: 0 written, 1 the plan has errors, 2 bad arguments or a file that cannot be read or written.',
  ].join('\n'),
  options: { output: { type: 'string', short: 'o' } },
  optionHelp: [['-o, --output <file>', 'where to write the bundle (required)']],
  run(context) {
    const { io, positionals, values } = context;
    const output = values['output'];
    if (positionals.length !== 1 || typeof output !== 'string' || output === '') {
      io.stderr('planwright bundle: give one plan and the output file, e.g. planwright bundle plans/my.plan.yaml -o my-plan.json\n');
      return EXIT_USAGE;
    }
    const checked = checkPlanArgument(context, positionals[0] as string);
    if (!checked.readable) {
      io.stderr(formatDiagnosticsText(checked.result.diagnostics).split('\n')[0] + '\n');
      return EXIT_USAGE;
    }
    const plan = checked.result.plan;
    if (!checked.result.ok || plan === undefined) {
      if (values['json'] === true) io.stdout(`${JSON.stringify(diagnosticsReport(false, checked.result.diagnostics), null, 2)}\n`);
      else io.stdout(formatDiagnosticsText(checked.result.diagnostics, { sources: new Map(checked.result.sources), frames: io.isTTY === true, color: io.isTTY === true }));
      return EXIT_FAILED;
    }
    try {
      compilePlan(plan);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      for (const p of error.problems) io.stdout(`${checked.file}: error ${p.code} ${p.path.join('.')}: ${p.message}\n`);
      return EXIT_FAILED;
    }
    const bundle = createBundle(plan);
    const target = resolve(context.cwd, output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(bundle)}\n`, 'utf8');
    } catch (error) {
      io.stderr(`planwright bundle: cannot write ${output}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    if (values['json'] === true) {
      io.stdout(`${JSON.stringify({ ok: true, file: output, planId: bundle.planId, planVersion: bundle.planVersion, hash: bundle.hash })}\n`);
    } else {
      io.stdout(`${output}: bundle of plan ${bundle.planId} ${bundle.planVersion} (sha256 ${bundle.hash.slice(0, 12)}…)\n`);
    }
    return EXIT_OK;
  },
};
