import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatError } from '@lanewise/core/errors';
import {
  dictionaries,
  fill,
  type Locale,
  type MessageKey,
  type PluralKey,
  type Term,
  type TermSet,
} from './dictionaries.js';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  pluralCategory,
  type DateOptions,
} from './format.js';
import { nearestLang, pickLocale } from './resolve.js';

/** A component that a {@link LocalizeController} serves. */
export type LocalizedHost = ReactiveControllerHost & HTMLElement;

type Values = Readonly<Record<string, string | number>>;

const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/**
 * One observer for the whole document: a `lang` change on any element re-renders the
 * components whose language it changes. (A `lang` set inside another component's shadow root
 * is read at connection and at each render, but its changes are not observed.)
 */
function watchLang(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

function pick(term: Term, count?: number, locale: Locale = 'en'): string {
  if (typeof term === 'string') return term;
  return count === undefined ? term.other : term[pluralCategory(count, locale)];
}

/**
 * Gives a component its strings and formats in the language of the nearest `lang` attribute
 * (zh-CN when there is none, English for any `en` tag) and re-renders it when that changes.
 */
export class LocalizeController implements ReactiveController {
  private current: Locale | undefined;

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.current = pickLocale(nearestLang(this.host));
    connected.add(this);
    watchLang();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** Reads the language again and re-renders the host when it changed. */
  refresh(): void {
    const next = pickLocale(nearestLang(this.host));
    if (next === this.current) return;
    this.current = next;
    this.host.requestUpdate();
  }

  /** The locale in force for the host now. */
  get locale(): Locale {
    return this.host.isConnected && this.current
      ? this.current
      : pickLocale(nearestLang(this.host));
  }

  /** A shared string, `{name}` placeholders filled from `values`. */
  term(key: MessageKey, values?: Values): string;
  /** A string of the component's own {@link TermSet}. */
  term<E extends Record<string, Term>>(
    set: TermSet<E>,
    key: keyof E & string,
    values?: Values,
  ): string;
  term(...args: unknown[]): string {
    const locale = this.locale;
    if (typeof args[0] === 'string') {
      const [key, values = {}] = args as [MessageKey, Values?];
      return fill(pick(dictionaries[locale][key]), values);
    }
    const [set, key, values = {}] = args as [TermSet<Record<string, Term>>, string, Values?];
    return fill(pick(set[locale][key] ?? set.en[key] ?? key), values);
  }

  /**
   * A counted string in the right plural form, `{count}` filled with the formatted number:
   * `1 entry`, `2 entries`, `2 条记录`.
   */
  plural(key: PluralKey, count: number, values?: Values): string;
  plural<E extends Record<string, Term>>(
    set: TermSet<E>,
    key: keyof E & string,
    count: number,
    values?: Values,
  ): string;
  plural(...args: unknown[]): string {
    const locale = this.locale;
    const own = typeof args[0] !== 'string';
    const [set, key, count, values = {}] = (own ? args : [undefined, ...args]) as [
      TermSet<Record<string, Term>> | undefined,
      string,
      number,
      Values?,
    ];
    const term = set
      ? (set[locale][key] ?? set.en[key] ?? key)
      : dictionaries[locale][key as MessageKey];
    return fill(pick(term, count, locale), {
      ...values,
      count: formatNumber(count, locale),
    });
  }

  /** A day as people write it: `2025年2月5日`, `5 Feb 2025`. */
  date(value: Date | string | number, options?: DateOptions): string {
    return formatDate(value, this.locale, options);
  }

  /** A day and time: `2025年2月5日 09:30`, `5 Feb 2025, 09:30`. */
  dateTime(value: Date | string | number, options?: DateOptions): string {
    return formatDateTime(value, this.locale, options);
  }

  /** Minutes as `2 小时 30 分`, `2 h 30 min`. */
  duration(minutes: number): string {
    return formatDuration(minutes, this.locale);
  }

  /** A number in the host's locale. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }

  /** A ratio as a percentage: `0.9832` gives `98.3%`. */
  percent(ratio: number, digits?: number): string {
    return formatPercent(ratio, this.locale, digits);
  }

  /** A core error (or anything thrown) as a sentence in the host's language. */
  error(error: unknown): string {
    return formatError(error, this.locale);
  }
}
