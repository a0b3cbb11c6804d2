export { LocalizeController } from './localize-controller.js';
export type { LocalizedHost } from './localize-controller.js';
export { defineTerms, dictionaries, en, fill, zhCN } from './dictionaries.js';
export type {
  Dictionary,
  Locale,
  MessageKey,
  PluralKey,
  PluralTerm,
  Term,
  TermSet,
  TermsLike,
} from './dictionaries.js';
export {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  pluralCategory,
} from './format.js';
export type { DateOptions } from './format.js';
export { nearestLang, pickLocale } from './resolve.js';
