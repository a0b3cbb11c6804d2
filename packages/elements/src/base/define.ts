/**
 * Defines a custom element once: a second script (or a second copy of the bundle) that
 * defines the same tag is ignored instead of throwing.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
