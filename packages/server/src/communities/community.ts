// One community's objects, rebuilt from its streams: the volunteer programme (hours and
// points, one log), the case book, and the log of its routing rule sets. Every stored log is
// replayed through the core's factories with its chain verified; a log that fails is refused
// whole (INVALID_LOG), never served half.
import { createCaseBook, type CaseBook } from '@lanewise/core/cases';
import { createJournal, type Journal, type JournalEvent } from '@lanewise/core/journal';
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
  readonly routing: Journal<RoutingReplaced>;
  /** The rule set in force. */
  rules(): unknown;
  /** The events of a stream now. */
  events(stream: StreamName): readonly StoredEvent[];
}

const logOf = (community: Community, stream: StreamName): readonly unknown[] =>
  stream === 'program'
    ? community.program.events()
    : stream === 'cases'
      ? community.cases.events()
      : community.routing.events();

/** The case book over `events`, routed by `rules`. */
export function buildCases(
  settings: CommunitySettings,
  rules: unknown,
  events: readonly unknown[],
  checkpoint?: StoredSnapshot,
): CaseBook {
  return createCaseBook({
    routing: rules as never,
    calendar: settings.calendar,
    now: settings.now,
    escalation: settings.escalation,
    hash: sha256,
    events: events as never,
    checkpoint: checkpoint && { seq: checkpoint.seq, hash: checkpoint.hash },
  });
}

/** Builds a community from its logs. Throws the core's INVALID_LOG for a bad one. */
export function buildCommunity(
  id: string,
  settings: CommunitySettings,
  logs: Readonly<Record<StreamName, readonly StoredEvent[]>>,
  checkpoints: Partial<Record<StreamName, StoredSnapshot>> = {},
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
    cases: buildCases(settings, rules(), logs.cases, checkpoints.cases),
    rules,
    events: (stream) => logOf(community, stream) as readonly StoredEvent[],
  };
  return community;
}

/** Reads a community's streams (with each one's latest snapshot as a checkpoint) and builds it. */
export async function loadCommunity(
  store: EventStore,
  id: string,
  settings: CommunitySettings,
): Promise<Community> {
  const logs = {} as Record<StreamName, StoredEvent[]>;
  const checkpoints: Partial<Record<StreamName, StoredSnapshot>> = {};
  for (const stream of STREAMS) {
    const [events, snapshot] = await Promise.all([
      store.read(id, stream),
      store.latestSnapshot(id, stream),
    ]);
    logs[stream] = events;
    if (snapshot) checkpoints[stream] = snapshot;
  }
  return buildCommunity(id, settings, logs, checkpoints);
}

/** The snapshot state kept for a stream: what a widget reads. */
export function snapshotState(community: Community, stream: StreamName): unknown {
  if (stream === 'program') return community.program.snapshot();
  if (stream === 'cases') return community.cases.snapshot();
  return { rules: community.rules() };
}
