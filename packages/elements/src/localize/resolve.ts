import type { Locale } from './dictionaries.js';

/** The `lang` of the nearest ancestor that has one, crossing shadow roots; '' when none. */
export function nearestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

/** Maps any language tag to a shipped locale: `en*` to English, anything else to zh-CN. */
export function pickLocale(lang: string): Locale {
  return /^en\b/i.test(lang) ? 'en' : 'zh-CN';
}
