// What each route answers, as JSON Schemas for the OpenAPI document: the core's own output
// schemas where the answer is a core value, and the few shapes only the server makes.
import {
  caseEscalationSchema,
  caseEventSchema,
  caseRecordSchema,
  caseSnapshotSchema,
} from '@lanewise/core/cases';
import {
  hourEntrySchema,
  hoursCertificateSchema,
  hoursSnapshotSchema,
  hoursSummaryRowSchema,
} from '@lanewise/core/hours';
import {
  caseRatesResultSchema,
  rateDifferenceSchema,
  rateEstimateSchema,
  ratio721GroupSchema,
  ratio721ResultSchema,
  satisfactionResultSchema,
  trendWindowSchema,
} from '@lanewise/core/metrics';
import {
  pointsBalanceSchema,
  pointsHistoryEntrySchema,
  pointsSnapshotSchema,
  pointsTransferSchema,
  redemptionItemSchema,
  redemptionSchema,
} from '@lanewise/core/points';
import { programSnapshotSchema } from '@lanewise/core/program';
import { schemaOf, type JsonSchema } from './json-schema.js';

/** A reference to a component schema. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
/** An array of a component schema. */
export const listOf = (name: string): JsonSchema => ({ type: 'array', items: ref(name) });

const out = (schema: unknown) => schemaOf(schema, [], 'output');

/** A strict object schema with more properties (the answer adds fields to a core value). */
function extended(
  base: JsonSchema,
  properties: Record<string, JsonSchema>,
  required: string[],
): JsonSchema {
  return {
    ...base,
    properties: { ...(base['properties'] as object), ...properties },
    required: [...((base['required'] as string[] | undefined) ?? []), ...required],
  };
}

const trendPoint = (value: JsonSchema) => extended(out(trendWindowSchema), { value }, ['value']);

/** The answers' schemas, by the names the routes refer to. */
export function responseSchemas(): Record<string, JsonSchema> {
  const estimate = out(rateEstimateSchema);
  return {
    HourEntry: out(hourEntrySchema),
    HoursSummaryRow: out(hoursSummaryRowSchema),
    HoursSnapshot: out(hoursSnapshotSchema),
    HoursCertificate: out(hoursCertificateSchema),
    Balance: extended(
      out(pointsBalanceSchema),
      { owing: { type: 'integer', description: 'Points the account owes (a negative balance).' } },
      ['owing'],
    ),
    PointsHistoryEntry: out(pointsHistoryEntrySchema),
    PointsTransfer: out(pointsTransferSchema),
    PointsSnapshot: out(pointsSnapshotSchema),
    CatalogItem: out(redemptionItemSchema),
    RedemptionRecord: out(redemptionSchema),
    ProgramSnapshot: out(programSnapshotSchema),
    CaseRecord: out(caseRecordSchema),
    CaseEvent: out(caseEventSchema),
    CaseSnapshot: out(caseSnapshotSchema),
    CaseReviewEntry: extended(
      out(caseEscalationSchema),
      { caseId: { type: 'string', description: 'The case the step applied to.' } },
      ['caseId'],
    ),
    Board: {
      type: 'object',
      properties: {
        tiers: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              tier: { type: 'string' },
              statuses: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
              overdue: { type: 'integer', minimum: 0 },
            },
            required: ['tier', 'statuses', 'overdue'],
            additionalProperties: false,
          },
        },
      },
      required: ['tiers'],
      additionalProperties: false,
    },
    RulesInForce: {
      type: 'object',
      properties: { rules: ref('RoutingConfig') },
      required: ['rules'],
      additionalProperties: false,
    },
    Valid: {
      type: 'object',
      properties: { valid: { const: true } },
      required: ['valid'],
      additionalProperties: false,
    },
    Ratio721: {
      oneOf: [out(ratio721ResultSchema), { type: 'array', items: out(ratio721GroupSchema) }],
    },
    CaseRates: out(caseRatesResultSchema),
    Trend: {
      type: 'array',
      items: trendPoint({ oneOf: [ref('CaseRates'), out(ratio721ResultSchema)] }),
    },
    Satisfaction: out(satisfactionResultSchema),
    RateComparison: {
      type: 'object',
      description: 'A rate in one window against another, with Newcombe’s interval of a − b.',
      properties: {
        rate: { enum: ['response', 'onTime', 'resolution', 'satisfaction'] },
        a: extended(
          { type: 'object', additionalProperties: false },
          { from: { type: 'string' }, to: { type: 'string' }, estimate: estimate },
          ['from', 'to', 'estimate'],
        ),
        b: extended(
          { type: 'object', additionalProperties: false },
          { from: { type: 'string' }, to: { type: 'string' }, estimate: estimate },
          ['from', 'to', 'estimate'],
        ),
        difference: out(rateDifferenceSchema),
      },
      required: ['rate', 'a', 'b', 'difference'],
      additionalProperties: false,
    },
  };
}
