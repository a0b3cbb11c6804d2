import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileRouting } from '../../src/routing/index.js';
import { fromOpen311, open311Services, toOpen311 } from '../../src/open311/index.js';
import { expectLanewiseError } from '../support/expect.js';
import { RULES, intake, makeBook } from '../cases/fixtures.js';

const categories = { 'NOISE-01': 'noise', 'FIRE-01': 'fire', 'LITTER-01': 'litter' };

describe('Open311 GeoReport v2', () => {
  it('maps a case to a service request, open while dispatched or in progress', () => {
    const { book } = makeBook();
    const opened = book.open(
      intake({
        description: 'Karaoke every night',
        location: { lat: 24.33, lon: 109.42, address: '柳州市城中区' },
      }),
    );
    const request = toOpen311(opened, { categories, serviceNames: { noise: '噪音扰民' } });
    assert.deepEqual(request, {
      service_request_id: 'c-1',
      status: 'open',
      service_name: '噪音扰民',
      service_code: 'NOISE-01',
      description: 'Karaoke every night',
      agency_responsible: 'section, squad, community',
      requested_datetime: '2025-01-24T09:00:00.000+08:00',
      updated_datetime: '2025-01-24T10:00:00.000+08:00',
      expected_datetime: '2025-02-05T23:59:59.999+08:00',
      address: '柳州市城中区',
      lat: 24.33,
      long: 109.42,
    });
    assert.equal(toOpen311(book.accept('c-1', { by: 'li' })).status, 'open');
    const resolved = book.resolve('c-1', {
      by: 'li',
      outcome: 'mediated',
      note: 'quiet after 22:00',
    });
    assert.equal(toOpen311(resolved).status, 'closed');
    assert.equal(toOpen311(resolved).status_notes, 'mediated: quiet after 22:00');
    assert.equal(
      toOpen311(resolved).service_code,
      'noise',
      'without a map the category is the code',
    );
  });

  it('reports a duplicate as closed, with a note', () => {
    const { book } = makeBook();
    book.open(intake({ id: 'a' }));
    book.open(intake({ id: 'b' }));
    const duplicate = toOpen311(book.markDuplicate('b', { of: 'a' }));
    assert.equal(duplicate.status, 'closed');
    assert.equal(duplicate.status_notes, 'duplicate of a');
  });

  it('turns an incoming request into the input of open', () => {
    const input = fromOpen311(
      {
        service_request_id: 'sr-9',
        service_code: 'NOISE-01',
        requested_datetime: '2025-03-03T21:40:00+08:00',
        description: 'Karaoke at night\nevery day since Monday',
        lat: '24.33',
        long: 109.42,
        address_string: '柳州市城中区',
        first_name: 'Mei',
        last_name: 'Wang',
        phone: '0772-0000000',
        media_url: 'https://example.org/p.jpg',
        attribute: { reports: 3 },
      },
      { categories },
    );
    assert.deepEqual(input, {
      id: 'sr-9',
      category: 'noise',
      title: 'Karaoke at night',
      description: 'Karaoke at night\nevery day since Monday',
      receivedAt: '2025-03-03T21:40:00+08:00',
      channel: 'open311',
      reporter: { name: 'Mei Wang', phone: '0772-0000000' },
      location: { lat: 24.33, lon: 109.42, address: '柳州市城中区' },
      attributes: { reports: 3, media_url: 'https://example.org/p.jpg' },
    });
    const { book } = makeBook({ start: '2025-03-03T21:45:00+08:00' });
    const record = book.open(input);
    assert.equal(record.ruleId, 'repeat-noise', 'the attributes reach the rules');
    const back = toOpen311(record, { categories });
    assert.equal(back.service_code, 'NOISE-01');
    assert.equal(back.service_request_id, 'sr-9');
  });

  it('refuses unknown service codes and malformed requests', () => {
    const base = {
      service_request_id: 'sr-1',
      service_code: 'NOISE-01',
      requested_datetime: '2025-03-03T21:40:00+08:00',
    };
    expectLanewiseError(
      () => fromOpen311({ ...base, service_code: 'POTHOLE' }, { categories }),
      'INVALID_INPUT',
      ['service_code'],
    );
    expectLanewiseError(
      () => fromOpen311({ ...base, requested_datetime: 'yesterday' }, { categories }),
      'INVALID_INPUT',
      ['requested_datetime'],
    );
    expectLanewiseError(() => fromOpen311({ ...base, lat: 95 }, { categories }), 'INVALID_INPUT', [
      'lat',
    ]);
    const minimal = fromOpen311(base, { categories: ['NOISE-01'], channel: 'app' });
    assert.equal(minimal.category, 'NOISE-01');
    assert.equal(minimal.title, 'NOISE-01');
    assert.equal(minimal.channel, 'app');
  });

  it('lists the services of a rule set, grouped by tier, in routing order', () => {
    const services = open311Services(RULES, {
      locale: 'en',
      categories: { 'LITTER-01': 'litter' },
    });
    assert.deepEqual(
      services.map((service) => [service.service_code, service.group, service.description]),
      [
        ['medical', 'Joint', 'Joint, within 1 hour'],
        ['fire', 'Joint', 'Joint, within 1 hour'],
        ['noise', 'Coordinated', 'Coordinated, within 3 working days'],
        ['stall', 'On the spot', 'On the spot, within 2 hours'],
        ['LITTER-01', 'Coordinated', 'Coordinated, within 3 working days'],
      ],
    );
    assert.equal(services[0]?.keywords, 'urgent');
    assert.equal(services[0]?.type, 'realtime');
    assert.equal(services[0]?.metadata, false);
    const chinese = open311Services(compileRouting(RULES));
    assert.equal(
      chinese.find((service) => service.service_code === 'noise')?.description,
      '一般，3个工作日内',
    );
  });

  it('ignores categories a rule only excludes', () => {
    const services = open311Services({
      ...RULES,
      rules: [
        {
          id: 'not-noise',
          when: { not: { fact: 'category', op: 'eq', value: 'noise' } },
          then: { tier: 'onsite' },
        },
      ],
    });
    assert.deepEqual(services, []);
  });
});

describe('Open311: bad input', () => {
  const base = {
    service_request_id: 'sr-1',
    service_code: 'NOISE-01',
    requested_datetime: '2025-03-03T21:40:00+08:00',
  };

  it('refuses what is not a record, a request or a rule set with LanewiseError', () => {
    const { book } = makeBook();
    const record = book.open(intake());
    expectLanewiseError(() => toOpen311(null as never), 'INVALID_INPUT', ['record']);
    expectLanewiseError(() => toOpen311({} as never), 'INVALID_INPUT');
    expectLanewiseError(() => toOpen311(record, null as never), 'INVALID_INPUT', ['options']);
    expectLanewiseError(() => toOpen311(record, { timeZone: 'Mars/Base' }), 'INVALID_INPUT', [
      'options',
      'timeZone',
    ]);
    expectLanewiseError(() => fromOpen311(base, {} as never), 'INVALID_INPUT', [
      'options',
      'categories',
    ]);
    expectLanewiseError(() => fromOpen311(base, null as never), 'INVALID_INPUT', ['options']);
    expectLanewiseError(() => fromOpen311(null as never, { categories }), 'INVALID_INPUT');
    expectLanewiseError(() => open311Services(null as never), 'INVALID_RULES');
    expectLanewiseError(() => open311Services(RULES, null as never), 'INVALID_INPUT', ['options']);
    expectLanewiseError(() => open311Services(RULES, { locale: 5 } as never), 'INVALID_INPUT', [
      'options',
      'locale',
    ]);
  });

  it('accepts only decimal coordinates in range; absent stays absent', () => {
    for (const lat of ['', null, true, '0x10', '1e1', ' 5', 'NaN', 'Infinity', 91, '-90.5']) {
      expectLanewiseError(
        () => fromOpen311({ ...base, lat } as never, { categories }),
        'INVALID_INPUT',
        ['lat'],
      );
    }
    expectLanewiseError(
      () => fromOpen311({ ...base, long: '180.1' }, { categories }),
      'INVALID_INPUT',
      ['long'],
    );
    const parsed = fromOpen311({ ...base, lat: '-24.5', long: '+109.' }, { categories });
    assert.deepEqual(parsed.location, { lat: -24.5, lon: 109 });
    assert.equal(fromOpen311(base, { categories }).location, undefined);
  });

  it('reads category and attribute names as own keys only', () => {
    const { book } = makeBook();
    const record = book.open(intake({ category: 'constructor' }));
    const request = toOpen311(record, { serviceNames: { noise: '噪音' } });
    assert.equal(request.service_name, 'constructor');
    assert.equal(typeof request.service_name, 'string');
    const services = open311Services(RULES, { categories: ['toString'], serviceNames: {} });
    assert.equal(
      services.find((service) => service.service_code === 'toString')?.service_name,
      'toString',
    );
    const attribute = JSON.parse('{"__proto__": "x", "reports": 2}') as Record<string, string>;
    const input = fromOpen311({ ...base, attribute }, { categories });
    assert.deepEqual(Object.keys(input.attributes ?? {}), ['__proto__', 'reports']);
  });

  it('cuts a long title between characters, never inside an emoji', () => {
    const family = '👨‍👩‍👧';
    const description = `${'x'.repeat(78)}😀😀${family} and more`;
    const { title } = fromOpen311({ ...base, description }, { categories });
    assert.equal(title, `${'x'.repeat(78)}😀…`);
    const emojis = fromOpen311({ ...base, description: family.repeat(100) }, { categories }).title;
    assert.ok(
      !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(emojis),
    );
    assert.ok(emojis.startsWith(family) && emojis.endsWith('…'));
    assert.ok(emojis.length <= 500, 'within the title limit of a case');
    const { book } = makeBook({ start: '2025-03-03T21:45:00+08:00' });
    assert.ok(book.open(fromOpen311({ ...base, description: family.repeat(100) }, { categories })));
  });

  it('writes every instant with the offset of the zone', () => {
    const { book } = makeBook();
    const record = book.open(intake());
    const shanghai = toOpen311(record);
    assert.equal(shanghai.requested_datetime, '2025-01-24T09:00:00.000+08:00');
    const utcRecord = { ...record, receivedAt: '2025-01-24T01:00:00Z' };
    assert.equal(toOpen311(utcRecord).requested_datetime, '2025-01-24T09:00:00.000+08:00');
    const paris = toOpen311(record, { timeZone: 'Europe/Paris' });
    assert.equal(paris.requested_datetime, '2025-01-24T02:00:00.000+01:00');
  });
});
