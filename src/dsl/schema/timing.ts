import * as z from 'zod';
import { Duration } from './common.js';
import { DUE_INSTANT } from './patterns.js';

/** Plan-wide timing rules (DSL v2). */
export const Timing = z
  .strictObject({
    immediately: Duration.optional().meta({ description: 'What 立即 means in this plan; deadlines may write due: immediately.' }),
    dueInstant: z
      .enum(DUE_INSTANT)
      .optional()
      .meta({ description: 'meets: an event at exactly the due instant meets the deadline (the breach fires 1 ms later); breaches (default): it is late.' }),
  })
  .meta({ description: 'Plan-wide timing rules.' });
export type Timing = z.infer<typeof Timing>;
