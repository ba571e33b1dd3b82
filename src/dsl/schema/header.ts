import * as z from 'zod';
import { Id, LocalizedText } from './common.js';
import { DSL_VERSION, LOCALE_PATTERN, SEMVER_MESSAGE, SEMVER_PATTERN } from './patterns.js';

export { DSL_VERSION };

/** The plan header: what the plan is and which version. */
export const headerShape = {
  planwright: z.literal(DSL_VERSION).meta({ description: 'The DSL version the plan is written in. Currently 1.' }),
  id: Id.meta({ description: 'The plan id, e.g. public-opinion.' }),
  version: z
    .string()
    .regex(SEMVER_PATTERN, SEMVER_MESSAGE)
    .meta({ description: 'The plan version (semver, e.g. 1.2.0). Incidents record it.' }),
  title: LocalizedText.meta({ description: 'The plan title, plain or per locale.' }),
  description: LocalizedText.optional().meta({ description: 'What the plan is for and where it applies.' }),
  locales: z
    .array(z.string().regex(LOCALE_PATTERN))
    .min(1)
    .optional()
    .meta({ description: 'Locales the plan provides text in, the first being the default (e.g. [zh-CN, en]).' }),
  timezone: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'IANA time zone the plan is run in, e.g. Asia/Shanghai. Used for display only.' }),
};
