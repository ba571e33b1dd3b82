/** What `postgresStore` accepts as a schema name: a lower-case SQL identifier of at most 63 bytes. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Validates a schema name and returns it quoted for SQL (`"planwright"`), so it can be spliced
 * into statements (identifiers cannot be bound as parameters).
 *
 * @example
 * ```ts
 * quoteSchema('planwright'); // '"planwright"'
 * quoteSchema('x"; drop table y; --'); // throws TypeError
 * ```
 */
export function quoteSchema(name: string): string {
  if (!SCHEMA_NAME_PATTERN.test(name)) {
    throw new TypeError(`invalid schema name ${JSON.stringify(name)}: use lower-case letters, digits and "_", starting with a letter or "_"`);
  }
  return `"${name}"`;
}
