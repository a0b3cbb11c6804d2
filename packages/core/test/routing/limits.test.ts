// Issue 9: a rule set cannot make routing slow (patterns, nesting, cycles), dates stay in the
// supported range, keys never reach Object.prototype, and bad input is a LanewiseError.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_CONDITION_DEPTH,
  MAX_PATTERN_COST,
  PATTERN_TEXT_LIMIT,
  compileRouting,
  type RoutingProblem,
} from '../../src/routing/index.js';
import { checkPattern, patternCost } from '../../src/routing/patterns.js';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { FRIDAY, ISSUE_CONFIG, TIERS } from './fixtures.js';

const withWhen = (when: unknown) => ({
  tiers: TIERS,
  rules: [{ id: 'r', when, then: { tier: 'onsite' } }],
  default: { tier: 'coordinated' },
});

function problemsOf(config: unknown): string[] {
  const error = expectLanewiseError(() => compileRouting(config), 'INVALID_RULES');
  return (error.details['problems'] as RoutingProblem[]).map(
    (problem) => `${problem.code}@${problem.path.join('.')}`,
  );
}

const titleRule = (value: string, flags?: string) =>
  withWhen({ fact: 'title', op: 'matches', value, ...(flags ? { flags } : {}) });

describe('patterns that could backtrack badly are refused', () => {
  it('refuses nested repetition, alternation under repetition, backreferences and lookbehind', () => {
    for (const pattern of [
      '^(a+)+$',
      '(a*)*b',
      '(a|aa)+$',
      '(a|a)*',
      '(?:x?y)+',
      '((ab)*c)+',
      '(a)\\1',
      '(?<n>a)\\k<n>',
      '(?<=a)b',
      '(?<!a)b',
      '(?:a+){2,}',
    ]) {
      assert.deepEqual(
        problemsOf(titleRule(pattern)),
        ['SLOW_PATTERN@rules.0.when.value'],
        pattern,
      );
    }
  });

  it('refuses patterns whose repetitions multiply past the cost limit', () => {
    for (const pattern of [
      'a*a*b',
      '.*x.*y',
      '\\d+号.*漏水',
      'a{0,100}a{0,100}b',
      '(a|b|c)(a|b|c)x*',
    ]) {
      assert.deepEqual(
        problemsOf(titleRule(pattern)),
        ['SLOW_PATTERN@rules.0.when.value'],
        pattern,
      );
    }
  });

  it('says why, and names the path of the rule', () => {
    const error = expectLanewiseError(() => compileRouting(titleRule('^(a+)+$')), 'INVALID_RULES', [
      'rules',
      0,
      'when',
      'value',
    ]);
    assert.match(error.message, /repeated group may not contain a quantifier/);
  });

  it('accepts the patterns a community writes', () => {
    for (const [pattern, flags] of [
      ['(燃气|煤气|天然气).{0,6}(泄漏|漏气)', undefined],
      ['^(烧烤|油烟)', undefined],
      ['停车|车位', undefined],
      ['燃气.*泄漏', undefined],
      ['^\\d+号楼', undefined],
      ['^\\p{Script=Han}+$', 'u'],
      ['[\\p{L}--[a-z]]+', 'v'],
      ['(?<building>\\d{1,4})号', undefined],
      ['(?:ab)+c', undefined],
      ['noise', 'i'],
    ] as const) {
      assert.doesNotThrow(() => compileRouting(titleRule(pattern, flags)), pattern);
    }
  });

  it('bounds the cost of every accepted pattern', () => {
    // Random patterns from a small alphabet of regex pieces: whatever compiles and is accepted
    // has a cost within the limit, so one match tries at most (1001 × cost) ways.
    const piece = fc.constantFrom(
      'a',
      'b',
      '.',
      '[ab]',
      '(',
      ')',
      '|',
      '*',
      '+',
      '?',
      '{0,3}',
      '{2,}',
      '^',
      '$',
      '\\d',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const pattern = pieces.join('');
        const checked = checkPattern(pattern, undefined);
        if (typeof checked === 'number') assert.ok(checked <= MAX_PATTERN_COST, pattern);
      }),
      { numRuns: 2000 },
    );
  });

  it('routes adversarial titles against the worst accepted patterns, reading 1,000 characters', () => {
    // The worst patterns the checks accept: one unbounded repetition, and as many bounded
    // choices as the cost limit leaves.
    const worst = ['^a*$', 'a*b', '(?:a|aa)a*b', 'a{0,69}a{0,69}b', '.*.{0,3}!x', '^(?:a)*(?:a)?$'];
    for (const pattern of worst) {
      const cost = patternCost(pattern);
      assert.equal(typeof cost, 'number', pattern);
      assert.ok((cost as number) <= MAX_PATTERN_COST, `${pattern}: ${String(cost)}`);
    }
    const router = compileRouting({
      tiers: TIERS,
      rules: worst.map((value, i) => ({
        id: `w${i}`,
        when: { fact: 'title', op: 'matches', value },
        then: { tier: 'joint' },
      })),
      default: { tier: 'coordinated' },
    });
    const long = 'a'.repeat(10_000);
    // A mismatching character at the end, in the middle, and just past the limit.
    for (const title of [
      `${long}!`,
      `${'a'.repeat(5_000)}!${'a'.repeat(5_000)}`,
      `${'a'.repeat(PATTERN_TEXT_LIMIT)}b`,
    ]) {
      const routed = router.route({ title, receivedAt: FRIDAY });
      const cut = router.route({ title: title.slice(0, PATTERN_TEXT_LIMIT), receivedAt: FRIDAY });
      assert.deepEqual(routed, cut, 'a pattern sees only the first 1,000 characters');
    }
    // The `a*b` rule would match a b at position 1,000; the router never sees it.
    assert.equal(
      router.route({ title: `${'a'.repeat(PATTERN_TEXT_LIMIT)}b`, receivedAt: FRIDAY }).ruleId,
      'w0',
    );
    assert.equal(
      router.route({ title: `${'c'.repeat(PATTERN_TEXT_LIMIT)}b`, receivedAt: FRIDAY }).ruleId,
      null,
    );
    assert.equal(router.route({ title: `${'c'.repeat(10)}b`, receivedAt: FRIDAY }).ruleId, 'w1');
  });
});

describe('conditions nested too deep or containing themselves', () => {
  it('refuses 5,000 nested not with TOO_DEEP at the depth limit, not a stack overflow', () => {
    let when: unknown = { fact: 'category', op: 'eq', value: 'x' };
    for (let i = 0; i < 5_000; i++) when = { not: when };
    const [problem] = problemsOf(withWhen(when));
    assert.match(problem ?? '', /^TOO_DEEP@rules\.0\.when/);
  });

  it('accepts conditions nested exactly MAX_CONDITION_DEPTH deep and refuses one more', () => {
    const nested = (depth: number) => {
      let when: unknown = { fact: 'category', op: 'eq', value: 'x' };
      for (let i = 1; i < depth; i++) when = { all: [when] };
      return withWhen(when);
    };
    assert.doesNotThrow(() => compileRouting(nested(MAX_CONDITION_DEPTH)));
    const path = [
      'rules',
      '0',
      'when',
      ...Array<string[]>(MAX_CONDITION_DEPTH).fill(['all', '0']).flat(),
    ];
    assert.deepEqual(problemsOf(nested(MAX_CONDITION_DEPTH + 1)), [`TOO_DEEP@${path.join('.')}`]);
  });

  it('refuses a cyclic when with TOO_DEEP and its path', () => {
    const when: { not?: unknown } = {};
    when.not = when;
    assert.deepEqual(problemsOf(withWhen(when)), ['TOO_DEEP@rules.0.when.not']);
    const all: { all: unknown[] } = { all: [] };
    all.all.push({ any: [all] });
    assert.deepEqual(problemsOf(withWhen(all)), ['TOO_DEEP@rules.0.when.all.0.any.0']);
    const tiers = [...TIERS];
    const looped = { tiers, default: { tier: 'onsite' } };
    (tiers as unknown[]).push(looped);
    assert.deepEqual(problemsOf(looped), ['TOO_DEEP@tiers.3']);
  });

  it('refuses what is not JSON data: functions, class instances, NaN', () => {
    assert.deepEqual(problemsOf(withWhen({ fact: 'a', op: 'eq', value: Number.NaN })), [
      'SCHEMA@rules.0.when.value',
    ]);
    assert.deepEqual(problemsOf(withWhen({ fact: 'a', op: 'eq', value: () => 1 })), [
      'SCHEMA@rules.0.when.value',
    ]);
    assert.deepEqual(problemsOf(withWhen(new Map())), ['SCHEMA@rules.0.when']);
    assert.deepEqual(problemsOf(withWhen(Object.create({ fact: 'a', op: 'exists' }))), [
      'SCHEMA@rules.0.when',
    ]);
  });
});

describe('dates in the supported range', () => {
  const router = compileRouting(ISSUE_CONFIG);

  it('refuses instants outside 1970-2999, and years 0000-0099', () => {
    for (const receivedAt of [
      '0099-01-24T10:00:00+08:00',
      '1900-01-24T10:00:00+08:00',
      '1969-12-31T23:59:59Z',
      '3000-01-01T00:00:00Z',
      '+010000-01-01T00:00:00Z',
      new Date(Date.UTC(1800, 0, 1)),
      new Date(Number.NaN),
    ]) {
      expectLanewiseError(() => router.route({ receivedAt }), 'INVALID_INPUT', ['receivedAt']);
      expectLanewiseError(() => router.explain({ receivedAt }), 'INVALID_INPUT', ['receivedAt']);
    }
    expectLanewiseError(
      () => router.route({ receivedAt: FRIDAY }, { now: '1901-01-01T00:00:00+08:00' }),
      'INVALID_INPUT',
      ['now'],
    );
  });

  it('refuses a due instant past 2999 at the path that caused it', () => {
    const late = '2999-12-31T20:00:00+08:00';
    expectLanewiseError(() => router.route({ category: 'x', receivedAt: late }), 'INVALID_INPUT', [
      'receivedAt',
    ]);
    expectLanewiseError(
      () => router.route({ category: 'x', receivedAt: FRIDAY }, { now: late }),
      'INVALID_INPUT',
      ['now'],
    );
    // An hour earlier than the limit still routes, in the calendar's offset.
    const routed = router.route({ category: 'fire', receivedAt: '2999-12-31T22:00:00+08:00' });
    assert.equal(routed.dueAt, '2999-12-31T23:00:00.000+08:00');
    const early = router.route({ category: 'fire', receivedAt: '1970-01-01T00:00:00Z' });
    assert.equal(early.dueAt, '1970-01-01T09:00:00.000+08:00');
  });

  it('keeps every due instant of random receipts inside the range, or refuses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32_503_680_000_000 - 1 }), fc.boolean(), (ms, fire) => {
        const receivedAt = new Date(ms);
        try {
          const { dueAt } = router.route({ category: fire ? 'fire' : 'noise', receivedAt });
          assert.match(dueAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[89]:00$/); // +09:00: summer time, 1986-1991
          assert.ok(Date.parse(dueAt) >= ms && Date.parse(dueAt) < 32_503_680_000_000);
        } catch (error) {
          assert.ok(isLanewiseError(error, 'INVALID_INPUT'), String(error));
          assert.ok(ms > 32_503_680_000_000 - 30 * 86_400_000, 'refused only near the end');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('keys through Object.prototype are plain keys', () => {
  it('routes categories, tiers and facts named constructor, __proto__ or toString as plain values', () => {
    const tiers = [
      { ...TIERS[0], id: 'constructor' },
      { ...TIERS[1], id: 'toString' },
      { ...TIERS[2], id: '__proto__' },
    ];
    const router = compileRouting({
      tiers,
      rules: [
        {
          id: 'c',
          when: { fact: 'category', op: 'eq', value: 'constructor' },
          then: { tier: 'toString' },
        },
        {
          id: 'p',
          when: { fact: 'category', op: 'in', value: ['__proto__', 'toString'] },
          then: { tier: '__proto__' },
        },
      ],
      default: { tier: 'constructor' },
    });
    assert.equal(router.route({ category: 'constructor', receivedAt: FRIDAY }).tier, 'toString');
    assert.equal(router.route({ category: '__proto__', receivedAt: FRIDAY }).tier, '__proto__');
    assert.equal(router.route({ category: 'toString', receivedAt: FRIDAY }).tier, '__proto__');
    assert.equal(
      router.route({ category: 'hasOwnProperty', receivedAt: FRIDAY }).tier,
      'constructor',
    );
    assert.equal(router.tier('constructor')?.id, 'constructor');
    assert.equal(router.tier('valueOf'), undefined);
    assert.equal(router.nextTier('toString')?.id, '__proto__');
  });

  it('reads facts as own properties only, and refuses prototype names in fact paths', () => {
    const router = compileRouting(withWhen({ fact: 'attributes.kind', op: 'eq', value: 'x' }));
    const inherited = Object.create({ kind: 'x' }) as Record<string, unknown>;
    assert.equal(router.route({ attributes: inherited, receivedAt: FRIDAY }).ruleId, null);
    assert.equal(router.route({ attributes: { kind: 'x' }, receivedAt: FRIDAY }).ruleId, 'r');
    const parsed = JSON.parse('{"attributes": {"__proto__": {"kind": "x"}}}') as object;
    assert.equal(router.route({ ...parsed, receivedAt: FRIDAY }).ruleId, null);
    for (const fact of ['__proto__', 'constructor', 'attributes.toString', 'a.hasOwnProperty.b']) {
      assert.deepEqual(
        problemsOf(withWhen({ fact, op: 'exists' })),
        ['SCHEMA@rules.0.when.fact'],
        fact,
      );
    }
  });

  it('refuses tier names keyed by something other than a language tag', () => {
    const bad = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    assert.deepEqual(
      problemsOf({ tiers: [{ ...TIERS[0], name: bad }], default: { tier: 'onsite' } }),
      ['SCHEMA@tiers.0.name'],
    );
  });
});

describe('bad input to routing is a LanewiseError with a path', () => {
  const router = compileRouting(ISSUE_CONFIG);

  it('refuses bad options of compileRouting', () => {
    expectLanewiseError(() => compileRouting(ISSUE_CONFIG, null as never), 'INVALID_INPUT', [
      'options',
    ]);
    expectLanewiseError(
      () => compileRouting(ISSUE_CONFIG, { fast: true } as never),
      'INVALID_INPUT',
      ['options', 'fast'],
    );
    expectLanewiseError(
      () => compileRouting(ISSUE_CONFIG, { calendar: { deadline: () => 'x' } } as never),
      'INVALID_INPUT',
      ['options', 'calendar'],
    );
    expectLanewiseError(
      () => compileRouting(ISSUE_CONFIG, { indexed: 'no' } as never),
      'INVALID_INPUT',
      ['options', 'indexed'],
    );
    assert.deepEqual(problemsOf(undefined), ['SCHEMA@']);
    assert.deepEqual(problemsOf([]), ['SCHEMA@']);
  });

  it('refuses bad cases and options of route and explain', () => {
    for (const input of [null, undefined, 'case', 3, []]) {
      expectLanewiseError(() => router.route(input as never), 'INVALID_INPUT', []);
      expectLanewiseError(() => router.explain(input as never), 'INVALID_INPUT', []);
    }
    expectLanewiseError(
      () => router.route({ receivedAt: FRIDAY }, null as never),
      'INVALID_INPUT',
      ['options'],
    );
    expectLanewiseError(
      () => router.route({ receivedAt: FRIDAY }, { later: 1 } as never),
      'INVALID_INPUT',
      ['options', 'later'],
    );
    expectLanewiseError(() => router.route({ receivedAt: 12 as never }), 'INVALID_INPUT', [
      'receivedAt',
    ]);
    expectLanewiseError(() => router.tier(null as never), 'INVALID_INPUT', ['id']);
    expectLanewiseError(() => router.nextTier(3 as never), 'INVALID_INPUT', ['id']);
  });

  it('accepts a case without a prototype', () => {
    const input = Object.assign(Object.create(null) as object, {
      category: 'fire',
      receivedAt: FRIDAY,
    });
    assert.equal(router.route(input).ruleId, 'emergency');
  });
});

describe('a compiled router cannot be changed through what it hands out', () => {
  it('freezes the router, its config, tiers, results and traces', () => {
    const config = structuredClone(ISSUE_CONFIG) as unknown as { rules: { id: string }[] };
    const router = compileRouting(config);
    config.rules[0]!.id = 'changed';
    assert.equal(router.config.rules?.[0]?.id, 'emergency', 'the router keeps its own copy');
    assert.ok(Object.isFrozen(router));
    assert.ok(Object.isFrozen(router.config));
    assert.ok(Object.isFrozen(router.config.rules?.[1]?.when));
    assert.ok(Object.isFrozen(router.tiers));
    assert.ok(Object.isFrozen(router.tiers[0]?.handlers));
    assert.ok(Object.isFrozen(router.tiers[0]?.name));
    const routed = router.route({ category: 'fire', receivedAt: FRIDAY });
    assert.ok(
      Object.isFrozen(routed) &&
        Object.isFrozen(routed.handlers) &&
        Object.isFrozen(routed.deadline),
    );
    assert.throws(() => {
      (routed.handlers as string[]).push('me');
    }, TypeError);
    const explained = router.explain({
      category: 'noise',
      receivedAt: FRIDAY,
      attributes: { reports: 1 },
    });
    assert.ok(Object.isFrozen(explained) && Object.isFrozen(explained.trace));
    assert.ok(
      Object.isFrozen(explained.trace[1]) && Object.isFrozen(explained.trace[1]?.condition),
    );
    assert.deepEqual(router.route({ category: 'fire', receivedAt: FRIDAY }), routed);
  });

  it('freezes the problems of a refused rule set', () => {
    const error = expectLanewiseError(() => compileRouting(titleRule('(')), 'INVALID_RULES');
    assert.ok(Object.isFrozen(error.details['problems']));
  });

  it('routes with a calendar made by createWorkCalendar', () => {
    const calendar = createWorkCalendar({ timeZone: 'UTC' });
    const router = compileRouting(ISSUE_CONFIG, { calendar });
    assert.equal(
      router.route({ category: 'fire', receivedAt: FRIDAY }).dueAt,
      '2025-01-24T03:00:00.000Z',
    );
  });
});
