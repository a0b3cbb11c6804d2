/**
 * The case life cycle: intake, dispatch, handling, resolution, follow-up, escalation.
 *
 * @module cases
 */
export {};
