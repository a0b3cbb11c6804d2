import { expect } from '@open-wc/testing';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  pickLocale,
  defineTerms,
  en,
  zhCN,
  type Dictionary,
} from './index.js';

describe('formatters', () => {
  it('write dates as people do, in the given time zone', () => {
    expect(formatDate('2025-02-05T09:00:00+08:00', 'zh-CN')).to.equal('2025年2月5日');
    expect(formatDate('2025-02-05T09:00:00+08:00', 'en')).to.equal('5 Feb 2025');
    // 23:30 UTC on the 4th is already the 5th in Shanghai, still the 4th in London.
    expect(formatDate('2025-02-04T23:30:00Z', 'en')).to.equal('5 Feb 2025');
    expect(formatDate('2025-02-04T23:30:00Z', 'en', { timeZone: 'Europe/London' })).to.equal(
      '4 Feb 2025',
    );
  });

  it('write date-times on the 24-hour clock', () => {
    expect(formatDateTime('2025-02-05T14:05:00+08:00', 'zh-CN')).to.equal('2025年2月5日 14:05');
    expect(formatDateTime('2025-02-05T14:05:00+08:00', 'en')).to.equal('5 Feb 2025, 14:05');
    expect(formatDateTime('2025-02-05T00:30:00+08:00', 'en', { timeZone: 'UTC' })).to.equal(
      '4 Feb 2025, 16:30',
    );
  });

  it('write durations in hours and minutes', () => {
    expect(formatDuration(150, 'zh-CN')).to.equal('2 小时 30 分');
    expect(formatDuration(150, 'en')).to.equal('2 h 30 min');
    expect(formatDuration(45, 'en')).to.equal('45 min');
    expect(formatDuration(180, 'zh-CN')).to.equal('3 小时');
    expect(formatDuration(0, 'en')).to.equal('0 min');
    expect(formatDuration(-90, 'en')).to.equal('-1 h 30 min');
    expect(formatDuration(60 * 1234, 'en')).to.equal('1,234 h');
  });

  it('write numbers and percentages through Intl', () => {
    expect(formatNumber(1234567.5, 'en')).to.equal('1,234,567.5');
    expect(formatNumber(1234567.5, 'zh-CN')).to.equal('1,234,567.5');
    expect(formatPercent(0.9832, 'en')).to.equal('98.3%');
    expect(formatPercent(0.9832, 'zh-CN', 2)).to.equal('98.32%');
    expect(formatPercent(1, 'en')).to.equal('100%');
  });

  it('take any en tag as English and anything else as zh-CN', () => {
    expect(pickLocale('en')).to.equal('en');
    expect(pickLocale('en-GB')).to.equal('en');
    expect(pickLocale('EN-us')).to.equal('en');
    expect(pickLocale('zh-Hant')).to.equal('zh-CN');
    expect(pickLocale('')).to.equal('zh-CN');
    expect(pickLocale('eng')).to.equal('zh-CN');
  });
});

describe('typed strings', () => {
  it('refuse a language that misses a key (checked by tsc over the tests)', () => {
    const set = defineTerms({
      en: { title: 'Hours', total: { one: '{count} hour', other: '{count} hours' } },
      // @ts-expect-error: 'total' is missing from the Chinese strings.
      'zh-CN': { title: '时长' },
    });
    expect(Object.keys(set.en)).to.deep.equal(['title', 'total']);
    const shared: Dictionary = { ...zhCN };
    // @ts-expect-error: a shared dictionary must have every key.
    const partial: Dictionary = { loading: '加载中…' };
    expect(Object.keys(shared)).to.deep.equal(Object.keys(en));
    expect(partial).to.exist;
  });
});
