import type { LocalizeController } from '../../localize/localize-controller.js';
import type { CatalogTerm } from './redemption-catalog.terms.js';

/** The catalogue's words in the page's language, for its views and its writes. */
export interface CatalogWords {
  readonly localize: LocalizeController;
  readonly t: (key: CatalogTerm, values?: Record<string, string | number>) => string;
  /** `count` points, in words. */
  readonly points: (count: number) => string;
}

/** What the catalogue's writes need of the widget besides its words. */
export interface CatalogHost extends CatalogWords {
  readonly live: () => unknown;
  readonly emit: <T>(name: `lw-${string}`, detail: T) => boolean;
  readonly announce: (message: string) => void;
}
