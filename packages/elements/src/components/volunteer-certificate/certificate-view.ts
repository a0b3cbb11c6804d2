// Pure helpers of <volunteer-certificate>: what to ask a live ledger for, and how the parts of
// a certificate are laid out (activities in order, the seal's characters, star numerals).
import type { HoursCertificate, HoursCertificateOptions, HoursLedger } from '@lanewise/core/hours';
import type { LiveSource } from '../../controllers/live-source.js';

/** What the widget asks a live ledger to certify: its attributes. */
export interface CertificateRequest {
  readonly volunteer: string;
  readonly from: string;
  readonly to: string;
  readonly issuer: string;
  readonly serial: string;
}

/** The part of an hour ledger the certificate uses. */
type Certifier = Pick<HoursLedger, 'certificate'>;

/** The hour ledger of a live object: a program's `hours`, or the object itself. */
export function certifierOf(live: LiveSource): Certifier | undefined {
  const candidate = (live as { hours?: unknown }).hours ?? live;
  return typeof (candidate as Partial<Certifier>).certificate === 'function'
    ? (candidate as Certifier)
    : undefined;
}

/**
 * Asks the live ledger for the certificate. The options go to the core as given, so that a
 * missing or malformed `from`, `to`, `issuer` or `serial` is the core's own error.
 */
export function issueFromLive(live: LiveSource, request: CertificateRequest): HoursCertificate {
  const certifier = certifierOf(live);
  if (!certifier) throw new TypeError('the live object has no certificate()');
  const options: Partial<HoursCertificateOptions> = {};
  // Absent attributes stay absent, so that the core says "is required" rather than "too short".
  if (request.from) Object.assign(options, { from: request.from });
  if (request.to) Object.assign(options, { to: request.to });
  if (request.issuer) Object.assign(options, { issuer: request.issuer });
  if (request.serial) Object.assign(options, { serial: request.serial });
  return certifier.certificate(request.volunteer, options as HoursCertificateOptions);
}

/** The activities with the most hours first; equal hours keep the certificate's order. */
export function activitiesByMinutes(
  certificate: HoursCertificate,
): HoursCertificate['activities'][number][] {
  return [...certificate.activities].sort((left, right) => right.minutes - left.minutes);
}

/** True for a day as `YYYY-MM-DD` (a period bound may also be an instant). */
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The longest issuer name the seal's ring can carry, in characters. */
export const SEAL_MAX_CHARACTERS = 16;

/**
 * The characters set around the seal's ring, each with its angle in degrees (0 at the top),
 * spread over the upper arc as a stamped seal has them; none when the name is too long to fit.
 */
export function sealRing(issuer: string): { char: string; angle: number }[] {
  const chars = Array.from(issuer.trim());
  if (chars.length === 0 || chars.length > SEAL_MAX_CHARACTERS) return [];
  // A short name is spaced wider, a long one takes most of the circle.
  const arc = chars.length > 1 ? Math.min(270, 40 + chars.length * 24) : 0;
  const step = chars.length > 1 ? arc / (chars.length - 1) : 0;
  return chars.map((char, index) => ({ char, angle: -arc / 2 + index * step }));
}

const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A star level as a certificate writes it in Chinese: 二, 五; digits past ten. */
export const chineseNumeral = (count: number): string => numerals[count] ?? String(count);
