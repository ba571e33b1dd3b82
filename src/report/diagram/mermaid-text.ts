/** Characters written as Mermaid entities in labels. */
const ENTITIES: Readonly<Record<string, string>> = { '#': '#35;', '"': '#quot;', '`': '#96;', ';': '#59;', '<': '#60;' };

/**
 * Makes text safe inside a Mermaid label (a quoted state or node label, a transition label, a
 * note line): double quotes become `#quot;` (Mermaid's entity), backticks `#96;` (a leading one would
 * open a Markdown string), semicolons `#59;` (inside a composite state one ends the statement), `<` `#60;`
 * (Mermaid sanitizes the whole text as HTML, and `<A="` there starts a tag that swallows the lines
 * up to the next quote), `%%` (a comment) is broken up,
 * line breaks become spaces, `#` that would start an entity code is written as `#35;`, and
 * terminal control and bidi characters become U+FFFD (a diagram is printed and pasted).
 *
 * @example
 * mermaidText('say "hi" %% now'); // 'say #quot;hi#quot; % % now'
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#(?=[A-Za-z0-9]+;)|["`;<]/g, (c) => ENTITIES[c] ?? c)
    .replace(/%%/g, '% %')
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
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
