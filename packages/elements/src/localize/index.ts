export { LocalizeController } from './localize-controller.js';
export type { LocalizedHost } from './localize-controller.js';
export { dictionaries, en, zhCN } from './dictionaries.js';
export type { Dictionary, Locale, MessageKey } from './dictionaries.js';
export { nearestLang, pickLocale } from './resolve.js';
