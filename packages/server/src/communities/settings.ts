// What every community is built with: the same clock, hash and defaults, so that a community
// rebuilt from its log equals the one that wrote it.
import { createHash } from 'node:crypto';
import type { WorkCalendar } from '@lanewise/core/calendar';
import { cnCalendar } from '@lanewise/core/calendar';
import type { CaseEscalationPolicy } from '@lanewise/core/cases';
import type { Clock } from '@lanewise/core/clock';
import type { Open311Categories } from '@lanewise/core/open311';
import type { VolunteerProgramPolicy } from '@lanewise/core/program';

/** SHA-256 in hex: the chain hash of every stored log. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** How the server builds each community's objects. */
export interface CommunitySettings {
  readonly now: Clock;
  readonly timeZone: string;
  readonly calendar: WorkCalendar;
  /** The programme policy (hours and points) of every community. */
  readonly policy?: VolunteerProgramPolicy | undefined;
  /** The routing rules a community starts with, until an admin replaces them. */
  readonly routing: unknown;
  readonly escalation?: CaseEscalationPolicy | undefined;
  /** Open311 service codes to case categories; the rules' categories by default. */
  readonly open311Categories?: Open311Categories | undefined;
  /** A snapshot is kept every this many events of a stream. */
  readonly snapshotEvery: number;
}

/**
 * The rule set a community starts with until an admin replaces it: simple problems on site,
 * the rest coordinated.
 */
export const STARTER_RULES = {
  description: 'Simple problems handled on site by the station; everything else coordinated.',
  tiers: [
    {
      id: 'onsite',
      name: { 'zh-CN': '简易案件', en: 'Simple: on site' },
      handlers: ['station'],
      deadline: { hours: 2 },
      kind: 'service',
    },
    {
      id: 'coordinated',
      name: { 'zh-CN': '一般案件', en: 'General: coordinated' },
      handlers: ['station', 'squad'],
      deadline: { workingDays: 3 },
      kind: 'manage',
    },
  ],
  rules: [
    {
      id: 'simple',
      when: { fact: 'category', op: 'in', value: ['litter', 'street-light', 'enquiry'] },
      then: { tier: 'onsite' },
    },
    {
      id: 'noise',
      when: { fact: 'category', op: 'eq', value: 'noise' },
      then: { tier: 'coordinated' },
    },
  ],
  default: { tier: 'coordinated' },
};

/** The settings with their defaults. */
export function settle(partial: Partial<CommunitySettings>): CommunitySettings {
  return {
    now: partial.now ?? (() => new Date()),
    timeZone: partial.timeZone ?? 'Asia/Shanghai',
    calendar: partial.calendar ?? cnCalendar,
    policy: partial.policy,
    routing: partial.routing ?? STARTER_RULES,
    escalation: partial.escalation,
    open311Categories: partial.open311Categories,
    snapshotEvery: partial.snapshotEvery ?? 500,
  };
}
