export { run } from './run.js';
export type { CliIo } from './io.js';
export type { CliCommand, CliOptions, CommandContext } from './command.js';
export { COMMANDS } from './commands/index.js';
export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
export { checkPlanArgument, type CheckedPlanArgument } from './check-plan-argument.js';
export { diagnosticsReport, formatDiagnosticsText, type DiagnosticsReport, type DiagnosticsTextOptions } from './diagnostic-output.js';
export { commandHelp, programHelp } from './help.js';
export { SHARED_OPTIONS, SHARED_OPTION_HELP } from './shared-options.js';
