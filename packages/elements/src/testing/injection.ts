import { expect } from '@open-wc/testing';

const flag = '__lanewiseInjected';

/**
 * Text that would run script if a widget ever put it into the page as markup. Each one sets
 * `window.__lanewiseInjected` when it runs.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  `<img src=x onerror="window.${flag}='img'">`,
  `<script>window.${flag}='script'</script>`,
  `"><svg onload="window.${flag}='svg'">`,
  `</td><iframe srcdoc="<script>parent.${flag}='iframe'</script>"></iframe>`,
  `javascript:window.${flag}='href'`,
  `\${window.${flag}='template'}{{constructor.constructor('window.${flag}=1')()}}`,
];

/** Every text node under `root`, shadow roots included, joined. */
export function deepText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return text;
}

/** Every element under `root`, shadow roots included. */
export function deepElements(root: Node): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      found.push(node);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

/** Waits long enough for an injected `onerror` or `onload` to have run: two frames. */
const settle = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );

/**
 * Renders a widget once per payload with `render(payload)` (which puts the payload into every
 * text field of the widget's data) and checks that no payload ran, that no element a payload
 * names (`img`, `script`, `svg`, `iframe`) appeared, and that the payload shows as typed.
 *
 * @example
 * ```ts
 * await expectTextOnly(async (text) =>
 *   fixture(html`<lw-stat .data=${{ label: text, value: 1, caption: text }}></lw-stat>`),
 * );
 * ```
 */
export async function expectTextOnly(render: (payload: string) => Promise<Element>): Promise<void> {
  const holder = window as unknown as Record<string, unknown>;
  for (const payload of INJECTION_PAYLOADS) {
    delete holder[flag];
    const el = await render(payload);
    await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    await settle();
    expect(holder[flag], `payload ran: ${payload}`).to.equal(undefined);
    const planted = deepElements(el).filter(
      (node) =>
        ['IMG', 'SCRIPT', 'SVG', 'IFRAME'].includes(node.tagName.toUpperCase()) &&
        // The widgets' own drawings (state icons, charts) are no payload.
        !node.closest('svg.lw-state-icon, svg[data-lw-chart]'),
    );
    expect(
      planted.map((node) => node.outerHTML),
      `markup from: ${payload}`,
    ).to.deep.equal([]);
    expect(deepText(el), `text of: ${payload}`).to.include(payload);
  }
}
