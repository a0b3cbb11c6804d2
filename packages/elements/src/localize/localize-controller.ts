import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dictionaries, type Locale, type MessageKey } from './dictionaries.js';
import { nearestLang, pickLocale } from './resolve.js';

/** A component that a {@link LocalizeController} serves. */
export type LocalizedHost = ReactiveControllerHost & HTMLElement;

const connected = new Set<LocalizedHost>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a `lang` change anywhere re-renders the components. */
function watchLang(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const host of connected) host.requestUpdate();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

/**
 * Gives a component its strings and number formats in the language of the nearest `lang`
 * attribute (zh-CN when there is none) and re-renders it when that attribute changes.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this.host);
    watchLang();
  }

  hostDisconnected(): void {
    connected.delete(this.host);
  }

  /** The locale in force for the host now. */
  get locale(): Locale {
    return pickLocale(nearestLang(this.host));
  }

  /** The string for `key`, with `{name}` placeholders filled from `values`. */
  term(key: MessageKey, values: Record<string, string | number> = {}): string {
    return dictionaries[this.locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
  }

  /** A number in the host's locale. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }
}
