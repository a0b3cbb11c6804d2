// Every route of the community API, in the order they are matched.
import { listOf, ref } from '../responses.js';
import type { Route } from '../route.js';
import { casesRoutes } from './cases.js';
import { hoursRoutes } from './hours.js';
import { metricsRoutes } from './metrics.js';
import { pointsRoutes } from './points.js';
import { routingRoutes } from './routing.js';

/** What each route answers (a schema of responses.ts), by `method path`. */
const RESPONSES: Readonly<Record<string, unknown>> = {
  'post /hours': ref('HourEntry'),
  'get /hours': listOf('HourEntry'),
  'get /hours/summary': listOf('HoursSummaryRow'),
  'get /hours/snapshot': ref('HoursSnapshot'),
  'get /hours/certificate/:volunteerId': ref('HoursCertificate'),
  'get /hours/:id': ref('HourEntry'),
  'post /hours/:id/approve': ref('HourEntry'),
  'post /hours/:id/reject': ref('HourEntry'),
  'post /hours/:id/revoke': ref('HourEntry'),
  'post /hours/:id/correct': ref('HourEntry'),
  'get /points/accounts/:account/balance': ref('Balance'),
  'get /points/accounts/:account/history': listOf('PointsHistoryEntry'),
  'get /points/snapshot': ref('PointsSnapshot'),
  'get /points/catalog': listOf('CatalogItem'),
  'post /points/catalog': ref('CatalogItem'),
  'post /points/catalog/:itemId/restock': ref('CatalogItem'),
  'post /points/redemptions': ref('RedemptionRecord'),
  'get /points/redemptions/:id': ref('RedemptionRecord'),
  'post /points/redemptions/:id/fulfil': ref('RedemptionRecord'),
  'post /points/redemptions/:id/cancel': ref('RedemptionRecord'),
  'post /points/expire': listOf('PointsTransfer'),
  'post /cases': ref('CaseRecord'),
  'get /cases': listOf('CaseRecord'),
  'get /cases/snapshot': ref('CaseSnapshot'),
  'get /cases/board': ref('Board'),
  'post /cases/review': listOf('CaseReviewEntry'),
  'get /cases/:id': ref('CaseRecord'),
  'get /cases/:id/timeline': listOf('CaseEvent'),
  'post /cases/:id/accept': ref('CaseRecord'),
  'post /cases/:id/act': ref('CaseRecord'),
  'post /cases/:id/extend': ref('CaseRecord'),
  'post /cases/:id/resolve': ref('CaseRecord'),
  'post /cases/:id/follow-up': ref('CaseRecord'),
  'post /cases/:id/close': ref('CaseRecord'),
  'post /cases/:id/duplicate': ref('CaseRecord'),
  'get /routing': ref('RulesInForce'),
  'post /routing/validate': ref('Valid'),
  'put /routing': ref('RulesInForce'),
  'get /metrics/721': ref('Ratio721'),
  'get /metrics/rates': ref('CaseRates'),
  'get /metrics/trend': ref('Trend'),
  'get /metrics/compare': ref('RateComparison'),
  'get /metrics/satisfaction': ref('Satisfaction'),
  'get /program/snapshot': ref('ProgramSnapshot'),
};

export const ROUTES: readonly Route[] = [
  ...hoursRoutes,
  ...pointsRoutes,
  ...casesRoutes,
  ...routingRoutes,
  ...metricsRoutes,
].map((route) => {
  const response = RESPONSES[`${route.method} ${route.path}`];
  // A route without a documented answer is a mistake in this table, found at start.
  if (response === undefined)
    throw new Error(`no response schema for ${route.method} ${route.path}`);
  return { ...route, response };
});
