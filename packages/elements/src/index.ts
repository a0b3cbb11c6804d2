/**
 * `@lanewise/elements`: Lit web components over `@lanewise/core`. Importing this module
 * defines every component; import `@lanewise/elements/<tag>.js` to take only one.
 *
 * @module @lanewise/elements
 */
export { LanewiseElement } from './base/lanewise-element.js';
export { defineElement } from './base/define.js';
export { renderEmpty, renderError, renderSkeleton, stateStyles } from './base/states.js';
export type { SkeletonShape } from './base/states.js';
export { SourceController } from './controllers/source-controller.js';
export { fromSchema } from './controllers/from-schema.js';
export type {
  SourceError,
  SourceHost,
  SourceOptions,
  SourceOrigin,
  SourceState,
  SourceViews,
} from './controllers/source-controller.js';
export { isLiveSource } from './controllers/live-source.js';
export type { LiveSource } from './controllers/live-source.js';
export { FetchError, fetchJson } from './controllers/fetch-json.js';
export type { FetchFailure } from './controllers/fetch-json.js';
export { attachContextRoot, sourceContext } from './controllers/source-context.js';
export type { LiveName, SharedSource, SharedState } from './controllers/source-context.js';
export {
  LocalizeController,
  defineTerms,
  dictionaries,
  en,
  zhCN,
  fill,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  pluralCategory,
  nearestLang,
  pickLocale,
} from './localize/index.js';
export type {
  DateOptions,
  Dictionary,
  Locale,
  LocalizedHost,
  MessageKey,
  PluralKey,
  PluralTerm,
  Term,
  TermSet,
  TermsLike,
} from './localize/index.js';
export { tokenStyles, lightTokens, darkTokens, sizeTokens } from './styles/tokens.js';
export type { TokenName } from './styles/tokens.js';
export { LanewiseProvider } from './components/lanewise-provider/lanewise-provider.js';
export { LwStat } from './components/lw-stat/lw-stat.js';
export type { StatData, StatTone } from './components/lw-stat/lw-stat.js';
export { VolunteerLedger } from './components/volunteer-ledger/volunteer-ledger.js';
export type {
  ApproveDetail,
  CloseDetail,
  LedgerOrder,
  LedgerPeriod,
  StatusFilter,
} from './components/volunteer-ledger/volunteer-ledger.js';
export { VolunteerCertificate } from './components/volunteer-certificate/volunteer-certificate.js';
export type { CertificatePrintDetail } from './components/volunteer-certificate/volunteer-certificate.js';
export { Ratio721 } from './components/ratio-721/ratio-721.js';
export type { RatioFigures } from './components/ratio-721/ratio-721.js';
export { SatisfactionPanel } from './components/satisfaction-panel/satisfaction-panel.js';
export type {
  RatesFigures,
  SatisfactionCompare,
} from './components/satisfaction-panel/satisfaction-panel.js';
export { PointsWallet } from './components/points-wallet/points-wallet.js';
export type {
  ExpiringLot,
  PointsDocument,
  WalletLine,
  WalletLineKind,
  WalletView,
} from './components/points-wallet/points-wallet.js';
export { RedemptionCatalog } from './components/redemption-catalog/redemption-catalog.js';
export type {
  Blocked,
  CancelDetail,
  CatalogItem,
  CatalogView,
  FulfilDetail,
  ReservationRow,
} from './components/redemption-catalog/redemption-catalog.js';
export { CaseIntake } from './components/case-intake/case-intake.js';
export type { IntakeFields } from './components/case-intake/case-intake.js';
export { CaseBoard } from './components/case-board/case-board.js';
export type { BoardGrouping } from './components/case-board/case-board.js';
