// Volunteer hours: organisers record and decide; volunteers read their own.
import type { Route } from '../route.js';
import { invalid, pick, required } from '../fields.js';
import { HttpError } from '../errors.js';
import { demand } from './access.js';

const LIST_FILTERS = ['volunteerId', 'activityId', 'from', 'to'] as const;

export const hoursRoutes: readonly Route[] = [
  {
    method: 'post',
    path: '/hours',
    tag: 'hours',
    summary: 'Record an hour entry (the id is the idempotency key); the caller is recordedBy.',
    roles: ['organizer', 'admin'],
    status: 201,
    body: { $ref: '#/components/schemas/RecordHours' },
    handle: ({ registry, community, caller, body }) =>
      registry.write(community, 'program', (c) =>
        c.program.hours.record({ ...body, recordedBy: caller.sub } as never),
      ),
  },
  {
    method: 'get',
    path: '/hours',
    tag: 'hours',
    summary: 'List hour entries; a volunteer sees only their own.',
    roles: ['volunteer', 'organizer', 'station', 'admin'],
    handle: ({ registry, community, caller, query }) => {
      const filter: Record<string, unknown> = pick(query, LIST_FILTERS);
      if (query['status']) filter['status'] = query['status'].split(',');
      if (caller.role === 'volunteer') filter['volunteerId'] = caller.sub;
      return registry.read(community, (c) => c.program.hours.list(filter as never));
    },
  },
  {
    method: 'get',
    path: '/hours/summary',
    tag: 'hours',
    summary: 'Credited minutes by volunteer or activity, optionally by period.',
    roles: ['organizer', 'station', 'admin'],
    handle: ({ registry, community, query }) =>
      registry.read(community, (c) =>
        c.program.hours.summary(pick(query, ['groupBy', 'period', 'from', 'to']) as never),
      ),
  },
  {
    method: 'get',
    path: '/hours/snapshot',
    tag: 'snapshots',
    summary: "The hour ledger's snapshot(), the wire format of <volunteer-ledger>.",
    roles: ['volunteer', 'organizer', 'station', 'admin'],
    handle: ({ registry, community, caller }) => {
      demand(caller.role !== 'volunteer');
      return registry.read(community, (c) => c.program.hours.snapshot());
    },
  },
  {
    method: 'get',
    path: '/hours/certificate/:volunteerId',
    tag: 'hours',
    summary: 'A certificate of credited hours over a period (from, to, serial).',
    roles: ['volunteer', 'organizer', 'admin'],
    handle: ({ registry, community, caller, params, query }) => {
      const volunteerId = params['volunteerId']!;
      demand(caller.role !== 'volunteer' || caller.sub === volunteerId);
      const options = {
        from: required(query, 'from'),
        to: required(query, 'to'),
        serial: required(query, 'serial'),
        issuer: query['issuer'] || community,
      };
      return registry.read(community, (c) => c.program.hours.certificate(volunteerId, options));
    },
  },
  {
    method: 'get',
    path: '/hours/:id',
    tag: 'hours',
    summary: 'One hour entry.',
    roles: ['volunteer', 'organizer', 'station', 'admin'],
    handle: async ({ registry, community, caller, params }) => {
      const entry = await registry.read(community, (c) => c.program.hours.get(params['id']!));
      if (entry === undefined || (caller.role === 'volunteer' && entry.volunteerId !== caller.sub))
        throw new HttpError(404, 'NOT_FOUND', ['id']);
      return entry;
    },
  },
  ...(['approve', 'reject', 'revoke'] as const).map((move): Route => ({
    method: 'post',
    path: `/hours/:id/${move}`,
    tag: 'hours',
    summary:
      move === 'approve'
        ? 'Approve an entry (earns its points); the caller is `by`.'
        : `${move[0]!.toUpperCase()}${move.slice(1)} an entry with a reason; the caller is \`by\`.`,
    roles: ['organizer', 'admin'],
    body: move === 'approve' ? undefined : { $ref: '#/components/schemas/Reason' },
    handle: ({ registry, community, caller, params, body }) =>
      registry.write(community, 'program', (c) => {
        const id = params['id']!;
        if (move === 'approve') return c.program.hours.approve(id, { by: caller.sub });
        if (typeof body['reason'] !== 'string') throw invalid(['reason'], 'reason is required');
        return c.program.hours[move](id, { ...body, by: caller.sub } as never);
      }),
  })),
  {
    method: 'post',
    path: '/hours/:id/correct',
    tag: 'hours',
    summary: 'Correct an entry: a new entry (body id) replaces it; the caller is `by`.',
    roles: ['organizer', 'admin'],
    status: 201,
    body: { $ref: '#/components/schemas/CorrectHours' },
    handle: ({ registry, community, caller, params, body }) =>
      registry.write(community, 'program', (c) =>
        c.program.hours.correct(params['id']!, { ...body, by: caller.sub } as never),
      ),
  },
];
