import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** A role a person can hold, e.g. `department-head`. Authorization is expressed in roles. */
export const Role = z
  .strictObject({ id: Id, title: LocalizedText, description: LocalizedText.optional() })
  .meta({ description: 'A role a person can hold. People act in roles; transitions say which roles may fire them.' });
export type Role = z.infer<typeof Role>;
