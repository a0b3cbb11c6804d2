// Small pure helpers shared by the case widgets: the words of a rule set in the page's
// language, and deadlines as people write them.
import type { LocalizedText, RoutingCondition, RoutingConfig } from '@lanewise/core/routing';
import type { Locale } from '../../localize/index.js';

/** The text in `locale`, else in Chinese, else in English, else in the first language given. */
export function pickText(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return (
    text[locale] ??
    text[locale === 'en' ? 'en-GB' : 'zh'] ??
    text['zh-CN'] ??
    text['en'] ??
    Object.values(text)[0] ??
    ''
  );
}

/** One category as a form offers it. */
export interface CategoryChoice {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

function testedCategories(condition: RoutingCondition | undefined, into: Set<string>): void {
  if (!condition) return;
  if ('all' in condition) condition.all.forEach((part) => testedCategories(part, into));
  else if ('any' in condition) condition.any.forEach((part) => testedCategories(part, into));
  else if ('fact' in condition && condition.fact === 'category') {
    if (condition.op === 'eq' && typeof condition.value === 'string') into.add(condition.value);
    if (condition.op === 'in')
      for (const value of condition.value) if (typeof value === 'string') into.add(value);
  }
}

/**
 * The categories to offer: the rule set's own list, in its order and the page's language; a
 * rule set without one offers the categories its rules test, by id.
 */
export function categoryChoices(config: RoutingConfig, locale: Locale): CategoryChoice[] {
  if (config.categories?.length) {
    return config.categories.map((category) => ({
      id: category.id,
      name: pickText(category.name, locale),
      description: pickText(category.description, locale),
    }));
  }
  const ids = new Set<string>();
  for (const rule of config.rules ?? []) testedCategories(rule.when, ids);
  return [...ids].map((id) => ({ id, name: id, description: '' }));
}

/** A category's name in the page's language, or its id. */
export function categoryName(
  config: RoutingConfig | undefined,
  id: string,
  locale: Locale,
): string {
  const found = config?.categories?.find((category) => category.id === id);
  return found ? pickText(found.name, locale) : id;
}

/** A tier's name in the page's language, or its id. */
export function tierName(config: RoutingConfig | undefined, id: string, locale: Locale): string {
  const found = config?.tiers.find((tier) => tier.id === id);
  return found ? pickText(found.name, locale) : id;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A deadline as people write it, in the book's zone: the day alone when it falls at the end of
 * a day (`2025年2月5日`, `5 February 2025`), else the day and the time.
 */
export function formatDeadline(dueAt: string, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  const endOfDay = /T23:59:59\.999/.test(dueAt);
  const key = `${locale}|${timeZone}|${endOfDay}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      ...(endOfDay ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    });
    formats.set(key, format);
  }
  return format.format(new Date(dueAt));
}
