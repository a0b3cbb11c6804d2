// A rule set may name the categories residents choose from, in several languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileRouting } from '../../src/routing/index.js';
import { LanewiseError } from '../../src/errors/index.js';

const liuzhou = JSON.parse(
  readFileSync(new URL('../../../../examples/rules/liuzhou.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const problemsOf = (config: unknown) => {
  try {
    compileRouting(config);
  } catch (error) {
    assert.ok(error instanceof LanewiseError);
    return (error.details['problems'] as { path: unknown[] }[]).map((p) => p.path);
  }
  return [];
};

describe('rule set categories', () => {
  it('keeps the categories, in order, with names and descriptions in both languages', () => {
    const { categories } = compileRouting(liuzhou).config;
    assert.equal(categories?.[0]?.id, 'litter');
    assert.equal(categories?.[0]?.name['zh-CN'], '乱扔垃圾');
    assert.ok(categories?.every((c) => c.name['en'] && c.description?.['zh-CN']));
    // Every category a rule tests is offered.
    const text = JSON.stringify(liuzhou['rules']);
    for (const id of ['noise', 'street-stall', 'muck-transport', 'gas-leak'])
      assert.ok(text.includes(id) && categories?.some((c) => c.id === id), id);
  });

  it('leaves them out when the rule set has none', () => {
    const { categories: _categories, ...plain } = liuzhou;
    assert.equal('categories' in compileRouting(plain).config, false);
  });

  it('rejects a nameless or repeated category, with its path', () => {
    assert.deepEqual(problemsOf({ ...liuzhou, categories: [{ id: 'a', name: {} }] }), [
      ['categories', 0, 'name'],
    ]);
    const twice = [
      { id: 'a', name: { en: 'A' } },
      { id: 'a', name: { en: 'B' } },
    ];
    assert.deepEqual(problemsOf({ ...liuzhou, categories: twice }), [['categories']]);
  });
});
