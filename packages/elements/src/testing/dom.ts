// Reading a widget's shadow root in tests: its elements, their text as a reader sees it, and
// waiting for what a fetch, a live change or a virtual list renders next.

/** A node's text with runs of white space folded into one space and trimmed; '' for none. */
export const textOf = (node: Node | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The first element in `el`'s shadow root that matches `selector`. */
export const q = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

/** Every element in `el`'s shadow root that matches `selector`. */
export const qa = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The folded text of the first match in `el`'s shadow root ('' when there is none). */
export const shadowText = (el: Element, selector: string): string => textOf(q(el, selector));

/** The folded texts of every match in `el`'s shadow root. */
export const shadowTexts = (el: Element, selector: string): string[] =>
  qa(el, selector).map(textOf);

/** Lets a pending fetch or live change land, then waits for the render it asks for. */
export async function settle(el: { readonly updateComplete: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

/** Waits `n` animation frames: what a virtual list needs to render the rows scrolled to. */
export const frames = (n = 2): Promise<void> =>
  new Promise((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });
