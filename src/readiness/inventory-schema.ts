import * as z from 'zod';
import { Id } from '../dsl/schema/common.js';

/** The inventory format version this release reads. */
export const INVENTORY_FORMAT = 1;

/** One resource as it stands: available or not, and where it is. */
export const InventoryItem = z
  .strictObject({
    id: Id.meta({ description: 'The plan resource id.' }),
    available: z.boolean().meta({ description: 'Whether it can be used right now.' }),
    quantity: z.number().int().nonnegative().optional().meta({ description: 'How many (people, licences, sets), if it counts.' }),
    location: z.string().min(1).optional().meta({ description: 'Where it is, or who holds it.' }),
    note: z.string().min(1).optional().meta({ description: 'Anything else: why it is unavailable, until when.' }),
  })
  .meta({ description: 'A resource and whether it is available.' });
export type InventoryItem = z.infer<typeof InventoryItem>;

/** An inventory: the plan's resources and their availability. */
export const InventorySchema = z
  .strictObject({
    inventory: z.literal(INVENTORY_FORMAT).meta({ description: 'The inventory format version. Currently 1.' }),
    plan: Id.optional().meta({ description: 'The id of the plan the inventory is for (checked when given).' }),
    resources: z.array(InventoryItem),
  })
  .meta({ title: 'planwright inventory', description: 'Resources of a plan and whether each is available.' });
export type Inventory = z.output<typeof InventorySchema>;
