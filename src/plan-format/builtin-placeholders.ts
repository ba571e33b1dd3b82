// Shared by the DSL's reference check and the compiler's (compile/check-compilable.ts, which the
// runtime entry reaches): here, below both, so the runtime imports nothing of src/dsl. The zod
// schema of a template is in src/dsl/schema/template-schema.ts.

/** Placeholders every template may use besides the plan's fields. */
export const BUILTIN_PLACEHOLDERS = ['title', 'severity', 'severityTitle', 'category', 'openedAt', 'incidentId', 'stage'] as const;
