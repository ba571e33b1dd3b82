import * as z from 'zod';
import { Id, LocalizedText } from './common.js';

/** An announcement template. `{{title}}`, `{{severity}}`, `{{openedAt}}` and `{{<field id>}}` are filled in. */
export const Template = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    body: LocalizedText.meta({ description: 'Text with {{placeholders}}: title, severity, category, openedAt, or a field id.' }),
  })
  .meta({ description: 'An announcement template with {{placeholders}} checked against the plan fields.' });
export type Template = z.infer<typeof Template>;

