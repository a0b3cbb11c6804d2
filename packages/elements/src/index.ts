/**
 * `@lanewise/elements`: Lit web components over `@lanewise/core`. Importing this module
 * defines every component; import `@lanewise/elements/<tag>.js` to take only one.
 *
 * @module @lanewise/elements
 */
export { LanewiseElement } from './base/lanewise-element.js';
export { defineElement } from './base/define.js';
export { DataSourceController } from './controllers/data-source.js';
export type {
  DataError,
  DataSourceOptions,
  DataState,
  LiveSource,
} from './controllers/data-source.js';
export {
  LocalizeController,
  dictionaries,
  en,
  zhCN,
  nearestLang,
  pickLocale,
} from './localize/index.js';
export type { Dictionary, Locale, LocalizedHost, MessageKey } from './localize/index.js';
export { tokenStyles, lightTokens, darkTokens, sizeTokens } from './styles/tokens.js';
export type { TokenName } from './styles/tokens.js';
export { LwStat } from './components/lw-stat/lw-stat.js';
export type { StatData, StatTone } from './components/lw-stat/lw-stat.js';
