import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileRouting,
  type RoutingCondition,
  type RoutingLeaf,
} from '../../src/routing/index.js';
import { FRIDAY, TIERS } from './fixtures.js';

/** True when a rule with this single leaf matches the case. */
function holds(leaf: RoutingCondition, fields: Record<string, unknown>): boolean {
  const router = compileRouting({
    tiers: TIERS,
    rules: [{ id: 'r', when: leaf, then: { tier: 'joint' } }],
    default: { tier: 'onsite' },
  });
  return router.route({ receivedAt: FRIDAY, ...fields }).ruleId === 'r';
}

describe('leaf operators', () => {
  it('eq and ne compare strictly, without coercion', () => {
    assert.equal(
      holds({ fact: 'category', op: 'eq', value: 'noise' }, { category: 'noise' }),
      true,
    );
    assert.equal(
      holds({ fact: 'category', op: 'eq', value: 'noise' }, { category: 'Noise' }),
      false,
    );
    assert.equal(
      holds({ fact: 'attributes.reports', op: 'eq', value: 3 }, { attributes: { reports: '3' } }),
      false,
    );
    assert.equal(
      holds({ fact: 'attributes.flag', op: 'eq', value: null }, { attributes: { flag: null } }),
      true,
    );
    assert.equal(
      holds({ fact: 'category', op: 'ne', value: 'noise' }, { category: 'litter' }),
      true,
    );
    assert.equal(
      holds({ fact: 'category', op: 'ne', value: 'noise' }, { category: 'noise' }),
      false,
    );
    assert.equal(holds({ fact: 'category', op: 'ne', value: 'noise' }, {}), true); // missing is not 'noise'
  });

  it('in and nin test membership', () => {
    const inList: RoutingLeaf = { fact: 'channel', op: 'in', value: ['hotline', 'app'] };
    assert.equal(holds(inList, { channel: 'app' }), true);
    assert.equal(holds(inList, { channel: 'station' }), false);
    assert.equal(holds(inList, {}), false);
    const notIn: RoutingLeaf = { fact: 'channel', op: 'nin', value: ['hotline', 'app'] };
    assert.equal(holds(notIn, { channel: 'station' }), true);
    assert.equal(holds(notIn, { channel: 'hotline' }), false);
  });

  it('lt, lte, gt, gte compare numbers with numbers and strings with strings only', () => {
    const at = (op: 'lt' | 'lte' | 'gt' | 'gte', reports: unknown) =>
      holds({ fact: 'attributes.reports', op, value: 3 }, { attributes: { reports } });
    assert.deepEqual(
      [at('lt', 2), at('lt', 3), at('lte', 3), at('lte', 4)],
      [true, false, true, false],
    );
    assert.deepEqual(
      [at('gt', 4), at('gt', 3), at('gte', 3), at('gte', 2)],
      [true, false, true, false],
    );
    assert.equal(at('gte', '9'), false);
    assert.equal(at('lt', undefined), false);
    assert.equal(at('lt', null), false);
    assert.equal(
      holds(
        { fact: 'location.district', op: 'lt', value: 'm' },
        { location: { district: 'chengzhong' } },
      ),
      true,
    );
  });

  it('between is inclusive at both ends', () => {
    const leaf: RoutingLeaf = { fact: 'attributes.reports', op: 'between', value: [2, 4] };
    const at = (reports: unknown) => holds(leaf, { attributes: { reports } });
    assert.deepEqual(
      [at(1), at(2), at(3), at(4), at(5), at('3')],
      [false, true, true, true, false, false],
    );
  });

  it('contains looks into arrays and strings', () => {
    const leaf: RoutingLeaf = { fact: 'attributes.tags', op: 'contains', value: 'elderly' };
    assert.equal(holds(leaf, { attributes: { tags: ['child', 'elderly'] } }), true);
    assert.equal(holds(leaf, { attributes: { tags: ['child'] } }), false);
    assert.equal(
      holds({ fact: 'title', op: 'contains', value: '噪音' }, { title: '夜间噪音扰民' }),
      true,
    );
    assert.equal(
      holds({ fact: 'title', op: 'contains', value: '噪音' }, { title: '占道经营' }),
      false,
    );
    assert.equal(
      holds({ fact: 'attributes.n', op: 'contains', value: 1 }, { attributes: { n: 1 } }),
      false,
    );
  });

  it('startsWith needs a string that starts with the value', () => {
    const leaf: RoutingLeaf = { fact: 'location.grid', op: 'startsWith', value: 'LZ-03' };
    assert.equal(holds(leaf, { location: { grid: 'LZ-03-17' } }), true);
    assert.equal(holds(leaf, { location: { grid: 'LZ-04-17' } }), false);
    assert.equal(holds(leaf, { location: { grid: 3 } }), false);
  });

  it('matches tests a regular expression, with flags', () => {
    assert.equal(
      holds({ fact: 'title', op: 'matches', value: '^(烧烤|油烟)' }, { title: '烧烤油烟' }),
      true,
    );
    assert.equal(
      holds({ fact: 'title', op: 'matches', value: '^(烧烤|油烟)' }, { title: '夜间烧烤' }),
      false,
    );
    assert.equal(
      holds(
        { fact: 'title', op: 'matches', value: 'noise', flags: 'i' },
        { title: 'NOISE at night' },
      ),
      true,
    );
    assert.equal(
      holds({ fact: 'title', op: 'matches', value: 'noise' }, { title: 'NOISE at night' }),
      false,
    );
    assert.equal(
      holds({ fact: 'attributes.n', op: 'matches', value: '1' }, { attributes: { n: 1 } }),
      false,
    );
  });

  it('exists tells present from missing or null', () => {
    const exists: RoutingLeaf = { fact: 'reporter.phone', op: 'exists' };
    assert.equal(holds(exists, { reporter: { phone: '12345' } }), true);
    assert.equal(holds(exists, { reporter: { phone: null } }), false);
    assert.equal(holds(exists, { reporter: {} }), false);
    assert.equal(holds(exists, {}), false);
    assert.equal(holds({ fact: 'reporter.phone', op: 'exists', value: false }, {}), true);
    assert.equal(
      holds({ fact: 'reporter.phone', op: 'exists', value: false }, { reporter: { phone: '1' } }),
      false,
    );
  });

  it('reads dotted paths into arrays by index and stops at non-objects', () => {
    assert.equal(
      holds({ fact: 'attributes.items.0', op: 'eq', value: 'a' }, { attributes: { items: ['a'] } }),
      true,
    );
    assert.equal(holds({ fact: 'title.length', op: 'exists' }, { title: 'abc' }), false);
    assert.equal(
      holds({ fact: 'a.b.c.d', op: 'eq', value: 1 }, { a: { b: { c: { d: 1 } } } } as never),
      true,
    );
  });
});

describe('combinators', () => {
  const route = holds;

  it('all needs every part, any one part, not the opposite', () => {
    const all: RoutingCondition = {
      all: [
        { fact: 'category', op: 'eq', value: 'noise' },
        { fact: 'channel', op: 'eq', value: 'app' },
      ],
    };
    assert.equal(route(all, { category: 'noise', channel: 'app' }), true);
    assert.equal(route(all, { category: 'noise', channel: 'hotline' }), false);
    const any: RoutingCondition = {
      any: [
        { fact: 'category', op: 'eq', value: 'noise' },
        { fact: 'channel', op: 'eq', value: 'app' },
      ],
    };
    assert.equal(route(any, { category: 'litter', channel: 'app' }), true);
    assert.equal(route(any, { category: 'litter', channel: 'hotline' }), false);
    const not: RoutingCondition = { not: { fact: 'category', op: 'eq', value: 'noise' } };
    assert.equal(route(not, { category: 'litter' }), true);
    assert.equal(route(not, { category: 'noise' }), false);
  });

  it('nests, with three and more parts', () => {
    const when: RoutingCondition = {
      any: [
        {
          all: [
            { fact: 'a', op: 'eq', value: 1 },
            { fact: 'b', op: 'eq', value: 2 },
            { not: { fact: 'c', op: 'exists' } },
          ],
        },
        { fact: 'd', op: 'eq', value: 4 },
        { fact: 'e', op: 'eq', value: 5 },
      ],
    };
    assert.equal(route(when, { a: 1, b: 2 }), true);
    assert.equal(route(when, { a: 1, b: 2, c: 0 }), false);
    assert.equal(route(when, { e: 5 }), true);
    assert.equal(route(when, {}), false);
  });
});
