// Checks the events handed to `createCaseBook({ events })` before they are replayed: the
// envelope and each payload against its schema, with the path of the first bad field.
import { parseInput } from '../schemas/parse.js';
import { caseEventDataSchemas, caseEventEnvelopeSchema, type CaseEvent } from './events.js';

/** Returns the events unchanged, or throws `INVALID_INPUT` at `events.<i>...`. */
export function checkCaseEvents(events: readonly unknown[]): readonly CaseEvent[] {
  events.forEach((event, index) => {
    const envelope = parseInput(caseEventEnvelopeSchema, event, ['events', index]);
    parseInput(caseEventDataSchemas[envelope.type], envelope.data, ['events', index, 'data']);
  });
  return events as readonly CaseEvent[];
}
