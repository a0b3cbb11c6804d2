import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { ERROR_CODES, LanewiseError, formatError } from '../../src/errors/index.js';
import { parseInput } from '../../src/schemas/index.js';
import { instantSchema } from '../../src/schemas/common.js';

const failing = (schema: z.ZodMiniType, input: unknown): LanewiseError => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof LanewiseError) return error;
  }
  throw new Error('expected a LanewiseError');
};

describe('formatError', () => {
  it('has a sentence for every code in both languages, with no code or placeholder in it', () => {
    for (const code of ERROR_CODES) {
      const error = new LanewiseError(code, 'x', {
        details: { id: 'v-1', available: 60, asked: 300 },
      });
      for (const locale of ['zh-CN', 'en']) {
        const text = formatError(error, locale);
        assert.ok(text.length > 3, `${code} ${locale}`);
        assert.ok(
          !text.includes(code) && !text.includes('undefined'),
          `${code} ${locale}: ${text}`,
        );
      }
      assert.match(formatError(error, 'zh-CN'), /[\u4e00-\u9fff]/, `${code} has Chinese text`);
    }
  });

  it('says the point shortfall in Chinese', () => {
    const error = new LanewiseError(
      'INSUFFICIENT_POINTS',
      'volunteer:v-li has 60 points available, 300 asked',
      {
        details: { account: 'volunteer:v-li', available: 60, amount: 300 },
      },
    );
    assert.equal(formatError(error, 'zh-CN'), '积分不足：可用 60 分，需要 300 分。');
    assert.equal(formatError(error, 'en'), 'Not enough points: 60 available, 300 needed.');
    assert.equal(formatError(new TypeError('x'), 'zh-Hans-CN'), '出现了意外错误。');
  });

  it('names the field and says what is expected', () => {
    const schema = z.strictObject({
      at: instantSchema,
      scale: z.enum(['three-level', 'five-level', 'binary']),
      minutes: z.number().check(z.int()),
      name: z.string().check(z.maxLength(4)),
    });
    const valid = { at: '2025-01-24T09:00:00+08:00', scale: 'binary', minutes: 5, name: 'ok' };
    const at = failing(schema, { ...valid, at: '2025-01-24T09:00:00' });
    assert.deepEqual(at.path, ['at']);
    assert.match(at.message, /^at: .*with an offset, for example 2025-01-24T09:00:00\+08:00/);
    assert.match(formatError(at, 'zh-CN'), /^at：应为带时区偏移的 ISO 8601 时间/);
    const scale = failing(schema, { ...valid, scale: 'seven' });
    assert.equal(scale.message, 'scale: must be one of "three-level", "five-level", "binary"');
    const minutes = failing(schema, { ...valid, minutes: 1.5 });
    assert.equal(minutes.message, 'minutes: must be a whole number');
    assert.equal(formatError(minutes, 'zh-CN'), 'minutes：应为整数');
    const unknown = failing(schema, { ...valid, prority: 1 });
    assert.deepEqual(unknown.path, ['prority']);
    assert.equal(unknown.message, 'prority: is not a known field');
    const missing = failing(schema, { scale: 'binary', minutes: 5, name: 'ok' });
    assert.equal(missing.message, 'at: is required');
    const long = failing(schema, { ...valid, name: 'too long' });
    assert.equal(formatError(long, 'zh-CN'), 'name：最多 4 个字符');
  });
});
