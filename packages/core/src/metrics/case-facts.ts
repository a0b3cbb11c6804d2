// What the three rates need to know of one case, read (and checked) once, so that the totals
// and every breakdown add the same facts.
import { invalidField } from '../schemas/parse.js';
import { MS_PER_MINUTE } from '../time/constants.js';
import { instantMs, requireInstantMs } from '../time/parse.js';
import type { MetricsCase, MetricsCaseSource, SatisfactionLevel } from './types.js';

const STATUSES = new Set(['dispatched', 'in_progress', 'resolved', 'closed', 'duplicate']);
const OUTCOMES = new Set(['resolved', 'mediated', 'referred', 'unresolvable']);
const LEVELS = new Set(['satisfied', 'basic', 'unsatisfied']);

/** The settings the facts depend on. */
export interface CaseFactSettings {
  readonly nowMs: number;
  readonly responseMs: (tier: string) => number;
  readonly satisfied: ReadonlySet<SatisfactionLevel>;
  readonly followUps: 'latest' | 'all';
}

/** The facts of one case received in the period asked for. */
export interface CaseFacts {
  readonly status: MetricsCase['status'];
  /** `pending`: not yet responded, and the response limit has not passed. */
  readonly response: 'in-time' | 'late' | 'pending' | 'none';
  /** Resolved (status resolved or closed, with `resolvedAt`), and whether by `dueAt`. */
  readonly resolved: boolean;
  readonly onTime: boolean;
  /** Closed, and whether resolved or mediated. */
  readonly closed: boolean;
  readonly resolvedOrMediated: boolean;
  /** Follow-up answers counted, and how many of them count as satisfied. */
  readonly answers: number;
  readonly satisfiedAnswers: number;
  /** Still open (dispatched or in progress) and past `dueAt` at now. */
  readonly overdueOpen: boolean;
  /** Minutes from receipt to resolution; NaN when not resolved. */
  readonly handlingMinutes: number;
}

const DUPLICATE: Omit<CaseFacts, 'status'> = {
  response: 'none',
  resolved: false,
  onTime: false,
  closed: false,
  resolvedOrMediated: false,
  answers: 0,
  satisfiedAnswers: 0,
  overdueOpen: false,
  handlingMinutes: NaN,
};

function optionalInstant(value: unknown, path: (string | number)[]): number {
  return value === undefined ? NaN : requireInstantMs(value, path);
}

/** The earliest sign of a response: acceptance or the first handling action. */
function firstResponseMs(record: MetricsCase, index: number): number {
  let first = optionalInstant(record.acceptedAt, [index, 'acceptedAt']);
  const actions: unknown = record.actions;
  if (!Array.isArray(actions))
    throw invalidField([index, 'actions'], 'must be a list', 'type', { expected: 'array' });
  for (let position = 0; position < actions.length; position++) {
    const action = actions[position] as { at?: unknown } | null;
    const at = typeof action === 'object' && action !== null ? instantMs(action.at) : NaN;
    if (Number.isNaN(at)) {
      if (typeof action !== 'object' || action === null) {
        throw invalidField([index, 'actions', position], 'must be an action', 'type', {
          expected: 'object',
        });
      }
      requireInstantMs(action.at, [index, 'actions', position, 'at']);
    }
    if (!(at >= first)) first = at; // NaN-safe: any action beats "no acceptance"
  }
  return first;
}

function followUpFacts(
  record: MetricsCase,
  index: number,
  settings: CaseFactSettings,
): [number, number] {
  const followUps = record.followUps;
  if (!Array.isArray(followUps))
    throw invalidField([index, 'followUps'], 'must be a list', 'type', { expected: 'array' });
  const from = settings.followUps === 'latest' ? Math.max(0, followUps.length - 1) : 0;
  let satisfied = 0;
  for (let position = from; position < followUps.length; position++) {
    const rating = (followUps[position] as { rating?: unknown } | null)?.rating;
    if (typeof rating !== 'string' || !LEVELS.has(rating)) {
      throw invalidField(
        [index, 'followUps', position, 'rating'],
        "must be 'satisfied', 'basic' or 'unsatisfied'",
      );
    }
    if (settings.satisfied.has(rating as SatisfactionLevel)) satisfied += 1;
  }
  return [followUps.length - from, satisfied];
}

/** The facts of a case (whose `receivedAt`, `receivedMs`, is already known and checked). */
export function caseFacts(
  record: MetricsCase,
  index: number,
  receivedMs: number,
  settings: CaseFactSettings,
): CaseFacts {
  const status = record.status;
  if (typeof status !== 'string' || !STATUSES.has(status)) {
    throw invalidField(
      [index, 'status'],
      "must be 'dispatched', 'in_progress', 'resolved', 'closed' or 'duplicate'",
    );
  }
  if (typeof record.tier !== 'string')
    throw invalidField([index, 'tier'], 'must be text', 'type', { expected: 'string' });
  if (typeof record.category !== 'string')
    throw invalidField([index, 'category'], 'must be text', 'type', { expected: 'string' });
  if (status === 'duplicate') return { status, ...DUPLICATE };

  const dueMs = requireInstantMs(record.dueAt, [index, 'dueAt']);
  const respondedMs = firstResponseMs(record, index);
  const limitMs = receivedMs + settings.responseMs(record.tier);
  const response =
    respondedMs <= limitMs
      ? 'in-time'
      : respondedMs > limitMs || settings.nowMs > limitMs
        ? 'late'
        : 'pending';

  const resolvedMs = optionalInstant(record.resolvedAt, [index, 'resolvedAt']);
  const resolved = (status === 'resolved' || status === 'closed') && !Number.isNaN(resolvedMs);
  const outcome = record.outcome;
  if (outcome !== undefined && !OUTCOMES.has(outcome)) {
    throw invalidField(
      [index, 'outcome'],
      "must be 'resolved', 'mediated', 'referred' or 'unresolvable'",
    );
  }
  const [answers, satisfiedAnswers] = followUpFacts(record, index, settings);
  return {
    status,
    response,
    resolved,
    onTime: resolved && resolvedMs <= dueMs,
    closed: status === 'closed',
    resolvedOrMediated: status === 'closed' && (outcome === 'resolved' || outcome === 'mediated'),
    answers,
    satisfiedAnswers,
    overdueOpen: (status === 'dispatched' || status === 'in_progress') && settings.nowMs > dueMs,
    handlingMinutes: resolved ? (resolvedMs - receivedMs) / MS_PER_MINUTE : NaN,
  };
}

/** The handling units of a case: its handlers, each once. */
export function caseUnits(record: MetricsCase, index: number): readonly string[] {
  const handlers: unknown = record.handlers;
  if (!Array.isArray(handlers))
    throw invalidField([index, 'handlers'], 'must be a list', 'type', { expected: 'array' });
  for (let position = 0; position < handlers.length; position++) {
    if (typeof handlers[position] !== 'string')
      throw invalidField([index, 'handlers', position], 'must be text', 'type', {
        expected: 'string',
      });
  }
  return handlers.length < 2 ? (handlers as string[]) : [...new Set(handlers as string[])];
}

/** The case records of a source: the array itself, or the book's `list()`. */
export function listCases(source: MetricsCaseSource): readonly MetricsCase[] {
  if (Array.isArray(source)) return source as readonly MetricsCase[];
  if (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { list?: unknown }).list === 'function'
  ) {
    const cases = (source as { list(): readonly MetricsCase[] }).list();
    if (Array.isArray(cases)) return cases;
  }
  throw invalidField([], 'cases must be an array of case records or a case book with list()');
}

/** Checks that a case is an object before its fields are read. */
export function requireCaseObject(record: unknown, index: number): asserts record is MetricsCase {
  if (typeof record !== 'object' || record === null)
    throw invalidField([index], 'must be a case record', 'type', { expected: 'object' });
}
