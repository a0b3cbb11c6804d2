/**
 * The case life cycle: intake, dispatch, handling, resolution, follow-up, escalation.
 *
 * @module cases
 */
export { createCaseBook } from './book.js';
export type {
  CaseActionInput,
  CaseBook,
  CaseBookOptions,
  CaseReviewEntry,
  ExtendCaseInput,
  FollowUpInput,
  OpenCaseInput,
  ResolveCaseInput,
} from './book-types.js';
export type { CaseRouting } from './dispatch.js';
export type { CaseEscalationPolicy } from './escalation.js';
export type {
  CaseAcceptedEvent,
  CaseActedEvent,
  CaseClosedEvent,
  CaseDispatch,
  CaseEscalatedEvent,
  CaseEvent,
  CaseEventType,
  CaseExtendedEvent,
  CaseFollowedUpEvent,
  CaseIntake,
  CaseMarkedDuplicateEvent,
  CaseOpenedEvent,
  CaseResolvedEvent,
} from './events.js';
export { fromOpen311, open311Services, toOpen311 } from './open311.js';
export type {
  FromOpen311Options,
  Open311Categories,
  Open311Input,
  Open311Request,
  Open311Service,
  Open311ServicesOptions,
  ToOpen311Options,
} from './open311.js';
export {
  caseActionInputSchema,
  caseFilterSchema,
  escalationPolicySchema,
  openCaseInputSchema,
} from './schemas.js';
export { CASE_MOVES, type CaseMove } from './transitions.js';
export type {
  CaseAction,
  CaseActionKind,
  CaseAttributeValue,
  CaseEscalation,
  CaseExtension,
  CaseFilter,
  CaseFollowUp,
  CaseLocation,
  CaseOutcome,
  CaseRecord,
  CaseReporter,
  CaseSnapshot,
  CaseSource,
  CaseStatus,
  EscalationStep,
  FollowUpRating,
} from './types.js';
