import type { CliCommand } from '../command.js';
import { bundleCommand } from './bundle.js';
import { diagramCommand } from './diagram.js';
import { drillCommand } from './drill.js';
import { evaluateCommand } from './evaluate.js';
import { lintCommand } from './lint.js';
import { migrateCommand } from './migrate.js';
import { readinessCommand } from './readiness.js';
import { studioCommand } from './studio.js';
import { validateCommand } from './validate.js';
import { renderCommand } from './render.js';
import { initCommand } from './init.js';
import { typesCommand } from './types.js';

/**
 * Every `planwright` command, in the order `planwright --help` lists them.
 * To add one: write `src/cli/commands/<name>.ts` exporting a `CliCommand`, and add it here.
 */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  lintCommand,
  bundleCommand,
  typesCommand,
  diagramCommand,
  readinessCommand,
  drillCommand,
  evaluateCommand,
  renderCommand,
  initCommand,
  migrateCommand,
  studioCommand,
];
