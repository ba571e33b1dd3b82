export { checkReadiness, type CheckReadinessOptions, type Located, type ReadinessReport, type ReadinessSummary } from './check-readiness.js';
export { checkRoster } from './check-roster.js';
export { checkInventory } from './check-inventory.js';
export { readDataFile, type CheckedDataFile, type DataFileInput, type DataFileLocator, type ReadDataFileOptions } from './read-data-file.js';
export { RosterSchema, RosterPerson, ROSTER_FORMAT, type Roster } from './roster-schema.js';
export { InventorySchema, InventoryItem, INVENTORY_FORMAT, type Inventory } from './inventory-schema.js';
export { READINESS_MESSAGES, READINESS_INPUT_CODES, type ReadinessCode } from './readiness-codes.js';
export { teamPositions, type TeamPosition } from './team-positions.js';
