// The example rule set shipped in examples/rules compiles and routes as its descriptions say.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileRouting } from '../../src/routing/index.js';

const liuzhou = JSON.parse(
  readFileSync(new URL('../../../../examples/rules/liuzhou.json', import.meta.url), 'utf8'),
) as unknown;
const router = compileRouting(liuzhou);
const FRIDAY = '2025-01-24T10:00:00+08:00';
const route = (fields: Record<string, unknown>) => router.route({ receivedAt: FRIDAY, ...fields });

describe('examples/rules/liuzhou.json', () => {
  it('has the three tiers of Liuzhou, in escalation order', () => {
    assert.deepEqual(
      router.tiers.map((tier) => tier.name['zh-CN']),
      ['简易案件', '一般案件', '重大案件'],
    );
  });

  it('routes emergencies to everyone within the hour, by category or by the words of the title', () => {
    assert.deepEqual(
      [route({ category: 'fire' }).tier, route({ category: 'fire' }).dueAt],
      ['joint', '2025-01-24T11:00:00.000+08:00'],
    );
    assert.equal(route({ category: 'other', title: '楼道里天然气泄漏' }).ruleId, 'emergency');
  });

  it('routes by category, repeat reports and impact', () => {
    assert.equal(route({ category: 'litter' }).tier, 'onsite');
    assert.equal(route({ category: 'street-stall' }).tier, 'onsite');
    assert.equal(
      route({ category: 'street-stall', attributes: { reports: 4 } }).tier,
      'coordinated',
    );
    assert.equal(
      route({ category: 'noise', attributes: { reports: 3 } }).ruleId,
      'repeat-nuisance',
    );
    assert.equal(route({ category: 'noise', attributes: { reports: 1 } }).ruleId, null);
    assert.equal(
      route({ category: 'litter', attributes: { households: 80 } }).ruleId,
      'many-households',
    );
    assert.equal(route({ category: 'illegal-building' }).kind, 'enforce');
    assert.equal(route({ category: 'enquiry' }).dueAt, '2025-01-24T23:59:59.999+08:00');
    assert.equal(route({ category: 'muck-transport', attributes: { hour: 22 } }).kind, 'enforce');
    assert.equal(route({ category: 'muck-transport', attributes: { hour: 10 } }).ruleId, null);
  });
});
