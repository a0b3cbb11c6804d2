// Every route of the community API, in the order they are matched.
import type { Route } from '../route.js';
import { casesRoutes } from './cases.js';
import { hoursRoutes } from './hours.js';
import { metricsRoutes } from './metrics.js';
import { pointsRoutes } from './points.js';
import { routingRoutes } from './routing.js';

export const ROUTES: readonly Route[] = [
  ...hoursRoutes,
  ...pointsRoutes,
  ...casesRoutes,
  ...routingRoutes,
  ...metricsRoutes,
];
