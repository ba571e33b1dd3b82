/**
 * Completion of keys and values, and hover help, from the plan's JSON Schema
 * (`codemirror-json-schema`, YAML mode). A chunk of its own, loaded by the page after its first
 * view: with its parsers (yaml, json5, json-schema-library, a grammar built at load time) it is
 * about 40 % of the page's script, and nothing on the first view needs it
 * (docs/studio.md, "How the first load works").
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';

/** The plan's JSON Schema, as `planJsonSchema()` gives it. */
export type PlanSchema = Parameters<typeof stateExtensions>[0];

/** What the editor gains from the schema. */
export interface SchemaSupport {
  /** Keys and values the schema allows at the cursor. */
  complete(context: CompletionContext): CompletionResult | null;
  /** Hover help and the schema held in the editor's state (for completion and hover). */
  extensions: Extension[];
}

/** Schema completion and hover for an editor of plan files. */
export function schemaSupport(schema: PlanSchema): SchemaSupport {
  const source = yamlCompletion();
  return {
    complete(context) {
      const result = source(context);
      return Array.isArray(result) ? null : result;
    },
    extensions: [hoverTooltip(yamlSchemaHover()), stateExtensions(schema)],
  };
}
