/**
 * The case life cycle: intake, dispatch, handling, resolution, follow-up, escalation.
 *
 * @module cases
 */
export type {
  CaseAction,
  CaseActionKind,
  CaseAttributeValue,
  CaseDeadlineSpec,
  CaseEscalation,
  CaseExtension,
  CaseFollowUp,
  CaseLocation,
  CaseOutcome,
  CaseRecord,
  CaseReporter,
  CaseStatus,
  EscalationStep,
  FollowUpRating,
} from './types.js';
