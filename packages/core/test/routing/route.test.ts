import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileRouting, type RoutingConfig } from '../../src/routing/index.js';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { isLanewiseError } from '../../src/errors/index.js';
import { FRIDAY, ISSUE_CONFIG, TIERS } from './fixtures.js';

const router = compileRouting(ISSUE_CONFIG);

describe('router.route', () => {
  it('routes the cases of the issue with deadlines on the CN calendar', () => {
    assert.deepEqual(router.route({ category: 'fire', receivedAt: FRIDAY }), {
      tier: 'joint',
      handlers: ['district-bureau', 'subdistrict', 'departments'],
      dueAt: '2025-01-24T11:00:00.000+08:00',
      deadline: { hours: 1 },
      ruleId: 'emergency',
      kind: 'service',
      tags: [],
    });
    const noise = router.route({
      category: 'noise',
      receivedAt: FRIDAY,
      attributes: { reports: 3 },
    });
    assert.equal(noise.ruleId, 'repeat-noise');
    assert.equal(noise.kind, 'manage');
    assert.equal(noise.dueAt, '2025-02-05T23:59:59.999+08:00');
    const first = router.route({
      category: 'noise',
      receivedAt: FRIDAY,
      attributes: { reports: 1 },
    });
    assert.equal(first.ruleId, null);
    assert.equal(first.tier, 'coordinated');
    assert.deepEqual(first.handlers, ['section', 'squad', 'community']);
  });

  it('tries higher priority first, then file order, and the first match wins', () => {
    const leaf = { fact: 'category', op: 'eq', value: 'noise' } as const;
    const config: RoutingConfig = {
      tiers: TIERS,
      rules: [
        { id: 'low', priority: -1, when: leaf, then: { tier: 'onsite' } },
        { id: 'first', when: leaf, then: { tier: 'coordinated' } },
        { id: 'second', when: leaf, then: { tier: 'joint' } },
        {
          id: 'high',
          priority: 7,
          when: { all: [leaf, { fact: 'channel', op: 'eq', value: 'app' }] },
          then: { tier: 'joint' },
        },
      ],
      default: { tier: 'onsite' },
    };
    const ordered = compileRouting(config);
    assert.equal(
      ordered.route({ category: 'noise', channel: 'app', receivedAt: FRIDAY }).ruleId,
      'high',
    );
    assert.equal(
      ordered.route({ category: 'noise', channel: 'hotline', receivedAt: FRIDAY }).ruleId,
      'first',
    );
    const reversed = compileRouting({ ...config, rules: [...(config.rules ?? [])].reverse() });
    assert.equal(
      reversed.route({ category: 'noise', channel: 'hotline', receivedAt: FRIDAY }).ruleId,
      'second',
    );
  });

  it('takes handlers, deadline, kind and tags from the rule, else the tier, else the defaults', () => {
    const custom = compileRouting({
      tiers: [...TIERS.slice(0, 2), { ...TIERS[2]!, kind: 'enforce' }],
      rules: [
        {
          id: 'stall',
          when: { fact: 'category', op: 'eq', value: 'stall' },
          then: {
            tier: 'onsite',
            handlers: ['patrol'],
            deadline: { workingDays: 0 },
            tags: ['street'],
          },
        },
        {
          id: 'build',
          when: { fact: 'category', op: 'eq', value: 'illegal-building' },
          then: { tier: 'joint' },
        },
      ],
      default: { tier: 'onsite', kind: 'manage', tags: ['unsorted'] },
    });
    const stall = custom.route({ category: 'stall', receivedAt: FRIDAY });
    assert.deepEqual(
      [stall.handlers, stall.dueAt, stall.kind, stall.tags],
      [['patrol'], '2025-01-24T23:59:59.999+08:00', 'service', ['street']],
    );
    const building = custom.route({ category: 'illegal-building', receivedAt: FRIDAY });
    // 7 working days: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08 (a Saturday worked), 02-10.
    assert.deepEqual([building.kind, building.dueAt], ['enforce', '2025-02-10T23:59:59.999+08:00']);
    const other = custom.route({ category: 'other', receivedAt: FRIDAY });
    assert.deepEqual(
      [other.tier, other.kind, other.tags, other.dueAt],
      ['onsite', 'manage', ['unsorted'], '2025-01-24T12:00:00.000+08:00'],
    );
  });

  it('counts from `now` when given, for a re-routed case', () => {
    const again = router.route(
      { category: 'noise', receivedAt: FRIDAY },
      { now: '2025-02-07T09:00:00+08:00' },
    );
    // From Friday 02-07: Saturday 02-08 (worked in lieu), 02-10, 02-11.
    assert.equal(again.dueAt, '2025-02-11T23:59:59.999+08:00');
  });

  it('uses the calendar it is given', () => {
    const plain = compileRouting(ISSUE_CONFIG, {
      calendar: createWorkCalendar({ timeZone: 'UTC', holidays: [], workdays: [] }),
    });
    assert.equal(
      plain.route({ category: 'noise', receivedAt: '2025-01-24T10:00:00Z' }).dueAt,
      '2025-01-29T23:59:59.999Z',
    );
  });

  it('refuses a case without a usable receivedAt', () => {
    const refuses = (input: unknown, path: string[]) =>
      assert.throws(
        () => router.route(input as never),
        (error) =>
          isLanewiseError(error, 'INVALID_INPUT') &&
          assert.deepEqual(error.path, path) === undefined,
      );
    refuses({ category: 'noise' }, ['receivedAt']);
    refuses({ category: 'noise', receivedAt: '2025-01-24 10:00' }, ['receivedAt']);
    refuses({ category: 'noise', receivedAt: '2025-01-24T10:00:00' }, ['receivedAt']);
    refuses({ category: 'noise', receivedAt: new Date('nonsense') }, ['receivedAt']);
    refuses(null, []);
    assert.throws(
      () => router.route({ category: 'noise', receivedAt: FRIDAY }, { now: 'later' }),
      (error) => isLanewiseError(error, 'INVALID_INPUT'),
    );
  });

  it('gives the tiers in escalation order', () => {
    assert.equal(router.nextTier('onsite')?.id, 'coordinated');
    assert.equal(router.nextTier('coordinated')?.id, 'joint');
    assert.equal(router.nextTier('joint'), undefined);
    assert.equal(router.nextTier('nowhere'), undefined);
    assert.equal(router.tier('joint')?.name['zh-CN'], '重大');
    assert.equal(router.config.default.tier, 'coordinated');
  });
});

describe('router.explain', () => {
  it('traces each rule tried with each fact, expected value and result', () => {
    const explained = router.explain({
      category: 'noise',
      receivedAt: FRIDAY,
      attributes: { reports: 2 },
    });
    assert.equal(explained.usedDefault, true);
    assert.equal(explained.ruleId, null);
    assert.equal(explained.calendarCovers, true);
    assert.deepEqual(explained.trace, [
      {
        ruleId: 'emergency',
        priority: 100,
        matched: false,
        condition: {
          type: 'fact',
          fact: 'category',
          op: 'in',
          expected: ['medical', 'fire'],
          actual: 'noise',
          result: false,
        },
      },
      {
        ruleId: 'repeat-noise',
        priority: 0,
        matched: false,
        condition: {
          type: 'all',
          result: false,
          children: [
            {
              type: 'fact',
              fact: 'category',
              op: 'eq',
              expected: 'noise',
              actual: 'noise',
              result: true,
            },
            {
              type: 'fact',
              fact: 'attributes.reports',
              op: 'gte',
              expected: 3,
              actual: 2,
              result: false,
            },
          ],
        },
      },
    ]);
  });

  it('stops at the matching rule and agrees with route', () => {
    const input = { category: 'fire', receivedAt: FRIDAY };
    const explained = router.explain(input);
    assert.deepEqual(
      explained.trace.map((step) => [step.ruleId, step.matched]),
      [['emergency', true]],
    );
    const { trace: _trace, usedDefault, calendarCovers: _covers, ...routed } = explained;
    assert.equal(usedDefault, false);
    assert.deepEqual(routed, router.route(input));
  });

  it('traces not and missing facts, and says when the calendar lacks the year', () => {
    const custom = compileRouting({
      tiers: TIERS,
      rules: [
        {
          id: 'anon',
          when: { not: { fact: 'reporter.phone', op: 'exists' } },
          then: { tier: 'onsite' },
        },
      ],
      default: { tier: 'coordinated' },
    });
    const explained = custom.explain({ category: 'x', receivedAt: '2027-03-01T09:00:00+08:00' });
    assert.deepEqual(explained.trace[0]?.condition, {
      type: 'not',
      result: true,
      child: {
        type: 'fact',
        fact: 'reporter.phone',
        op: 'exists',
        expected: true,
        actual: undefined,
        result: false,
      },
    });
    assert.equal(explained.calendarCovers, false);
  });
});
