/**
 * Makes text safe inside a Mermaid label (a quoted state or node label, a transition label, a
 * note line): double quotes become `#quot;` (Mermaid's entity), backticks `#96;` (a leading one would
 * open a Markdown string), `%%` (a comment) is broken up,
 * line breaks become spaces, and `#` that would start an entity code is written as `#35;`.
 *
 * @example
 * mermaidText('say "hi" %% now'); // 'say #quot;hi#quot; % % now'
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#(?=[A-Za-z0-9]+;)/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/%%/g, '% %')
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

/**
 * Allocates Mermaid node ids: letters, digits and `_` only, with a prefix so that no id is a
 * Mermaid keyword (`end`, `state`, `note`, …), and unique (a second `a-b` next to `a_b` gets `_2`).
 *
 * @example
 * const ids = new MermaidIds();
 * ids.get('stage', 's', 'pump-out'); // 's_pump_out'
 */
export class MermaidIds {
  readonly #byKey = new Map<string, string>();
  readonly #used = new Set<string>();

  /** The id for `name` of kind `kind` (same kind and name, same id), built as `<prefix>_<name>`. */
  get(kind: string, prefix: string, name: string): string {
    const key = `${kind}\u0000${name}`;
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; this.#used.has(id); n += 1) id = `${base}_${n}`;
    this.#used.add(id);
    this.#byKey.set(key, id);
    return id;
  }
}
