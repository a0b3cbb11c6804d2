// Shared fixtures of the case tests: the three-tier rule set, a book on a manual
// clock, and a helper that opens a case with defaults.
import { cnCalendar } from '../../src/calendar/index.js';
import { manualClock } from '../../src/clock.js';
import { zoneOffsets } from '../../src/time/zone.js';
import type { RoutingConfig } from '../../src/routing/index.js';
import {
  createCaseBook,
  type CaseBook,
  type CaseEscalationPolicy,
  type OpenCaseInput,
} from '../../src/cases/index.js';

/** The rule set of the issue: three tiers, an emergency rule and a repeat-noise rule. */
export const RULES: RoutingConfig = {
  tiers: [
    {
      id: 'onsite',
      name: { 'zh-CN': '简易', en: 'On the spot' },
      handlers: ['station'],
      deadline: { hours: 2 },
    },
    {
      id: 'coordinated',
      name: { 'zh-CN': '一般', en: 'Coordinated' },
      handlers: ['section', 'squad', 'community'],
      deadline: { workingDays: 3 },
    },
    {
      id: 'joint',
      name: { 'zh-CN': '重大', en: 'Joint' },
      handlers: ['district-bureau', 'subdistrict', 'departments'],
      deadline: { workingDays: 7 },
    },
  ],
  rules: [
    {
      id: 'emergency',
      priority: 100,
      when: { fact: 'category', op: 'in', value: ['medical', 'fire'] },
      then: { tier: 'joint', deadline: { hours: 1 }, tags: ['urgent'] },
    },
    {
      id: 'repeat-noise',
      when: {
        all: [
          { fact: 'category', op: 'eq', value: 'noise' },
          { fact: 'attributes.reports', op: 'gte', value: 3 },
        ],
      },
      then: { tier: 'coordinated', kind: 'manage' },
    },
    {
      id: 'stall',
      when: { fact: 'category', op: 'eq', value: 'stall' },
      then: { tier: 'onsite' },
    },
  ],
  default: { tier: 'coordinated' },
};

const SHANGHAI = zoneOffsets('Asia/Shanghai');

/** A book on a manual clock set to Friday 2025-01-24 10:00 in Shanghai. */
export function makeBook(
  options: {
    escalation?: CaseEscalationPolicy;
    start?: string;
    hash?: (text: string) => string;
  } = {},
): {
  book: CaseBook;
  clock: ReturnType<typeof manualClock>;
} {
  const clock = manualClock(options.start ?? '2025-01-24T10:00:00+08:00');
  const book = createCaseBook({
    routing: RULES,
    calendar: cnCalendar,
    now: clock.now,
    ...(options.escalation ? { escalation: options.escalation } : {}),
    ...(options.hash ? { hash: options.hash } : {}),
  });
  return { book, clock };
}

/** An intake with defaults: a noise case received Friday 2025-01-24 09:00 by the hotline. */
export function intake(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    id: 'c-1',
    category: 'noise',
    title: 'Loud music after 22:00',
    receivedAt: '2025-01-24T09:00:00+08:00',
    channel: 'hotline',
    ...overrides,
  };
}

/** The instant written as the book writes it: ISO with Shanghai's offset (+08:00). */
export const local = (instant: string): string => SHANGHAI.format(Date.parse(instant));
