// Open311 GeoReport v2: cases as service requests, incoming requests as cases, and the
// service list made from a rule set's categories.
import { z } from 'zod';
import { LanewiseError } from '../errors.js';
import { parseInput } from '../schemas/parse.js';
import { idSchema, instantSchema } from '../schemas/common.js';
import type { OpenCaseInput } from './book-types.js';
import {
  routingCategories,
  type Open311Service,
  type Open311ServicesOptions,
} from './open311-services.js';
import type { CaseRouting } from './dispatch.js';
import type { CaseAttributeValue, CaseRecord, CaseStatus } from './types.js';
import { defined } from './values.js';

export type { Open311Service, Open311ServicesOptions } from './open311-services.js';

/** A GeoReport v2 service request, as `GET requests.json` returns it. */
export interface Open311Request {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes?: string;
  readonly service_name?: string;
  readonly service_code: string;
  readonly description?: string;
  readonly agency_responsible?: string;
  readonly service_notice?: string;
  readonly requested_datetime: string;
  readonly updated_datetime?: string;
  readonly expected_datetime?: string;
  readonly address?: string;
  readonly address_id?: string;
  readonly zipcode?: string;
  readonly lat?: number;
  readonly long?: number;
  readonly media_url?: string;
}

/**
 * Maps Open311 `service_code`s to case categories: `{ "NOISE-01": "noise" }`, or a list of
 * categories used as their own service codes.
 */
export type Open311Categories = Readonly<Record<string, string>> | readonly string[];

/** Options of {@link toOpen311}. */
export interface ToOpen311Options {
  /** The same map as for {@link fromOpen311}; a category without a code is its own code. */
  readonly categories?: Open311Categories;
  /** Service names by category, shown as `service_name`; the category by default. */
  readonly serviceNames?: Readonly<Record<string, string>>;
}

/** Options of {@link fromOpen311}. */
export interface FromOpen311Options {
  /** Which service codes are accepted and the category each stands for. */
  readonly categories: Open311Categories;
  /** The case's channel; `open311` by default. */
  readonly channel?: string;
}

const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['dispatched', 'in_progress']);

function categoryByCode(categories: Open311Categories): ReadonlyMap<string, string> {
  return Array.isArray(categories)
    ? new Map(categories.map((category: string) => [category, category]))
    : new Map(Object.entries(categories as Readonly<Record<string, string>>));
}

function statusNotes(record: CaseRecord): string | undefined {
  if (record.status === 'duplicate') return `duplicate of ${record.duplicateOf ?? 'another case'}`;
  if (record.outcome === undefined)
    return record.status === 'in_progress' ? 'in progress' : undefined;
  return record.resolutionNote === undefined
    ? record.outcome
    : `${record.outcome}: ${record.resolutionNote}`;
}

/**
 * A case as a GeoReport v2 service request: `dispatched` and `in_progress` are `open`, the
 * rest `closed`; `expected_datetime` is the due time and `agency_responsible` the handlers.
 *
 * @example
 * ```ts
 * const request = toOpen311(book.get('c-1')!, { categories: { 'NOISE-01': 'noise' } });
 * request.status; // 'open'
 * request.service_code; // 'NOISE-01'
 * ```
 */
export function toOpen311(record: CaseRecord, options: ToOpen311Options = {}): Open311Request {
  let serviceCode = record.category;
  for (const [code, category] of categoryByCode(options.categories ?? [])) {
    if (category === record.category) {
      serviceCode = code;
      break;
    }
  }
  const location = record.location;
  return defined({
    service_request_id: record.id,
    status: OPEN_STATUSES.has(record.status) ? 'open' : 'closed',
    status_notes: statusNotes(record),
    service_name: options.serviceNames?.[record.category] ?? record.category,
    service_code: serviceCode,
    description: record.description ?? record.title,
    agency_responsible: record.handlers.join(', '),
    requested_datetime: record.receivedAt,
    updated_datetime: record.updatedAt,
    expected_datetime: record.dueAt,
    address: location?.address,
    lat: location?.lat,
    long: location?.lon,
  });
}

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

// An incoming request: see Open311Input.
const open311InputSchema = z.object({
  service_request_id: idSchema,
  service_code: z.string().min(1),
  service_name: z.string().optional(),
  requested_datetime: instantSchema,
  description: z.string().max(20_000).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().max(500).optional(),
  address: z.string().max(500).optional(),
  address_id: z.string().max(200).optional(),
  zipcode: z.string().max(20).optional(),
  email: z.string().max(320).optional(),
  phone: z.string().max(50).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  account_id: z.string().max(200).optional(),
  device_id: z.string().max(200).optional(),
  media_url: z.string().max(2000).optional(),
  attribute: z.record(z.string(), attributeValue).optional(),
});

/**
 * The input of {@link fromOpen311}: the fields of a GeoReport v2 `POST requests` (or of a
 * request as `GET requests` returns it), with the id and the time of receipt.
 */
export interface Open311Input {
  readonly service_request_id: string;
  readonly service_code: string;
  readonly service_name?: string;
  /** When it was received, an ISO instant with an offset. */
  readonly requested_datetime: string;
  readonly description?: string;
  /** Latitude (WGS 84); a numeric string as a form would send it is accepted too. */
  readonly lat?: number | string;
  readonly long?: number | string;
  readonly address_string?: string;
  readonly address?: string;
  readonly address_id?: string;
  readonly zipcode?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly account_id?: string;
  readonly device_id?: string;
  readonly media_url?: string;
  /** The service's extra attributes (`attribute[code]=value`). */
  readonly attribute?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

function titleOf(
  serviceName: string | undefined,
  description: string | undefined,
  category: string,
): string {
  const firstLine = description?.split('\n', 1)[0]?.trim();
  if (firstLine) return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return serviceName ?? category;
}

/**
 * An incoming GeoReport v2 request as the input of `caseBook.open`. The `service_code` must be
 * one of `categories` (else `INVALID_INPUT` at `service_code`); `attribute[...]`, the address
 * id, zip code, device and media URL go into `attributes`.
 *
 * @example
 * ```ts
 * const input = fromOpen311(
 *   { service_request_id: 'sr-9', service_code: 'NOISE-01', requested_datetime: '2025-03-03T21:40:00+08:00', description: 'Karaoke at night' },
 *   { categories: { 'NOISE-01': 'noise' } },
 * );
 * book.open(input); // a 'noise' case from channel 'open311'
 * ```
 */
export function fromOpen311(request: Open311Input, options: FromOpen311Options): OpenCaseInput {
  const parsed = parseInput(open311InputSchema, request);
  const category = categoryByCode(options.categories).get(parsed.service_code);
  if (category === undefined) {
    throw new LanewiseError(
      'INVALID_INPUT',
      `service_code: unknown service code ${parsed.service_code}`,
      {
        path: ['service_code'],
        details: { serviceCode: parsed.service_code },
      },
    );
  }
  const name = [parsed.first_name, parsed.last_name].filter(Boolean).join(' ');
  const reporter = defined({
    id: parsed.account_id,
    name: name === '' ? undefined : name,
    phone: parsed.phone,
    email: parsed.email,
  });
  const location = defined({
    lat: parsed.lat,
    lon: parsed.long,
    address: parsed.address_string ?? parsed.address,
  });
  const attributes = defined({
    ...parsed.attribute,
    address_id: parsed.address_id,
    zipcode: parsed.zipcode,
    device_id: parsed.device_id,
    media_url: parsed.media_url,
  }) as Record<string, CaseAttributeValue>;
  return defined({
    id: parsed.service_request_id,
    category,
    title: titleOf(parsed.service_name, parsed.description, category),
    description: parsed.description,
    receivedAt: parsed.requested_datetime,
    channel: options.channel ?? 'open311',
    reporter: Object.keys(reporter).length > 0 ? reporter : undefined,
    location: Object.keys(location).length > 0 ? location : undefined,
    attributes: Object.keys(attributes).length > 0 ? attributes : undefined,
  });
}

/**
 * The GeoReport v2 service list (`GET services.json`) of a rule set: one service per category
 * its rules test (`category` with `eq` or `in`), grouped by the tier the first such rule sends
 * it to, plus the categories of `options.categories`.
 *
 * @example
 * ```ts
 * open311Services(rules, { locale: 'en' });
 * // [{ service_code: 'medical', service_name: 'medical', group: 'Joint', type: 'realtime', ... }, ...]
 * ```
 */
export function open311Services(
  routing: CaseRouting,
  options: Open311ServicesOptions = {},
): Open311Service[] {
  return routingCategories(routing, options);
}
