/**
 * Open311 GeoReport v2: cases as service requests, incoming requests as cases, and the service
 * list made from a rule set's categories. Its own entry, so that a page with the case book
 * alone does not carry it.
 *
 * @module open311
 */
export { fromOpen311, open311Services, toOpen311 } from './requests.js';
export type {
  FromOpen311Options,
  Open311Categories,
  Open311Input,
  Open311Request,
  Open311Service,
  Open311ServicesOptions,
  ToOpen311Options,
} from './requests.js';
