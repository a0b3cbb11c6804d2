import { buildDemoCases } from './cases.js';
import { buildDemoCommunity, DEMO_POLICY } from './community.js';

/** The issuer and serial of the certificate the examples show. */
export const DEMO_CERTIFICATE = {
  from: '2026-01-01',
  to: '2026-11-30',
  issuer: '华安社区居民委员会',
  serial: 'HA-2026-0017',
} as const;

/** The example files by name: each the JSON of one core call on the demo community. */
export function demoDocuments(): Record<string, unknown> {
  const { program, featuredVolunteer } = buildDemoCommunity();
  const book = buildDemoCases();
  return {
    'cases.json': book.snapshot(),
    'case-events.json': book.events(),
    'program.json': program.snapshot(),
    'hours.json': program.hours.snapshot(),
    'points.json': program.points.snapshot(),
    'program-events.json': program.events(),
    // The rules the events were written under: a replay must use the same to agree.
    'program-policy.json': DEMO_POLICY,
    'certificate.json': program.hours.certificate(featuredVolunteer, DEMO_CERTIFICATE),
  };
}
