// Figures: the 721 ratio of the community's cases, satisfaction and the three case rates.
import {
  caseRates,
  compareRates,
  ratio721FromCases,
  satisfaction,
  trend,
} from '@lanewise/core/metrics';
import { invalid, pick, required } from '../fields.js';
import type { Route } from '../route.js';

const FIGURE_ROLES = ['organizer', 'station', 'admin'] as const;
const RATES = ['response', 'onTime', 'resolution', 'satisfaction'] as const;
type RateName = (typeof RATES)[number];

/** A confidence level from the query: 0.95 unless given (the core checks its range). */
function confidenceOf(query: Readonly<Record<string, string>>): number | undefined {
  const text = query['confidence'];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw invalid(['confidence'], 'confidence must be a number');
  return value;
}

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
    path: '/metrics/compare',
    tag: 'metrics',
    summary:
      'A case rate (rate: response|onTime|resolution|satisfaction) over from..to against ' +
      'baselineFrom..baselineTo, with Newcombe’s interval of the difference (confidence).',
    roles: FIGURE_ROLES,
    handle: ({ registry, community, settings, query }) => {
      const rate = required(query, 'rate') as RateName;
      if (!RATES.includes(rate)) throw invalid(['rate'], `rate must be one of ${RATES.join(', ')}`);
      const a = { from: required(query, 'from'), to: required(query, 'to') };
      const b = { from: required(query, 'baselineFrom'), to: required(query, 'baselineTo') };
      const confidence = confidenceOf(query);
      const options = confidence === undefined ? {} : { confidence };
      return registry.read(community, (c) => {
        const figures = (window: { from: string; to: string }) =>
          caseRates(c.cases, {
            now: settings.now,
            timeZone: settings.timeZone,
            ...window,
            ...options,
          })[rate];
        const first = figures(a);
        const second = figures(b);
        return {
          rate,
          a: { ...a, estimate: first },
          b: { ...b, estimate: second },
          difference: compareRates(first, second, options),
        };
      });
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
