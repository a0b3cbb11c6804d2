// One community's objects, rebuilt from its streams: the volunteer programme (hours and
// points, one log), the case book, and the log of its routing rule sets. Every stored log is
// replayed through the core's factories with its chain verified; a log that fails is refused
// whole (INVALID_LOG), never served half. The case book starts from its latest snapshot when
// it has one: the snapshot's records are checked by the core and its event by the chain, and
// only the events after it are read and replayed.
import { createCaseBook, type CaseBook, type CaseSnapshot } from '@lanewise/core/cases';
import {
  createJournal,
  type Checkpoint,
  type Journal,
  type JournalEvent,
} from '@lanewise/core/journal';
import { LanewiseError } from '@lanewise/core/errors';
import { createVolunteerProgram, type VolunteerProgram } from '@lanewise/core/program';
import type { EventStore, StoredEvent, StoredSnapshot } from '../store/events.js';
import { sha256, type CommunitySettings } from './settings.js';

/** The streams of a community. */
export const STREAMS = ['program', 'cases', 'routing'] as const;
export type StreamName = (typeof STREAMS)[number];

/** A routing rule set taking effect for cases opened after it. */
export type RoutingReplaced = JournalEvent<'routing.replaced', { rules: unknown; by: string }>;

/** A community's live objects. */
export interface Community {
  readonly id: string;
  readonly program: VolunteerProgram;
  /** Rebuilt (same events, the new rules) when the rules are replaced. */
  cases: CaseBook;
  /**
   * Where a restored case book starts: the events up to it are in the store only, and
   * `events('cases')` holds those after it. Only the checkpoint is kept, not the snapshot.
   */
  casesStart: Checkpoint | undefined;
  readonly routing: Journal<RoutingReplaced>;
  /** The rule set in force. */
  rules(): unknown;
  /** The events of a stream in memory (for a restored case book, those after its snapshot). */
  events(stream: StreamName): readonly StoredEvent[];
  /** The `seq` of a stream's last event. */
  end(stream: StreamName): number;
  /** The events of a stream after `seq` (not before what it holds in memory). */
  eventsAfter(stream: StreamName, seq: number): readonly StoredEvent[];
}

const logOf = (community: Community, stream: StreamName): readonly unknown[] =>
  stream === 'program'
    ? community.program.events()
    : stream === 'cases'
      ? community.cases.events()
      : community.routing.events();

/** A case book's starting point: a stored snapshot and the checkpoint it was taken at. */
export interface CasesRestore {
  readonly snapshot: CaseSnapshot;
  readonly checkpoint: Checkpoint;
}

/** The `seq` a stream's events in memory start after. */
const offsetOf = (community: Community, stream: StreamName): number =>
  stream === 'cases' ? (community.casesStart?.seq ?? 0) : 0;

/** The case book over `events` (after `restore`, when given), routed by `rules`. */
export function buildCases(
  settings: CommunitySettings,
  rules: unknown,
  events: readonly unknown[],
  checkpoint?: StoredSnapshot,
  restore?: CasesRestore,
): CaseBook {
  return createCaseBook({
    routing: rules as never,
    calendar: settings.calendar,
    now: settings.now,
    escalation: settings.escalation,
    hash: sha256,
    events: events as never,
    checkpoint: checkpoint && { seq: checkpoint.seq, hash: checkpoint.hash },
    ...(restore && { restore }),
  });
}

/** Builds a community from its logs. Throws the core's INVALID_LOG for a bad one. */
export function buildCommunity(
  id: string,
  settings: CommunitySettings,
  logs: Readonly<Record<StreamName, readonly StoredEvent[]>>,
  checkpoints: Partial<Record<StreamName, StoredSnapshot>> = {},
  casesRestore?: CasesRestore,
): Community {
  const mark = (stream: StreamName) => {
    const snapshot = checkpoints[stream];
    return snapshot && { seq: snapshot.seq, hash: snapshot.hash };
  };
  const routing = createJournal<RoutingReplaced>({
    now: settings.now,
    hash: sha256,
    events: logs.routing as never,
    types: new Set(['routing.replaced']),
    checkpoint: mark('routing'),
  });
  const rules = () => routing.events().at(-1)?.data.rules ?? settings.routing;
  const program = createVolunteerProgram({
    now: settings.now,
    timeZone: settings.timeZone,
    policy: settings.policy,
    hash: sha256,
    events: logs.program as never,
    checkpoint: mark('program'),
  });
  const community: Community = {
    id,
    program,
    routing,
    cases: buildCases(settings, rules(), logs.cases, checkpoints.cases, casesRestore),
    casesStart: casesRestore?.checkpoint,
    rules,
    events: (stream) => logOf(community, stream) as readonly StoredEvent[],
    end: (stream) => community.events(stream).at(-1)?.seq ?? offsetOf(community, stream),
    eventsAfter: (stream, seq) =>
      community.events(stream).slice(Math.max(0, seq - offsetOf(community, stream))),
  };
  return community;
}

/**
 * The case book's latest snapshot as a starting point, with the events after it, when the
 * stored event it names is still there with its hash; otherwise none (the whole log is read).
 */
async function casesFromSnapshot(
  store: EventStore,
  id: string,
  snapshot: StoredSnapshot | undefined,
): Promise<{ restore: CasesRestore; events: StoredEvent[] } | undefined> {
  if (snapshot === undefined || snapshot.seq === 0) return undefined;
  const events = await store.read(id, 'cases', snapshot.seq - 1);
  const at = events[0];
  if (at === undefined || at.seq !== snapshot.seq || at.hash !== snapshot.hash) return undefined;
  return {
    restore: {
      snapshot: snapshot.state as CaseSnapshot,
      checkpoint: { seq: snapshot.seq, hash: snapshot.hash },
    },
    events: events.slice(1),
  };
}

/**
 * Reads a community's streams (with each one's latest snapshot as a checkpoint) and builds it,
 * the case book from its latest snapshot. A snapshot the core refuses is set aside and the whole
 * log replayed: the event table is the truth, the snapshot only a shortcut (`verify` names it).
 */
export async function loadCommunity(
  store: EventStore,
  id: string,
  settings: CommunitySettings,
): Promise<Community> {
  const logs = {} as Record<StreamName, StoredEvent[]>;
  const checkpoints: Partial<Record<StreamName, StoredSnapshot>> = {};
  const snapshots = await Promise.all(STREAMS.map((stream) => store.latestSnapshot(id, stream)));
  STREAMS.forEach((stream, i) => {
    const snapshot = snapshots[i];
    if (snapshot) checkpoints[stream] = snapshot;
  });
  const [program, routing, start] = await Promise.all([
    store.read(id, 'program'),
    store.read(id, 'routing'),
    casesFromSnapshot(store, id, checkpoints.cases),
  ]);
  logs.program = program;
  logs.routing = routing;
  if (start !== undefined) {
    try {
      return buildCommunity(
        id,
        settings,
        { ...logs, cases: start.events },
        checkpoints,
        start.restore,
      );
    } catch (error) {
      if (!(error instanceof LanewiseError && error.path[0] === 'restore')) throw error;
      console.warn(`${id}: the cases snapshot is set aside (${error.message}); replaying its log`);
    }
  }
  logs.cases = await store.read(id, 'cases');
  return buildCommunity(id, settings, logs, checkpoints);
}

/** The snapshot state kept for a stream: what a widget reads. */
export function snapshotState(community: Community, stream: StreamName): unknown {
  if (stream === 'program') return community.program.snapshot();
  if (stream === 'cases') return community.cases.snapshot();
  return { rules: community.rules() };
}
