// One community's objects, rebuilt from its streams: the volunteer programme (hours and
// points, one log), the case book, and the log of its routing rule sets. Every stored log is
// replayed through the core's factories with its chain verified; a log that fails is refused
// whole (INVALID_LOG), never served half. The programme and the case book start from their
// latest snapshots when they have them: the snapshot's records are checked by the core and its
// event by the chain, and only the events after it are read and replayed.
import { createCaseBook, type CaseBook, type CaseSnapshot } from '@lanewise/core/cases';
import {
  createJournal,
  type Checkpoint,
  type Journal,
  type JournalEvent,
} from '@lanewise/core/journal';
import { LanewiseError } from '@lanewise/core/errors';
import {
  createVolunteerProgram,
  type ProgramSnapshot,
  type VolunteerProgram,
} from '@lanewise/core/program';
import type { EventStore, StoredEvent, StoredSnapshot } from '../store/events.js';
import { sha256, type CommunitySettings } from './settings.js';

/** The streams of a community. */
export const STREAMS = ['program', 'cases', 'routing'] as const;
export type StreamName = (typeof STREAMS)[number];
/** The streams that start from their latest snapshot (the routing log is a few events). */
export type RestoredStream = 'program' | 'cases';

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
  /** Where a restored programme starts, as for the case book. */
  readonly programStart: Checkpoint | undefined;
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

/** The core refused the snapshot a stream was restored from (the stream's log is the truth). */
export class SnapshotRefusedError extends Error {
  constructor(
    readonly stream: RestoredStream,
    readonly inner: LanewiseError,
  ) {
    super(`the ${stream} snapshot was refused: ${inner.message}`);
    this.name = 'SnapshotRefusedError';
  }
}

/** Runs a build of `stream`, telling a refused snapshot apart from a refused log. */
function restoring<T>(stream: RestoredStream, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof LanewiseError && error.path[0] === 'restore') {
      throw new SnapshotRefusedError(stream, error);
    }
    throw error;
  }
}

/** A stream's starting point: a stored snapshot and the checkpoint it was taken at. */
export interface StreamRestore<S> {
  readonly snapshot: S;
  readonly checkpoint: Checkpoint;
}
export type CasesRestore = StreamRestore<CaseSnapshot>;
export type ProgramRestore = StreamRestore<ProgramSnapshot>;

/** Where restored streams start. */
export interface Restores {
  readonly cases?: CasesRestore | undefined;
  readonly program?: ProgramRestore | undefined;
}

/** The `seq` a stream's events in memory start after. */
const offsetOf = (community: Community, stream: StreamName): number =>
  stream === 'cases'
    ? (community.casesStart?.seq ?? 0)
    : stream === 'program'
      ? (community.programStart?.seq ?? 0)
      : 0;

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
  restores: Restores = {},
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
  const program = restoring('program', () =>
    createVolunteerProgram({
      now: settings.now,
      timeZone: settings.timeZone,
      policy: settings.policy,
      hash: sha256,
      events: logs.program as never,
      checkpoint: mark('program'),
      ...(restores.program && { restore: restores.program }),
    }),
  );
  const community: Community = {
    id,
    program,
    routing,
    cases: restoring('cases', () =>
      buildCases(settings, rules(), logs.cases, checkpoints.cases, restores.cases),
    ),
    casesStart: restores.cases?.checkpoint,
    programStart: restores.program?.checkpoint,
    rules,
    events: (stream) => logOf(community, stream) as readonly StoredEvent[],
    end: (stream) => community.events(stream).at(-1)?.seq ?? offsetOf(community, stream),
    eventsAfter: (stream, seq) =>
      community.events(stream).slice(Math.max(0, seq - offsetOf(community, stream))),
  };
  return community;
}

/**
 * A stream's latest snapshot as a starting point, with the events after it, when the stored
 * event it names is still there with its hash; otherwise none (the whole log is read).
 */
async function fromSnapshot<S>(
  store: EventStore,
  id: string,
  stream: RestoredStream,
  snapshot: StoredSnapshot | undefined,
): Promise<{ restore: StreamRestore<S>; events: StoredEvent[] } | undefined> {
  if (snapshot === undefined || snapshot.seq === 0) return undefined;
  const events = await store.read(id, stream, snapshot.seq - 1);
  const at = events[0];
  if (at === undefined || at.seq !== snapshot.seq || at.hash !== snapshot.hash) return undefined;
  return {
    restore: {
      snapshot: snapshot.state as S,
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
  const checkpoints: Partial<Record<StreamName, StoredSnapshot>> = {};
  const snapshots = await Promise.all(STREAMS.map((stream) => store.latestSnapshot(id, stream)));
  STREAMS.forEach((stream, i) => {
    const snapshot = snapshots[i];
    if (snapshot) checkpoints[stream] = snapshot;
  });
  const [routing, program, cases] = await Promise.all([
    store.read(id, 'routing'),
    fromSnapshot<ProgramSnapshot>(store, id, 'program', checkpoints.program),
    fromSnapshot<CaseSnapshot>(store, id, 'cases', checkpoints.cases),
  ]);
  const starts = { program, cases };
  // A snapshot the core refuses is set aside and its stream read whole; then the build is
  // tried again, until it needs no snapshot that was refused.
  const whole: Partial<Record<RestoredStream, StoredEvent[]>> = {};
  const logOf = async (stream: RestoredStream) =>
    starts[stream]?.events ?? (whole[stream] ??= await store.read(id, stream));
  for (;;) {
    const logs = { routing, program: await logOf('program'), cases: await logOf('cases') };
    try {
      return buildCommunity(id, settings, logs, checkpoints, {
        program: starts.program?.restore,
        cases: starts.cases?.restore,
      });
    } catch (error) {
      if (!(error instanceof SnapshotRefusedError)) throw error;
      const { stream, inner } = error;
      console.warn(
        `${id}: the ${stream} snapshot is set aside (${inner.message}); replaying its log`,
      );
      starts[stream] = undefined;
    }
  }
}

/** The snapshot state kept for a stream: what a widget reads. */
export function snapshotState(community: Community, stream: StreamName): unknown {
  if (stream === 'program') return community.program.snapshot();
  if (stream === 'cases') return community.cases.snapshot();
  return { rules: community.rules() };
}
