import { LitElement, css, type CSSResultGroup } from 'lit';
import { tokenStyles } from '../styles/tokens.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { stateStyles } from './states.js';

/**
 * The base of every Lanewise widget: the design tokens and the state styles, strings and
 * formats in the page's language (re-rendering when any ancestor's `lang` changes), `lw-*`
 * events, and a polite `aria-live` region for announcing results.
 */
export class LanewiseElement extends LitElement {
  /** The design tokens, the base text styles and the loading, empty and error states. */
  static override styles: CSSResultGroup = [
    tokenStyles,
    css`
      :host {
        font-family: var(--_lw-font-family);
        font-size: var(--_lw-font-size);
        line-height: 1.5;
        color: var(--_lw-color-text);
      }
      :host([hidden]) {
        display: none;
      }
    `,
    stateStyles,
  ];

  /** Strings and formatters in the language of the nearest `lang` attribute. */
  protected readonly localize = new LocalizeController(this);

  private readonly announcer = Object.assign(document.createElement('div'), {
    className: 'lw-visually-hidden',
  });

  /**
   * The shadow root with the announcer at its end; Lit renders before it, so a template never
   * replaces it and assistive technology keeps hearing it.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.announcer.setAttribute('aria-live', 'polite');
    this.announcer.setAttribute('part', 'announcer');
    root.append(this.announcer);
    this.renderOptions.renderBefore = this.announcer;
    return root;
  }

  /**
   * Says `message` through the polite live region, as text. The same message said twice is
   * heard twice.
   */
  protected announce(message: string): void {
    const region = this.announcer;
    if (region.textContent === message) {
      region.textContent = '';
      queueMicrotask(() => (region.textContent = message));
    } else {
      region.textContent = message;
    }
  }

  /**
   * Dispatches a `CustomEvent` named `name` that bubbles out of shadow roots.
   * Returns false when it was cancelable and a listener called `preventDefault()`.
   */
  protected emit<T>(
    name: `lw-${string}`,
    detail: T,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, {
        detail,
        bubbles: true,
        composed: true,
        cancelable: options.cancelable ?? false,
      }),
    );
  }

  /**
   * Announces an action before doing it: a bubbling, composed, cancelable `lw-*` event with
   * the input in `detail`. Returns true when the widget may go ahead, false when a listener
   * cancelled it (and then the widget changes nothing).
   *
   * @example
   * ```ts
   * if (this.emitAction('lw-approve', { id })) this.ledger?.approve(id, { by });
   * ```
   */
  protected emitAction<T>(name: `lw-${string}`, detail: T): boolean {
    return this.emit(name, detail, { cancelable: true });
  }
}
