// Open311 GeoReport v2: cases as service requests, incoming requests as cases, and the
// service list made from a rule set's categories.
import * as z from 'zod/mini';
import { invalidField, parseInput } from '../schemas/parse.js';
import { idSchema, instantSchema, timeZoneSchema } from '../schemas/common.js';
import { instantMs } from '../time/parse.js';
import { zoneOffsets } from '../time/zone.js';
import type { CaseRouting, OpenCaseInput } from '../cases/api.js';
import { isJsonObject, setOwn, defined } from '../cases/json.js';
import {
  categoryMapSchema,
  nameMapSchema,
  routingCategories,
  type Open311Service,
  type Open311ServicesOptions,
} from './services.js';
import { caseRecordSchema } from '../cases/schemas.js';
import type { CaseAttributeValue, CaseRecord, CaseStatus } from '../cases/types.js';

export type { Open311Service, Open311ServicesOptions } from './services.js';

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
  /** The zone whose offset the request's instants carry; `Asia/Shanghai` by default. */
  readonly timeZone?: string;
}

/** Options of {@link fromOpen311}. */
export interface FromOpen311Options {
  /** Which service codes are accepted and the category each stands for. */
  readonly categories: Open311Categories;
  /** The case's channel; `open311` by default. */
  readonly channel?: string;
}

const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['dispatched', 'in_progress']);

/** Category by service code, from a map or a list (own keys only). */
function categoryByCode(categories: Open311Categories): ReadonlyMap<string, string> {
  return Array.isArray(categories)
    ? new Map(categories.map((category: string) => [category, category]))
    : new Map(Object.entries(categories as Readonly<Record<string, string>>));
}

/** The value of an own key of a name map, never one found through Object.prototype. */
export function ownName(
  names: Readonly<Record<string, string>> | undefined,
  key: string,
): string | undefined {
  return names !== undefined && Object.hasOwn(names, key) ? names[key] : undefined;
}

const toOptionsSchema = z.strictObject({
  categories: z.optional(categoryMapSchema),
  serviceNames: z.optional(nameMapSchema),
  timeZone: z.optional(timeZoneSchema),
});

const fromOptionsSchema = z.strictObject({
  categories: categoryMapSchema,
  channel: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

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
  parseInput(caseRecordSchema, record, ['record']);
  const settled = parseInput(toOptionsSchema, options, ['options']);
  const zone = zoneOffsets(settled.timeZone ?? 'Asia/Shanghai');
  const instant = (text: string) => zone.format(instantMs(text));
  let serviceCode = record.category;
  for (const [code, category] of categoryByCode(settled.categories ?? [])) {
    if (category === record.category) {
      serviceCode = code;
      break;
    }
  }
  const location = record.location;
  return defined<Open311Request>({
    service_request_id: record.id,
    status: OPEN_STATUSES.has(record.status) ? 'open' : 'closed',
    status_notes: statusNotes(record),
    service_name: ownName(settled.serviceNames, record.category) ?? record.category,
    service_code: serviceCode,
    description: record.description ?? record.title,
    agency_responsible: record.handlers.join(', '),
    requested_datetime: instant(record.receivedAt),
    updated_datetime: instant(record.updatedAt),
    expected_datetime: instant(record.dueAt),
    address: location?.address,
    lat: location?.lat,
    long: location?.lon,
  });
}

const text = (max: number) => z.optional(z.string().check(z.maxLength(max)));

/** A coordinate: a finite number, or a decimal number as text (`'24.33'`), within its range. */
const coordinate = (limit: number) =>
  z.optional(
    z.union(
      [
        z.number().check(z.gte(-limit), z.lte(limit)),
        z.string().check(
          z.refine((value) => {
            if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return false;
            const number = Number(value);
            return number >= -limit && number <= limit;
          }, `must be a decimal number from -${limit} to ${limit}`),
        ),
      ],
      { error: `must be a decimal number from -${limit} to ${limit}` },
    ),
  );

const ATTRIBUTE_MESSAGE =
  'must be an object of text, numbers, true/false or lists of text, keyed by attribute code';

// An incoming request: see Open311Input.
const open311InputSchema = z.strictObject({
  service_request_id: idSchema,
  service_code: z.string().check(z.minLength(1), z.maxLength(200)),
  service_name: text(500),
  requested_datetime: instantSchema,
  description: text(20_000),
  lat: coordinate(90),
  long: coordinate(180),
  address_string: text(500),
  address: text(500),
  address_id: text(200),
  zipcode: text(20),
  email: text(320),
  phone: text(50),
  first_name: text(100),
  last_name: text(100),
  account_id: z.optional(idSchema),
  device_id: text(200),
  media_url: text(2000),
  // Checked by hand, own keys only: a code such as `__proto__` stays a plain key.
  attribute: z.optional(
    z.custom<Readonly<Record<string, string | number | boolean | readonly string[]>>>(
      (value) =>
        isJsonObject(value, 200) &&
        Object.values(value as object).every(
          (item: unknown) =>
            typeof item === 'string' ||
            typeof item === 'boolean' ||
            (typeof item === 'number' && Number.isFinite(item)) ||
            (Array.isArray(item) && item.every((entry) => typeof entry === 'string')),
        ),
      { message: ATTRIBUTE_MESSAGE },
    ),
  ),
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
  /**
   * Latitude (WGS 84), -90 to 90; a decimal number as text, as a form sends it, is accepted
   * too (`'24.33'`; not `''`, `'0x10'` or `'1e2'`).
   */
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

const TITLE_LENGTH = 80;
const TITLE_UNITS = 500;

/** The text's user-perceived characters (grapheme clusters where Intl.Segmenter exists). */
function characters(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (part) => part.segment);
  }
  return Array.from(text);
}

/**
 * At most 80 characters (and 500 UTF-16 units, the title's limit), cut between characters so
 * that an emoji or a letter with its accent stays whole; a cut text ends with `…`.
 */
export function shortTitle(text: string): string {
  const parts = characters(text);
  if (parts.length <= TITLE_LENGTH && text.length <= TITLE_UNITS) return text;
  let out = '';
  for (const part of parts.slice(0, TITLE_LENGTH - 1)) {
    if (out.length + part.length > TITLE_UNITS - 1) break;
    out += part;
  }
  return `${out}…`;
}

function titleOf(
  serviceName: string | undefined,
  description: string | undefined,
  category: string,
): string {
  const firstLine = description?.split('\n', 1)[0]?.trim();
  if (firstLine) return shortTitle(firstLine);
  const name = serviceName?.trim();
  return shortTitle(name ? name : category);
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
  const settled = parseInput(fromOptionsSchema, options, ['options']);
  const category = categoryByCode(settled.categories).get(parsed.service_code);
  if (category === undefined) {
    throw invalidField(['service_code'], `unknown service code ${parsed.service_code}`);
  }
  const name = [parsed.first_name, parsed.last_name].filter(Boolean).join(' ');
  const reporter = defined({
    id: parsed.account_id,
    name: name === '' ? undefined : name,
    phone: parsed.phone,
    email: parsed.email,
  });
  const location = defined({
    lat: parsed.lat === undefined ? undefined : Number(parsed.lat),
    lon: parsed.long === undefined ? undefined : Number(parsed.long),
    address: parsed.address_string ?? parsed.address,
  });
  const attributes: Record<string, CaseAttributeValue> = {};
  for (const [code, value] of Object.entries(parsed.attribute ?? {})) {
    setOwn(attributes, code, Array.isArray(value) ? [...(value as string[])] : value);
  }
  const extra = {
    address_id: parsed.address_id,
    zipcode: parsed.zipcode,
    device_id: parsed.device_id,
    media_url: parsed.media_url,
  };
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined) attributes[key] = value;
  return defined<OpenCaseInput>({
    id: parsed.service_request_id,
    category,
    title: titleOf(parsed.service_name, parsed.description, category),
    description: parsed.description,
    receivedAt: parsed.requested_datetime,
    channel: settled.channel ?? 'open311',
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
