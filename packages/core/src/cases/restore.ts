// A book restored from a snapshot: the records are checked against their schema and against
// what the life cycle allows of a record (the fields of each status, the counts, the order of
// its instants, the zone they are written in), then taken as the state the log's later events
// build on. The first bad field is INVALID_LOG at `['restore', 'snapshot', 'cases', i, ...]`.
import { invalidSnapshot, isLanewiseError, type ErrorPath } from '../errors/index.js';
import type { Checkpoint } from '../journal/chain.js';
import { parseInput } from '../schemas/parse.js';
import { instantMs } from '../time/parse.js';
import type { CaseState } from './apply.js';
import { CLOCK_SKEW_MS, type CommandContext } from './commands.js';
import { copyJson, deepFreeze } from './json.js';
import { caseSnapshotSchema } from './schemas.js';
import type { CaseRecord, CaseStatus } from './types.js';

/** Which optional fields each status must have (`true`) or must not have (`false`). */
const FIELDS_OF: {
  readonly [S in CaseStatus]: { readonly [field: string]: boolean };
} = {
  dispatched: { acceptedAt: false, resolvedAt: false, closedAt: false, duplicateOf: false },
  in_progress: { acceptedAt: true, resolvedAt: false, closedAt: false, duplicateOf: false },
  resolved: { acceptedAt: true, resolvedAt: true, closedAt: false, duplicateOf: false },
  closed: { acceptedAt: true, resolvedAt: true, closedAt: true, duplicateOf: false },
  duplicate: { resolvedAt: false, closedAt: false, duplicateOf: true },
};

/** Fields that come and go together with the first one. */
const TOGETHER: readonly (readonly (keyof CaseRecord)[])[] = [
  ['acceptedAt', 'acceptedBy'],
  ['resolvedAt', 'resolvedBy', 'outcome'],
  ['duplicateOf', 'duplicateAt'],
];

const HISTORY = ['followUps', 'actions', 'escalations', 'extensions'] as const;
/** Instants not stamped by a later event of the book: they may lie outside the case's life. */
const UNSTAMPED = new Set([
  'receivedAt',
  'dueAt',
  'newDueAt',
  'openedAt',
  'updatedAt',
  'from',
  'until',
]);

/**
 * Every instant of a record (a field named `at`, `from`, `until` or ending in `At`, at the top
 * or in its history) with its path, and whether an event of the book stamped it then.
 */
function instantsOf(record: CaseRecord): [string, ErrorPath, boolean][] {
  const found: [string, ErrorPath, boolean][] = [];
  const visit = (item: object, path: ErrorPath, stamps: boolean) => {
    for (const [key, value] of Object.entries(item)) {
      if (typeof value === 'string' && (key === 'at' || key.endsWith('At') || UNSTAMPED.has(key))) {
        found.push([value, [...path, key], stamps && !UNSTAMPED.has(key)]);
      }
    }
  };
  visit(record, [], true);
  for (const list of HISTORY) {
    // A follow-up's and an action's instants are the caller's, not the book's stamps.
    const stamps = list === 'escalations' || list === 'extensions';
    record[list].forEach((item, i) => visit(item, [list, i], stamps));
  }
  return found;
}

/** Throws at the first thing no live book could have left in `record`. */
function checkRecord(
  record: CaseRecord,
  known: ReadonlyMap<string, CaseRecord>,
  ids: ReadonlySet<string>,
  ctx: CommandContext,
  fail: (path: ErrorPath, message: string) => never,
): void {
  if (known.has(record.id)) fail(['id'], `case ${record.id} appears twice`);
  // Each instant is read once; the checks of order below look it up.
  const msOf = new Map<string, number>();
  const instants = instantsOf(record);
  for (const [text, path] of instants) {
    if (ctx.write(text) !== text) fail(path, `${text} is not in the book's zone`);
    if (!msOf.has(text)) msOf.set(text, instantMs(text));
  }
  const ms = (text: string): number => msOf.get(text) as number;
  for (const [field, present] of Object.entries(FIELDS_OF[record.status])) {
    if ((record[field as keyof CaseRecord] !== undefined) !== present) {
      fail([field], `a ${record.status} case ${present ? 'must have' : 'cannot have'} ${field}`);
    }
  }
  for (const [first, ...rest] of TOGETHER) {
    const has = record[first as keyof CaseRecord] !== undefined;
    for (const field of rest) {
      if ((record[field] !== undefined) !== has) {
        fail([field], `${field} goes with ${first as string}`);
      }
    }
  }
  if (record.resolutionNote !== undefined && record.resolvedAt === undefined) {
    fail(['resolutionNote'], 'resolutionNote goes with resolvedAt');
  }
  if (record.duplicateOf !== undefined && !ids.has(record.duplicateOf)) {
    fail(['duplicateOf'], `names case ${record.duplicateOf}, not in the snapshot`);
  }
  const reopened = record.followUps.filter((f) => f.rating === 'unsatisfied').length;
  if (record.reopenedCount !== reopened) {
    fail(['reopenedCount'], `must be ${reopened}, the unsatisfied follow-ups`);
  }
  // Each round but the last ends with an unsatisfied answer; the last may end with one other.
  const settled = record.followUps.length - reopened;
  const last = record.followUps[record.followUps.length - 1];
  if (
    settled > 1 ||
    (settled === 1 &&
      (last?.rating === 'unsatisfied' ||
        (record.status !== 'resolved' && record.status !== 'closed')))
  ) {
    fail(['followUps'], 'only a resolved case’s last follow-up may be satisfied');
  }
  const moves = record.escalations.filter((e) => e.step === 'tier').length;
  if (record.round !== reopened + moves) {
    fail(['round'], `must be ${reopened + moves}: reopenings plus tier moves`);
  }
  record.escalations.forEach((e, i) => {
    if (e.round > record.round) fail(['escalations', i, 'round'], 'is later than the case');
    if ((e.step === 'tier') !== (e.toTier !== undefined && e.newDueAt !== undefined)) {
      fail(['escalations', i, 'step'], 'toTier and newDueAt go with a tier move');
    }
  });
  const actionIds = new Set<string>();
  record.actions.forEach((action, i) => {
    if (actionIds.has(action.id)) fail(['actions', i, 'id'], `action ${action.id} appears twice`);
    actionIds.add(action.id);
    if (ms(action.at) < ms(record.receivedAt)) {
      fail(['actions', i, 'at'], 'is before the case was received');
    }
  });
  const openedMs = ms(record.openedAt);
  const updatedMs = ms(record.updatedAt);
  if (ms(record.receivedAt) > openedMs + CLOCK_SKEW_MS) {
    fail(['receivedAt'], 'is later than the case was opened');
  }
  if (updatedMs < openedMs) fail(['updatedAt'], 'is before the case was opened');
  for (const [text, path, stamped] of instants) {
    const at = ms(text);
    if (stamped && (at < openedMs || at > updatedMs)) fail(path, 'is outside the case’s life');
  }
  if (!ctx.router.hasTier(record.tier))
    fail(['tier'], `${record.tier} is not a tier of the rule set`);
}

/**
 * Fills `state` (empty) with the records of a snapshot taken at `checkpoint`, each checked and
 * frozen. The caller's objects are copied, never kept.
 */
export function restoreCaseState(
  snapshot: unknown,
  checkpoint: Checkpoint,
  ctx: CommandContext & { readonly state: CaseState },
): void {
  const fail = (path: ErrorPath, message: string): never => {
    throw invalidSnapshot(checkpoint.seq, ['snapshot', ...path], message);
  };
  let parsed: { cases: CaseRecord[] };
  try {
    parsed = parseInput(caseSnapshotSchema, snapshot, ['snapshot']) as { cases: CaseRecord[] };
  } catch (error) {
    if (!isLanewiseError(error)) throw error;
    throw invalidSnapshot(checkpoint.seq, error.path, error.message, error.details);
  }
  const ids = new Set(parsed.cases.map((record) => record.id));
  const restored = new Map<string, CaseRecord>();
  parsed.cases.forEach((given, index) => {
    // The parser made new objects, except the attributes it checked by hand: copy those.
    if (given.attributes !== undefined) {
      (given as { attributes?: unknown }).attributes = copyJson(given.attributes);
    }
    const record = deepFreeze(given);
    checkRecord(record, restored, ids, ctx, (path, message) =>
      fail(['cases', index, ...path], message),
    );
    restored.set(record.id, record);
  });
  for (const [id, record] of restored) ctx.state.set(id, record);
}
