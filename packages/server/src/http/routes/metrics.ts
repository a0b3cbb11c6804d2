// Figures: the 721 ratio of the community's cases, satisfaction and the three case rates.
import { caseRates, ratio721FromCases, satisfaction, trend } from '@lanewise/core/metrics';
import { invalid, pick, required } from '../fields.js';
import type { Route } from '../route.js';

const FIGURE_ROLES = ['organizer', 'station', 'admin'] as const;

export const metricsRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/metrics/721',
    tag: 'metrics',
    summary: 'The 721 ratio of the cases (from, to; groupBy unit|tier|category).',
    roles: FIGURE_ROLES,
    handle: ({ registry, community, query }) =>
      registry.read(community, (c) =>
        ratio721FromCases(c.cases, pick(query, ['from', 'to', 'groupBy']) as never),
      ),
  },
  {
    method: 'get',
    path: '/metrics/rates',
    tag: 'metrics',
    summary: 'Response, resolution and satisfaction rates with intervals (from, to).',
    roles: FIGURE_ROLES,
    handle: ({ registry, community, settings, query }) =>
      registry.read(community, (c) =>
        caseRates(c.cases, {
          now: settings.now,
          timeZone: settings.timeZone,
          ...pick(query, ['from', 'to']),
        }),
      ),
  },
  {
    method: 'get',
    path: '/metrics/trend',
    tag: 'metrics',
    summary: 'A figure (rates or 721) per day, week or month from `from` to `to`.',
    roles: FIGURE_ROLES,
    handle: ({ registry, community, settings, query }) => {
      const figure = query['figure'] ?? 'rates';
      if (figure !== 'rates' && figure !== '721')
        throw invalid(['figure'], 'figure must be rates or 721');
      const options = {
        period: required(query, 'period'),
        from: required(query, 'from'),
        to: required(query, 'to'),
        timeZone: settings.timeZone,
      };
      return registry.read(community, (c) =>
        trend(
          ({ from, to }) =>
            figure === 'rates'
              ? caseRates(c.cases, { now: settings.now, timeZone: settings.timeZone, from, to })
              : ratio721FromCases(c.cases, { from, to }),
          options as never,
        ),
      );
    },
  },
  {
    method: 'get',
    path: '/metrics/satisfaction',
    tag: 'metrics',
    summary: "Satisfaction over each case's latest follow-up.",
    roles: FIGURE_ROLES,
    handle: ({ registry, community }) =>
      registry.read(community, (c) =>
        satisfaction(
          c.cases
            .list()
            .flatMap((record) => record.followUps.slice(-1))
            .map((followUp) => ({ rating: followUp.rating })),
        ),
      ),
  },
  {
    method: 'get',
    path: '/program/snapshot',
    tag: 'snapshots',
    summary: "The programme's snapshot() (hours and points), the wire format of its widgets.",
    roles: ['organizer', 'station', 'admin'],
    handle: ({ registry, community }) => registry.read(community, (c) => c.program.snapshot()),
  },
];
