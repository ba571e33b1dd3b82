import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** A team: positions held by roles (leader, deputy, members) and its duties. */
export const Team = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    leader: Id.optional().meta({ description: 'Role id of the team leader (position `<team>.leader`).' }),
    deputy: Id.optional().meta({ description: 'Role id of the deputy leader (position `<team>.deputy`).' }),
    members: z.array(Id).default([]).meta({ description: 'Role ids of the members (position `<team>.members`).' }),
    duties: z.array(LocalizedText).default([]).meta({ description: 'What the team is responsible for, as text.' }),
  })
  .meta({ description: 'A team of roles. Positions: `<team>.leader`, `<team>.deputy`, `<team>.members`, or `<team>` for all.' });
export type Team = z.infer<typeof Team>;
