import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileRouting, type RoutingProblem } from '../../src/routing/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { ISSUE_CONFIG, TIERS } from './fixtures.js';

/** The problems `compileRouting` reports for a rule set, as `code@path` strings. */
function problemsOf(config: unknown): string[] {
  try {
    compileRouting(config);
  } catch (error) {
    assert.ok(
      isLanewiseError(error, 'INVALID_RULES'),
      `expected INVALID_RULES, got ${String(error)}`,
    );
    return (error.details.problems as RoutingProblem[]).map(
      (problem) => `${problem.code}@${problem.path.join('.')}`,
    );
  }
  assert.fail('the rule set compiled');
}

const withRules = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  tiers: TIERS,
  rules,
  default: { tier: 'coordinated' },
  ...extra,
});

describe('compileRouting errors', () => {
  it('compiles the rule set of the issue', () => {
    const router = compileRouting(ISSUE_CONFIG);
    assert.deepEqual(
      router.tiers.map((tier) => tier.id),
      ['onsite', 'coordinated', 'joint'],
    );
    assert.equal(router.indexFact, 'category');
  });

  it('reports schema errors with their paths', () => {
    assert.deepEqual(problemsOf(null), ['SCHEMA@']);
    assert.deepEqual(problemsOf({ tiers: [], default: { tier: 'x' } }), ['SCHEMA@tiers']);
    assert.deepEqual(problemsOf({ tiers: TIERS }), ['SCHEMA@default']);
    assert.deepEqual(problemsOf({ ...ISSUE_CONFIG, tires: [] }), ['SCHEMA@tires']);
    assert.deepEqual(
      problemsOf(
        withRules([
          {
            id: 'r',
            when: { fact: 'category', op: 'eq', value: 'x' },
            then: { tier: 'onsite', deadline: { days: 2 } },
          },
        ]),
      ),
      ['SCHEMA@rules.0.then.deadline'],
    );
    assert.deepEqual(
      problemsOf(
        withRules([
          { id: 'r', when: { fact: 'category', op: 'like', value: 'x' }, then: { tier: 'onsite' } },
        ]),
      ),
      ['SCHEMA@rules.0.when.op'],
    );
    assert.deepEqual(
      problemsOf(
        withRules([
          {
            id: 'r',
            when: { all: [{ fact: 'a', op: 'in', value: 'x' }] },
            then: { tier: 'onsite' },
          },
        ]),
      ),
      ['SCHEMA@rules.0.when.all.0.value'],
    );
    assert.deepEqual(
      problemsOf(withRules([{ id: 'r', when: { none: [] }, then: { tier: 'onsite' } }])),
      ['SCHEMA@rules.0.when'],
    );
    assert.deepEqual(
      problemsOf(
        withRules([
          { id: 'r', when: { fact: 'a', op: 'between', value: [5, 1] }, then: { tier: 'onsite' } },
        ]),
      ),
      ['SCHEMA@rules.0.when.value'],
    );
    assert.deepEqual(
      problemsOf(
        withRules([
          { id: 'r', when: { fact: 'constructor.name', op: 'exists' }, then: { tier: 'onsite' } },
        ]),
      ),
      ['SCHEMA@rules.0.when.fact'],
    );
    assert.deepEqual(
      problemsOf(
        withRules([
          {
            id: 'r',
            when: { fact: 'a..b', op: 'exists' },
            then: { tier: 'onsite', kind: 'punish' },
          },
        ]),
      ),
      ['SCHEMA@rules.0.when.fact', 'SCHEMA@rules.0.then.kind'],
    );
  });

  it('reports unknown tiers in rules, the default, and even in rules that fail the schema', () => {
    assert.deepEqual(
      problemsOf({
        tiers: TIERS,
        rules: [
          { id: 'a', when: { fact: 'category', op: 'eq', value: 'x' }, then: { tier: 'nowhere' } },
          { id: 'b', when: { fact: 'category', op: 'eq' }, then: { tier: 'elsewhere' } },
        ],
        default: { tier: 'void' },
      }),
      [
        'SCHEMA@rules.1.when.value',
        'UNKNOWN_TIER@rules.0.then.tier',
        'UNKNOWN_TIER@rules.1.then.tier',
        'UNKNOWN_TIER@default.tier',
      ],
    );
  });

  it('reports duplicate tier and rule ids', () => {
    const rule = {
      id: 'same',
      when: { fact: 'category', op: 'eq', value: 'x' },
      then: { tier: 'onsite' },
    };
    assert.deepEqual(
      problemsOf({
        tiers: [...TIERS, TIERS[0]],
        rules: [rule, { ...rule, when: { fact: 'category', op: 'eq', value: 'y' } }],
        default: { tier: 'onsite' },
      }),
      ['DUPLICATE_ID@tiers.3.id', 'DUPLICATE_ID@rules.1.id'],
    );
  });

  it('reports bad patterns and flags', () => {
    assert.deepEqual(
      problemsOf(
        withRules([
          {
            id: 'a',
            when: { fact: 'title', op: 'matches', value: '([a-z]' },
            then: { tier: 'onsite' },
          },
          {
            id: 'b',
            when: {
              any: [
                { fact: 'title', op: 'matches', value: 'ok' },
                { fact: 'title', op: 'matches', value: '*x' },
              ],
            },
            then: { tier: 'onsite' },
          },
          {
            id: 'c',
            when: { fact: 'title', op: 'matches', value: 'x', flags: 'g' },
            then: { tier: 'onsite' },
          },
        ]),
      ),
      [
        'BAD_PATTERN@rules.0.when.value',
        'BAD_PATTERN@rules.1.when.any.1.value',
        'SCHEMA@rules.2.when.flags',
      ],
    );
  });

  it('reports rules shadowed by an unconditional rule of higher priority or earlier in the file', () => {
    const leaf = { fact: 'category', op: 'eq', value: 'x' };
    assert.deepEqual(
      problemsOf(
        withRules([
          { id: 'specific', priority: 5, when: leaf, then: { tier: 'onsite' } },
          { id: 'catch-all', priority: 10, then: { tier: 'joint' } },
          { id: 'later', priority: 10, when: leaf, then: { tier: 'onsite' } },
          { id: 'empty-all', when: { all: [] }, then: { tier: 'onsite' } },
        ]),
      ),
      ['SHADOWED@rules.2', 'SHADOWED@rules.0', 'SHADOWED@rules.3'],
    );
    // An unconditional rule of lower priority shadows nothing above it.
    assert.doesNotThrow(() =>
      compileRouting(
        withRules([
          { id: 'specific', priority: 5, when: leaf, then: { tier: 'onsite' } },
          { id: 'last', then: { tier: 'joint' } },
        ]),
      ),
    );
  });

  it('reports rules that can never match', () => {
    assert.deepEqual(
      problemsOf(
        withRules([
          { id: 'a', when: { any: [] }, then: { tier: 'onsite' } },
          { id: 'b', when: { not: { all: [] } }, then: { tier: 'onsite' } },
          { id: 'c', when: { fact: 'category', op: 'in', value: [] }, then: { tier: 'onsite' } },
        ]),
      ),
      ['NEVER_MATCHES@rules.0.when', 'NEVER_MATCHES@rules.1.when', 'NEVER_MATCHES@rules.2.when'],
    );
  });

  it('lists every problem at once and names the first in the message and path', () => {
    try {
      compileRouting({
        tiers: [TIERS[0], TIERS[0]],
        rules: [
          {
            id: 'x',
            when: { fact: 'title', op: 'matches', value: '(' },
            then: { tier: 'nowhere' },
          },
          { id: 'x', then: { tier: 'onsite' } },
          { id: 'y', when: { fact: 'a', op: 'eq', value: 1 }, then: { tier: 'onsite' } },
        ],
        default: { tier: 'onsite' },
      });
      assert.fail('compiled');
    } catch (error) {
      assert.ok(isLanewiseError(error, 'INVALID_RULES'));
      const codes = (error.details.problems as RoutingProblem[])
        .map((problem) => problem.code)
        .sort();
      assert.deepEqual(codes, [
        'BAD_PATTERN',
        'DUPLICATE_ID',
        'DUPLICATE_ID',
        'SHADOWED',
        'UNKNOWN_TIER',
      ]);
      assert.deepEqual(error.path, ['rules', 0, 'when', 'value']);
      assert.match(error.message, /^rules\.0\.when\.value: .*\(and 4 more\)$/);
    }
  });
});
