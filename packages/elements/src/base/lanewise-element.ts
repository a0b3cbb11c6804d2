import { LitElement, css, type CSSResultGroup } from 'lit';
import { tokenStyles } from '../styles/tokens.js';
import { LocalizeController } from '../localize/localize-controller.js';

/** The base of every Lanewise component: tokens, localisation and `lw-*` events. */
export class LanewiseElement extends LitElement {
  /** The design tokens and the base text styles every component shares. */
  static override styles: CSSResultGroup = [
    tokenStyles,
    css`
      :host {
        font-family: var(--_lw-font-family);
        font-size: var(--_lw-font-size);
        color: var(--_lw-color-text);
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  /** Strings and formatters in the language of the nearest `lang` attribute. */
  protected readonly localize = new LocalizeController(this);

  /**
   * Dispatches a `CustomEvent` named `name` that bubbles out of shadow roots.
   * Returns false when a listener called `preventDefault()`.
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
}
