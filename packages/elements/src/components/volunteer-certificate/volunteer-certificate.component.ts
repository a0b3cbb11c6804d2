import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { hoursCertificateSchema, type HoursCertificate } from '@lanewise/core/hours';
import { LanewiseElement } from '../../base/lanewise-element.js';
import { renderEmpty, renderError } from '../../base/states.js';
import { SourceController } from '../../controllers/source-controller.js';
import { fromSchema } from '../../controllers/from-schema.js';
import type { LiveSource } from '../../controllers/live-source.js';
import {
  activitiesByMinutes,
  chineseNumeral,
  isDay,
  issueFromLive,
  sealRing,
  type CertificateRequest,
} from './certificate-view.js';
import { certificatePageStyle } from './print-page.js';
import { certificateStyles } from './volunteer-certificate.styles.js';
import { certificateTerms as t } from './volunteer-certificate.terms.js';

const checkCertificate = fromSchema(hoursCertificateSchema);

/** The detail of `lw-print`. */
export interface CertificatePrintDetail {
  readonly volunteerId: string;
  readonly serial: string;
}

/**
 * A service certificate (志愿服务证明) to frame or print: the volunteer, the period, the total
 * approved hours, the hours of each activity, the star level, the issuer, the serial number and
 * the date of issue, inside a decorative border with the issuer's seal. Feed it the core's
 * `certificate()` result as `data` or `src`, or a live hour ledger or volunteer program as
 * `ledger` with the `volunteer`, `from`, `to`, `issuer` and `serial` attributes. Printing
 * gives one A4 page without the button.
 *
 * @summary A printable certificate of volunteer service.
 *
 * @tag volunteer-certificate
 *
 * @csspart base - The certificate (the paper).
 * @csspart frame - The decorative border inside the paper.
 * @csspart title - The title, 志愿服务证明 / Certificate of Volunteer Service.
 * @csspart subtitle - The English title under the Chinese one.
 * @csspart volunteer - The volunteer's name (or id).
 * @csspart period - The sentence with the period of service.
 * @csspart total - The total approved hours.
 * @csspart stars - The star level: the stars drawn and their words.
 * @csspart activities - The table of activities with their hours.
 * @csspart issuer - The issuer's name.
 * @csspart serial - The serial number.
 * @csspart issued-on - The date of issue.
 * @csspart seal - The seal mark beside the issuer.
 * @csspart actions - The row under the certificate with the print button (not printed).
 * @csspart print-button - The print button.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error box (`role="alert"`).
 * @csspart error-message - The sentence saying what went wrong.
 * @csspart retry - The retry button after a failed fetch.
 *
 * @cssprop --lw-certificate-paper - The paper colour; the surface colour by default.
 * @cssprop --lw-certificate-frame - The colour of the border and the ornaments.
 * @cssprop --lw-certificate-seal - The colour of the seal.
 * @cssprop --lw-certificate-star - The colour of the stars of the star level.
 * @cssprop --lw-certificate-font-family - The face of the title and the name (a serif stack).
 *
 * @event lw-print - Before printing, cancelable; `detail` is `{ volunteerId, serial }`. Cancel
 * it to print another way (a PDF from the server, say).
 * @event lw-load - The data from `src`, `data` or `ledger` is in.
 * @event lw-error - The data could not be had; `detail.message` says why.
 *
 * @example
 * ```html
 * <volunteer-certificate src="/certificate.json" volunteer-name="李华"></volunteer-certificate>
 * ```
 */
export class VolunteerCertificate extends LanewiseElement {
  /** The base styles and the certificate's own. */
  static override styles = [...(LanewiseElement.styles as []), certificateStyles];

  /** With `ledger`: the id of the volunteer to certify. */
  @property() volunteer = '';

  /** The volunteer's name as printed; the certificate's volunteer id when empty. */
  @property({ attribute: 'volunteer-name' }) volunteerName = '';

  /** With `ledger`: the first day (`YYYY-MM-DD`) or instant of the period. */
  @property() from = '';

  /** With `ledger`: the last day (`YYYY-MM-DD`, included) or instant of the period. */
  @property() to = '';

  /** With `ledger`: the organisation that certifies. */
  @property() issuer = '';

  /** With `ledger`: the certificate's serial number, unique at the issuer. */
  @property() serial = '';

  /** URL of a JSON certificate: the core's `certificate()` result. */
  @property() src = '';

  /** A certificate object, the core's `certificate()` result; the last source set wins. */
  @property({ attribute: false }) data: HoursCertificate | undefined;

  /** A live hour ledger or volunteer program; the certificate follows its changes. */
  @property({ attribute: false }) ledger: LiveSource | undefined;

  private readonly feed: SourceController<unknown> = new SourceController<unknown>(this, {
    check: checkCertificate,
    live: 'ledger',
    // A live object's value is its snapshot, turned into a certificate at render.
    isEmpty: (value): boolean =>
      !this.feed.live && (value as HoursCertificate).activities.length === 0,
  });

  /** The last certificate issued from the live object, and what it was issued from. */
  private issued:
    | { key: readonly unknown[]; result: { certificate: HoursCertificate } | { error: unknown } }
    | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    certificatePageStyle(this.ownerDocument);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ledger')) this.issued = undefined;
  }

  /** Prints the page, after a cancelable `lw-print`; the certificate takes an A4 page. */
  print(): void {
    const certificate = this.shown;
    const detail: CertificatePrintDetail = {
      volunteerId: certificate?.volunteerId ?? this.volunteer,
      serial: certificate?.serial ?? this.serial,
    };
    if (this.emitAction('lw-print', detail)) window.print();
  }

  /** The certificate on show, if any. */
  private get shown(): HoursCertificate | undefined {
    if (this.feed.state !== 'ready') return undefined;
    if (!this.feed.live) return this.feed.value as HoursCertificate;
    const result = this.issued?.result;
    return result && 'certificate' in result ? result.certificate : undefined;
  }

  /** The certificate of the live object for the attributes, issued again only on a change. */
  private issue(
    live: LiveSource,
    snapshot: unknown,
  ): { certificate: HoursCertificate } | { error: unknown } {
    const request: CertificateRequest = {
      volunteer: this.volunteer,
      from: this.from,
      to: this.to,
      issuer: this.issuer,
      serial: this.serial,
    };
    const key = [live, snapshot, ...Object.values(request)];
    const last = this.issued;
    if (last && last.key.length === key.length && last.key.every((part, i) => part === key[i]))
      return last.result;
    let result: { certificate: HoursCertificate } | { error: unknown };
    try {
      result = { certificate: issueFromLive(live, request) };
    } catch (error) {
      result = { error };
    }
    this.issued = { key, result };
    return result;
  }

  protected override render() {
    return this.feed.render({
      skeleton: { label: true, figure: true, lines: 3, rows: 3 },
      empty: {
        title: this.localize.term(t, 'emptyTitle'),
        hint: this.localize.term(t, 'emptyHint'),
      },
      ready: (value) => {
        const live = this.feed.live;
        return live
          ? this.renderLive(live, value)
          : this.renderCertificate(value as HoursCertificate);
      },
    });
  }

  private renderLive(live: LiveSource, snapshot: unknown) {
    const l = this.localize;
    if (!this.volunteer)
      return renderEmpty(l.term(t, 'noVolunteerTitle'), l.term(t, 'noVolunteerHint'));
    const result = this.issue(live, snapshot);
    if ('error' in result)
      return renderError(
        l.term('errorTitle'),
        l.term(t, 'cannotIssue', { reason: l.error(result.error) }),
      );
    if (result.certificate.activities.length === 0)
      return renderEmpty(l.term(t, 'emptyTitle'), l.term(t, 'emptyHint'));
    return this.renderCertificate(result.certificate);
  }

  /** A period bound: a day as written, an instant by its day in its own offset's zone. */
  private bound(value: string): string {
    return isDay(value)
      ? this.localize.date(`${value}T00:00:00Z`, { timeZone: 'UTC' })
      : this.localize.date(value);
  }

  private renderStars(level: number) {
    const l = this.localize;
    const words =
      level > 0
        ? l.term(t, 'stars', { count: l.number(level), numeral: chineseNumeral(level) })
        : l.term(t, 'noStars');
    return html`<p part="stars" class="stars">
      ${
        level > 0
          ? html`<span class="star-row" aria-hidden="true"
              >${Array.from({ length: level }, () => html`<span class="star"></span>`)}</span
            >`
          : nothing
      }
      <span class="star-words">${words}</span>
    </p>`;
  }

  private renderCertificate(certificate: HoursCertificate) {
    const l = this.localize;
    const name = this.volunteerName.trim() || certificate.volunteerId;
    const subtitle = l.term(t, 'subtitle');
    const ring = sealRing(certificate.issuer);
    return html`<article part="base" class="paper" data-locale=${l.locale} aria-labelledby="title">
        <div part="frame" class="frame">
          <span class="corner corner-start-top" aria-hidden="true"></span>
          <span class="corner corner-end-top" aria-hidden="true"></span>
          <span class="corner corner-start-bottom" aria-hidden="true"></span>
          <span class="corner corner-end-bottom" aria-hidden="true"></span>
          <header class="heading">
            <span class="ornament" aria-hidden="true"></span>
            <h2 part="title" class="title" id="title">${l.term(t, 'title')}</h2>
            ${subtitle ? html`<p part="subtitle" class="subtitle" lang="en">${subtitle}</p>` : nothing}
          </header>
          <p class="lead">${l.term(t, 'lead')}</p>
          <p part="volunteer" class="volunteer">${name}</p>
          ${
            name !== certificate.volunteerId
              ? html`<p class="volunteer-id">
                  ${l.term(t, 'volunteerId', { id: certificate.volunteerId })}
                </p>`
              : nothing
          }
          <p part="period" class="served">
            ${l.term(t, 'served', {
              from: this.bound(certificate.period.from),
              to: this.bound(certificate.period.to),
            })}
          </p>
          <p part="total" class="total lw-nowrap">${l.duration(certificate.totalMinutes)}</p>
          ${this.renderStars(certificate.starLevel)}
          <table part="activities" class="activities">
            <caption>
              ${l.term(t, 'activities')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${l.term(t, 'activity')}</th>
                <th scope="col" class="figure">${l.term(t, 'times')}</th>
                <th scope="col" class="figure">${l.term(t, 'hours')}</th>
              </tr>
            </thead>
            <tbody>
              ${activitiesByMinutes(certificate).map(
                (activity) =>
                  html`<tr>
                    <th scope="row">${activity.activityId}</th>
                    <td class="figure lw-nowrap">${l.plural(t, 'timesValue', activity.entries)}</td>
                    <td class="figure lw-nowrap">${l.duration(activity.minutes)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <footer class="signature">
            <dl class="particulars">
              <div>
                <dt>${l.term(t, 'serial')}</dt>
                <dd part="serial">${certificate.serial}</dd>
              </div>
              <div>
                <dt>${l.term(t, 'issuedOn')}</dt>
                <dd part="issued-on">${this.bound(certificate.issuedOn)}</dd>
              </div>
            </dl>
            <div class="issuer-block">
              <span part="seal" class="seal" aria-hidden="true">
                ${ring.map(
                  ({ char, angle }) =>
                    html`<span class="seal-char" style="--angle:${angle}deg">${char}</span>`,
                )}
                <span class="seal-star"></span>
              </span>
              <p class="issuer-label">${l.term(t, 'issuer')}</p>
              <p part="issuer" class="issuer">${certificate.issuer}</p>
            </div>
          </footer>
        </div>
      </article>
      <div part="actions" class="actions">
        <button part="print-button" class="lw-button" type="button" @click=${() => this.print()}>
          ${l.term(t, 'print')}
        </button>
      </div>`;
  }
}
