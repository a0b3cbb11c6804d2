// Routing rules: read, check and replace. A new rule set applies to cases opened after it;
// one that the existing cases could not have been routed under (a tier they use is gone) is
// refused, since the book would no longer replay.
import { compileRouting } from '@lanewise/core/routing';
import { buildCases } from '../../communities/community.js';
import { invalid } from '../fields.js';
import type { Route } from '../route.js';
import { ANYONE } from '../route.js';

const rulesOf = (body: Record<string, unknown>) => {
  if (!('rules' in body)) throw invalid(['rules'], 'rules is required');
  return body['rules'];
};

export const routingRoutes: readonly Route[] = [
  {
    method: 'get',
    path: '/routing',
    tag: 'routing',
    summary: 'The rule set in force.',
    roles: ANYONE,
    handle: ({ registry, community }) => registry.read(community, (c) => ({ rules: c.rules() })),
  },
  {
    method: 'post',
    path: '/routing/validate',
    tag: 'routing',
    summary: 'Check a rule set { rules } without applying it: INVALID_RULES lists the problems.',
    roles: ['station', 'admin'],
    body: { $ref: '#/components/schemas/Rules' },
    handle: ({ settings, body }) => {
      compileRouting(rulesOf(body) as never, { calendar: settings.calendar } as never);
      return { valid: true };
    },
  },
  {
    method: 'put',
    path: '/routing',
    tag: 'routing',
    summary: 'Replace the rule set { rules } for cases opened from now on.',
    roles: ['admin'],
    body: { $ref: '#/components/schemas/Rules' },
    handle: ({ registry, community, settings, caller, body }) =>
      registry.write(community, 'routing', (c) => {
        const rules = rulesOf(body);
        // Build first: a rule set that does not compile, or under which the stored cases no
        // longer replay, throws here and nothing changes.
        // A restored book is rebuilt from its state now, so that no snapshot stays in memory.
        const restore = c.casesStart && {
          snapshot: c.cases.snapshot(),
          checkpoint: c.cases.checkpoint(),
        };
        const book = restore
          ? buildCases(settings, rules, [], undefined, restore)
          : buildCases(settings, rules, c.cases.events());
        c.routing.append('routing.replaced', { rules, by: caller.sub });
        c.cases = book;
        if (restore) c.casesStart = restore.checkpoint;
        return { rules: c.rules() };
      }),
  },
];
