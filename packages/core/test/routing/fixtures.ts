// The rule set of the issue, shared by the routing tests.
import type { RoutingConfig } from '../../src/routing/index.js';

export const TIERS: RoutingConfig['tiers'] = [
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
];

export const ISSUE_CONFIG: RoutingConfig = {
  tiers: TIERS,
  rules: [
    {
      id: 'emergency',
      priority: 100,
      when: { fact: 'category', op: 'in', value: ['medical', 'fire'] },
      then: { tier: 'joint', deadline: { hours: 1 } },
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
  ],
  default: { tier: 'coordinated' },
};

/** Friday 2025-01-24, before the Spring Festival. */
export const FRIDAY = '2025-01-24T10:00:00+08:00';
