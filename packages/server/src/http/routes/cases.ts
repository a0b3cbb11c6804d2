// Cases: residents open them and rate the outcome; station staff handle them.
import type { CaseRecord } from '@lanewise/core/cases';
import type { Caller } from '../../auth/tokens.js';
import type { Community } from '../../communities/community.js';
import type { Registry } from '../../communities/registry.js';
import type { EventStore } from '../../store/events.js';
import { HttpError } from '../errors.js';
import { pick } from '../fields.js';
import type { Route } from '../route.js';

const HANDLERS = ['station', 'admin'] as const;

/** A resident reads only the cases they reported. */
const visible = (caller: Caller, record: CaseRecord | undefined): record is CaseRecord =>
  record !== undefined && (caller.role !== 'resident' || record.reporter?.id === caller.sub);

function caseOf(c: Community, caller: Caller, id: string): CaseRecord {
  const record = c.cases.get(id);
  if (!visible(caller, record)) throw new HttpError(404, 'NOT_FOUND', ['id']);
  return record;
}

const about = (id: string) => (event: { data: unknown }) => {
  const data = event.data as { id?: string; intake?: { id?: string } };
  return data.id === id || data.intake?.id === id;
};

/** The events of one case in memory, oldest first (after the snapshot of a restored book). */
export function timelineOf(c: Community, id: string) {
  return c.cases.events().filter(about(id));
}

/** The events of one case, oldest first: those before a restored book's snapshot from the store. */
async function fullTimeline(
  registry: Registry,
  store: EventStore,
  community: string,
  caller: Caller,
  id: string,
) {
  const { recent, from } = await registry.read(community, (c) => {
    caseOf(c, caller, id);
    return { recent: timelineOf(c, id), from: c.casesStart?.seq ?? 0 };
  });
  if (from === 0) return recent;
  const earlier = await store.readCase(community, id, from);
  return [...earlier, ...recent];
}

const move = (
  name: string,
  summary: string,
  run: (c: Community, id: string, body: Record<string, unknown>, caller: Caller) => CaseRecord,
  roles: Route['roles'] = HANDLERS,
  body?: string,
): Route => ({
  method: 'post',
  path: `/cases/:id/${name}`,
  tag: 'cases',
  summary,
  roles,
  body: body && { $ref: `#/components/schemas/${body}` },
  handle: ({ registry, community, caller, params, body: input }) =>
    registry.write(community, 'cases', (c) => {
      caseOf(c, caller, params['id']!);
      return run(c, params['id']!, input, caller);
    }),
});

export const casesRoutes: readonly Route[] = [
  {
    method: 'post',
    path: '/cases',
    tag: 'cases',
    summary: 'Open a case (the id is the idempotency key); routed by the rules in force.',
    roles: ['resident', 'organizer', 'station', 'admin'],
    status: 201,
    body: { $ref: '#/components/schemas/OpenCase' },
    handle: ({ registry, community, caller, body }) => {
      const input =
        caller.role === 'resident'
          ? { ...body, reporter: { ...(body['reporter'] as object | undefined), id: caller.sub } }
          : body;
      return registry.write(community, 'cases', (c) => c.cases.open(input as never));
    },
  },
  {
    method: 'get',
    path: '/cases',
    tag: 'cases',
    summary:
      'List cases (status, tier, category, channel, handler, overdueAt); residents see their own.',
    roles: ['resident', 'organizer', 'station', 'admin'],
    handle: ({ registry, community, caller, query }) => {
      const filter: Record<string, unknown> = pick(query, [
        'tier',
        'category',
        'channel',
        'handler',
        'overdueAt',
      ]);
      if (query['status']) filter['status'] = query['status'].split(',');
      return registry.read(community, (c) =>
        c.cases.list(filter as never).filter((record) => visible(caller, record)),
      );
    },
  },
  {
    method: 'get',
    path: '/cases/snapshot',
    tag: 'snapshots',
    summary: "The case book's snapshot(), the wire format of the case widgets.",
    roles: ['organizer', 'station', 'admin'],
    handle: ({ registry, community }) => registry.read(community, (c) => c.cases.snapshot()),
  },
  {
    method: 'get',
    path: '/cases/board',
    tag: 'cases',
    summary: 'Counts of cases by tier and status, and the open ones past their deadline.',
    roles: ['organizer', 'station', 'admin'],
    handle: ({ registry, community, settings }) =>
      registry.read(community, (c) => {
        const now = settings.now().getTime();
        const tiers = new Map<
          string,
          { tier: string; statuses: Record<string, number>; overdue: number }
        >();
        for (const record of c.cases.list()) {
          const row = tiers.get(record.tier) ?? { tier: record.tier, statuses: {}, overdue: 0 };
          row.statuses[record.status] = (row.statuses[record.status] ?? 0) + 1;
          const open = record.status === 'dispatched' || record.status === 'in_progress';
          if (open && Date.parse(record.dueAt) < now) row.overdue += 1;
          tiers.set(record.tier, row);
        }
        return { tiers: [...tiers.values()] };
      }),
  },
  {
    method: 'post',
    path: '/cases/review',
    tag: 'cases',
    summary: 'Chase, give notice on and escalate late cases as of now.',
    roles: HANDLERS,
    handle: ({ registry, community, settings }) =>
      registry.write(community, 'cases', (c) => c.cases.review(settings.now())),
  },
  {
    method: 'get',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'One case.',
    roles: ['resident', 'organizer', 'station', 'admin'],
    handle: ({ registry, community, caller, params }) =>
      registry.read(community, (c) => caseOf(c, caller, params['id']!)),
  },
  {
    method: 'get',
    path: '/cases/:id/timeline',
    tag: 'cases',
    summary: "The case's events, oldest first.",
    roles: ['resident', 'organizer', 'station', 'admin'],
    handle: ({ registry, store, community, caller, params }) =>
      fullTimeline(registry, store, community, caller, params['id']!),
  },
  move('accept', 'Accept the case; the caller is `by`.', (c, id, _b, caller) =>
    c.cases.accept(id, { by: caller.sub }),
  ),
  move(
    'act',
    'Record a handling action { id, kind, type, at, note }; the caller is `by`.',
    (c, id, body, caller) => c.cases.act(id, { ...body, by: caller.sub } as never),
    HANDLERS,
    'CaseAction',
  ),
  move(
    'extend',
    'Extend the deadline { until, reason }; the caller is `by`.',
    (c, id, body, caller) => c.cases.extend(id, { ...body, by: caller.sub } as never),
    HANDLERS,
    'ExtendCase',
  ),
  move(
    'resolve',
    'Resolve { outcome, note }; the caller is `by`.',
    (c, id, body, caller) => c.cases.resolve(id, { ...body, by: caller.sub } as never),
    HANDLERS,
    'ResolveCase',
  ),
  move(
    'follow-up',
    "Record the resident's rating { rating, comment, at }.",
    (c, id, body) => c.cases.followUp(id, body as never),
    ['resident', 'station', 'admin'],
    'FollowUp',
  ),
  move('close', 'Close a resolved case.', (c, id) => c.cases.close(id)),
  move(
    'duplicate',
    'Mark as a duplicate { of }.',
    (c, id, body) => c.cases.markDuplicate(id, body as never),
    HANDLERS,
    'Duplicate',
  ),
];
