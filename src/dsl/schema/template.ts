// No zod here: the runtime entry reaches this file (compile/check-compilable.ts reads the
// placeholders), and zod would come with it. The zod schema of a template is in template-schema.ts.

/** Placeholders every template may use besides the plan's fields. */
export const BUILTIN_PLACEHOLDERS = ['title', 'severity', 'severityTitle', 'category', 'openedAt', 'incidentId', 'stage'] as const;
