// Points: balances and history, the catalog of each station, redemptions.
import type { Route } from '../route.js';
import { HttpError } from '../errors.js';
import { invalid, pick } from '../fields.js';
import { demand, volunteerAccount } from './access.js';
import { ANYONE } from '../route.js';

const ownAccount = (role: string, sub: string, account: string) =>
  role !== 'volunteer' || account === volunteerAccount(sub);

export const pointsRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/points/accounts/:account/balance',
    tag: 'points',
    summary: "An account's balance (a volunteer: only `volunteer:<own id>`).",
    roles: ['volunteer', 'organizer', 'station', 'admin'],
    handle: ({ registry, community, caller, params }) => {
      demand(ownAccount(caller.role, caller.sub, params['account']!));
      return registry.read(community, (c) => ({
        ...c.program.points.balance(params['account']!),
        owing: c.program.points.owing(params['account']!),
      }));
    },
  },
  {
    method: 'get',
    path: '/points/accounts/:account/history',
    tag: 'points',
    summary: "An account's transfers, optionally from/to.",
    roles: ['volunteer', 'organizer', 'station', 'admin'],
    handle: ({ registry, community, caller, params, query }) => {
      demand(ownAccount(caller.role, caller.sub, params['account']!));
      return registry.read(community, (c) =>
        c.program.points.history(params['account']!, pick(query, ['from', 'to'])),
      );
    },
  },
  {
    method: 'get',
    path: '/points/snapshot',
    tag: 'snapshots',
    summary: "The point ledger's snapshot(), the wire format of the points widgets.",
    roles: ['organizer', 'station', 'admin'],
    handle: ({ registry, community }) =>
      registry.read(community, (c) => c.program.points.snapshot()),
  },
  {
    method: 'get',
    path: '/points/catalog',
    tag: 'points',
    summary: 'The redemption catalog of every station.',
    roles: ANYONE,
    handle: ({ registry, community }) => registry.read(community, (c) => c.program.points.items()),
  },
  {
    method: 'post',
    path: '/points/catalog',
    tag: 'points',
    summary: 'Add an item (station staff: to their own station).',
    roles: ['station', 'admin'],
    status: 201,
    body: { $ref: '#/components/schemas/RedemptionItem' },
    handle: ({ registry, community, caller, body }) => {
      demand(caller.role === 'admin' || body['stationId'] === caller.station);
      return registry.write(community, 'program', (c) => c.program.points.addItem(body as never));
    },
  },
  {
    method: 'post',
    path: '/points/catalog/:itemId/restock',
    tag: 'points',
    summary: 'Add units to an item: { quantity }.',
    roles: ['station', 'admin'],
    body: { $ref: '#/components/schemas/Quantity' },
    handle: ({ registry, community, caller, params, body }) =>
      registry.write(community, 'program', (c) => {
        const item = c.program.points.getItem(params['itemId']!);
        if (item === undefined) throw new HttpError(404, 'NOT_FOUND', ['itemId']);
        demand(caller.role === 'admin' || item.stationId === caller.station);
        return c.program.points.restock(item.id, body['quantity'] as number);
      }),
  },
  {
    method: 'post',
    path: '/points/redemptions',
    tag: 'points',
    summary: 'Redeem an item (the id is the idempotency key); a volunteer redeems for themself.',
    roles: ['volunteer', 'organizer', 'admin'],
    status: 201,
    body: { $ref: '#/components/schemas/Redemption' },
    handle: ({ registry, community, caller, body }) => {
      const input = caller.role === 'volunteer' ? { ...body, volunteerId: caller.sub } : body;
      return registry.write(community, 'program', (c) => c.program.points.redeem(input as never));
    },
  },
  {
    method: 'get',
    path: '/points/redemptions/:id',
    tag: 'points',
    summary: 'One redemption.',
    roles: ['volunteer', 'organizer', 'station', 'admin'],
    handle: async ({ registry, community, caller, params }) => {
      const found = await registry.read(community, (c) =>
        c.program.points.getRedemption(params['id']!),
      );
      if (found === undefined || (caller.role === 'volunteer' && found.volunteerId !== caller.sub))
        throw new HttpError(404, 'NOT_FOUND', ['id']);
      return found;
    },
  },
  {
    method: 'post',
    path: '/points/redemptions/:id/fulfil',
    tag: 'points',
    summary: 'Hand the item over at the station; the caller is `by`.',
    roles: ['station', 'admin'],
    handle: ({ registry, community, caller, params }) =>
      registry.write(community, 'program', (c) => {
        const found = c.program.points.getRedemption(params['id']!);
        if (found === undefined) throw new HttpError(404, 'NOT_FOUND', ['id']);
        const item = c.program.points.getItem(found.itemId);
        demand(caller.role === 'admin' || item?.stationId === caller.station);
        return c.program.points.fulfil(found.id, { by: caller.sub });
      }),
  },
  {
    method: 'post',
    path: '/points/redemptions/:id/cancel',
    tag: 'points',
    summary: 'Cancel a redemption with a reason (points and stock come back).',
    roles: ['volunteer', 'station', 'admin'],
    body: { $ref: '#/components/schemas/Reason' },
    handle: ({ registry, community, caller, params, body }) =>
      registry.write(community, 'program', (c) => {
        const found = c.program.points.getRedemption(params['id']!);
        if (
          found === undefined ||
          (caller.role === 'volunteer' && found.volunteerId !== caller.sub)
        )
          throw new HttpError(404, 'NOT_FOUND', ['id']);
        if (typeof body['reason'] !== 'string') throw invalid(['reason'], 'reason is required');
        return c.program.points.cancel(found.id, { reason: body['reason'] });
      }),
  },
  {
    method: 'post',
    path: '/points/expire',
    tag: 'points',
    summary: 'Expire points older than the policy allows, as of { asOf } (default now).',
    roles: ['admin'],
    handle: ({ registry, community, settings, body }) =>
      registry.write(community, 'program', (c) =>
        c.program.points.expire((body['asOf'] as string | undefined) ?? settings.now()),
      ),
  },
];
