import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  ERROR_CODES,
  LanewiseError,
  formatError,
  isLanewiseError,
} from '../../src/errors/index.js';
import type * as ErrorModuleTypes from '../../src/errors/error.js';
import { parseInput, instantSchema, timeZoneSchema } from '../../src/schemas/index.js';

type ErrorModule = typeof ErrorModuleTypes;

describe('LanewiseError', () => {
  it('carries code, path and details, and serialises them', () => {
    const error = new LanewiseError('OVERLAP', 'entries overlap', {
      path: ['start'],
      details: { with: 'e1' },
    });
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'LanewiseError');
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'LanewiseError',
      code: 'OVERLAP',
      message: 'entries overlap',
      path: ['start'],
      details: { with: 'e1' },
    });
    assert.ok(isLanewiseError(error, 'OVERLAP'));
    assert.ok(!isLanewiseError(error, 'NOT_FOUND'));
    assert.ok(!isLanewiseError(new Error('x')));
  });

  it('is recognised across copies of the core, as when a page loads the core twice', async () => {
    // The same file under another URL is a second module, with a class of its own.
    const copy = (await import(
      `${new URL('../../src/errors/error.ts', import.meta.url).href}?second-copy`
    )) as ErrorModule;
    assert.notEqual(copy.LanewiseError, LanewiseError);
    const foreign = new copy.LanewiseError('OVERLAP', 'entries overlap', { path: ['start'] });
    assert.ok(foreign instanceof LanewiseError);
    assert.ok(isLanewiseError(foreign, 'OVERLAP'));
    assert.ok(new LanewiseError('NOT_FOUND', 'x') instanceof copy.LanewiseError);
    assert.equal(
      formatError(foreign, 'en'),
      formatError(new LanewiseError('OVERLAP', 'entries overlap', { path: ['start'] }), 'en'),
    );
    assert.ok(!(new Error('x') instanceof LanewiseError));
    assert.ok(!((null as unknown as object) instanceof LanewiseError));
  });

  it('lists each code once', () => {
    assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length);
  });
});

describe('parseInput', () => {
  const schema = z.object({
    id: z.string().min(1),
    when: instantSchema,
    items: z.array(z.number().int()),
  });

  it('returns the parsed value', () => {
    const value = { id: 'a', when: '2025-01-24T09:00:00+08:00', items: [1, 2] };
    assert.deepEqual(parseInput(schema, value), value);
  });

  it('throws INVALID_INPUT with the path of the first bad field', () => {
    assert.throws(
      () =>
        parseInput(schema, { id: 'a', when: '2025-01-24T09:00:00+08:00', items: [1, 2.5] }, [
          'entry',
        ]),
      (error: unknown) =>
        isLanewiseError(error, 'INVALID_INPUT') &&
        error.path.join('.') === 'entry.items.1' &&
        error.message.startsWith('entry.items.1:'),
    );
  });

  it('rejects instants without an offset and unknown time zones', () => {
    assert.throws(
      () => parseInput(instantSchema, '2025-01-24T09:00:00'),
      (error: unknown) =>
        isLanewiseError(error, 'INVALID_INPUT') &&
        error.message.includes('with an offset, for example 2025-01-24T09:00:00+08:00'),
    );
    assert.equal(parseInput(timeZoneSchema, 'Asia/Shanghai'), 'Asia/Shanghai');
    assert.throws(
      () => parseInput(timeZoneSchema, 'Mars/Olympus'),
      (error: unknown) => isLanewiseError(error, 'INVALID_INPUT'),
    );
  });
});
