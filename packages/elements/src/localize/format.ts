import { dictionaries, fill, type Locale } from './dictionaries.js';

/**
 * Formatters in a shipped locale, cached per locale and options: dates as people write them,
 * date-times, durations, numbers and percentages, all through `Intl`.
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** English dates are written day first (`5 Feb 2025`), as in British usage. */
const dateLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'zh-CN');

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(dateLocale(locale), options)));
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** Options of the date formatters. */
export interface DateOptions {
  /** The IANA time zone the day is taken in; `Asia/Shanghai` by default. */
  timeZone?: string;
}

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/**
 * A day as people write it: `2025年2月5日`, `5 Feb 2025`.
 *
 * @example
 * ```ts
 * formatDate('2025-02-05T09:00:00+08:00', 'en'); // '5 Feb 2025'
 * ```
 */
export function formatDate(
  value: Date | string | number,
  locale: Locale,
  options: DateOptions = {},
): string {
  return dateFormat(locale, {
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
  }).format(toDate(value));
}

/**
 * A day and a time of day on the 24-hour clock: `2025年2月5日 09:30`, `5 Feb 2025, 09:30`.
 */
export function formatDateTime(
  value: Date | string | number,
  locale: Locale,
  options: DateOptions = {},
): string {
  return dateFormat(locale, {
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(toDate(value));
}

/**
 * A whole number of minutes in hours and minutes: `2 小时 30 分`, `2 h 30 min`, `45 min`,
 * `3 h`. Negative durations keep their sign.
 */
export function formatDuration(minutes: number, locale: Locale): string {
  const terms = dictionaries[locale];
  const sign = minutes < 0 ? '-' : '';
  const whole = Math.round(Math.abs(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const values = { hours: formatNumber(hours, locale), minutes: rest };
  const text =
    hours === 0
      ? fill(terms.minutesOnly, values)
      : rest === 0
        ? fill(terms.hoursOnly, values)
        : fill(terms.hoursMinutes, values);
  return sign + text;
}

/** A number in the locale's digits and grouping. */
export function formatNumber(
  value: number,
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(locale, options).format(value);
}

/** A ratio (0.9832) as a percentage (`98.3%`), with at most `digits` decimals (1 by default). */
export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural category of `count` in `locale` (`one` or `other` for the shipped languages). */
export function pluralCategory(count: number, locale: Locale): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count) === 'one' ? 'one' : 'other';
}
