/**
 * Replaces `parent`'s children with `children`, one by one: a list drawn from the plan can be as
 * long as the plan is, and spreading it into `replaceChildren(...)` would overflow the call stack.
 */
export function setChildren(parent: ParentNode, children: Iterable<Node | string>): void {
  parent.replaceChildren();
  appendAll(parent, children);
}

/** Appends `children` to `parent`, one by one (see {@link setChildren}). */
export function appendAll(parent: ParentNode, children: Iterable<Node | string>): void {
  for (const child of children) parent.append(child);
}
