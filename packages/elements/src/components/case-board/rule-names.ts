import type { ReactiveController, ReactiveElement } from 'lit';
import type { Router, RoutingConfig } from '@lanewise/core/routing';
import { fetchJson } from '../../controllers/fetch-json.js';
import { checkRuleSet } from '../case-intake/rule-set.js';

/**
 * The rule set a board without a live book names tiers and categories by: `rules`, else the
 * JSON at `rules-src`, fetched once per URL. A rule set that cannot be had or read leaves the
 * ids showing.
 */
export class RuleNames implements ReactiveController {
  private fetched: { url: string; rules: unknown } | undefined;
  private memo: { from: unknown; config: RoutingConfig | undefined } | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly rules: () => RoutingConfig | Router | undefined,
    private readonly url: () => string,
  ) {
    host.addController(this);
  }

  /** The checked rule set, or undefined. */
  get config(): RoutingConfig | undefined {
    const rules =
      this.rules() ?? (this.fetched?.url === this.url() ? this.fetched.rules : undefined);
    if (this.memo?.from !== rules) {
      let config: RoutingConfig | undefined;
      try {
        config = rules ? checkRuleSet(rules) : undefined;
      } catch {
        config = undefined; // names fall back to ids
      }
      this.memo = { from: rules, config };
    }
    return this.memo?.config;
  }

  hostUpdated(): void {
    const url = this.url();
    if (!url || this.rules() || this.fetched?.url === url) return;
    this.fetched = { url, rules: undefined };
    fetchJson(url, new AbortController().signal).then(
      (rules) => {
        if (this.fetched?.url !== url) return;
        this.fetched = { url, rules };
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }
}
