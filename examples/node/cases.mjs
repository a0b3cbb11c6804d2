// The case life cycle on Liuzhou-style rules: intake, dispatch, handling, follow-up, closing,
// and the escalation of a late case across the 2025 Spring Festival.
//   npx rollup -c && node examples/node/cases.mjs
import { readFileSync } from 'node:fs';
import {
  cnCalendar,
  createCaseBook,
  fromOpen311,
  manualClock,
  open311Services,
  toOpen311,
} from '@lanewise/core';

const rules = JSON.parse(readFileSync(new URL('../rules/liuzhou.json', import.meta.url), 'utf8'));
const clock = manualClock('2025-01-24T09:00:00+08:00'); // Friday before the Spring Festival
const book = createCaseBook({ routing: rules, calendar: cnCalendar, now: clock.now });

// Intake at a station, on the hotline and through an Open311 app.
book.open({
  id: 'LZ-001',
  category: 'noise',
  title: '夜间KTV噪音',
  receivedAt: '2025-01-24T08:40:00+08:00',
  channel: 'hotline',
  attributes: { reports: 3 },
});
book.open({
  id: 'LZ-002',
  category: 'litter',
  title: '楼道堆放杂物',
  receivedAt: '2025-01-24T08:50:00+08:00',
  channel: 'station',
});
book.open(
  fromOpen311(
    {
      service_request_id: 'LZ-003',
      service_code: 'FAC-01',
      requested_datetime: '2025-01-24T08:55:00+08:00',
      description: '路灯不亮\n文昌路口两盏路灯已坏一周',
      address_string: '柳州市城中区文昌路',
    },
    { categories: { 'FAC-01': 'street-light' }, channel: 'app' },
  ),
);

console.log('Dispatched:');
console.table(
  book.list().map(({ id, tier, handlers, dueAt, ruleId, kind }) => ({
    id,
    tier,
    handlers: handlers.join(', '),
    due: cnCalendar.dayOf(dueAt),
    rule: ruleId ?? '(default)',
    kind,
  })),
);

// The litter case: done on the spot, the same morning.
clock.set('2025-01-24T10:00:00+08:00');
book.accept('LZ-002', { by: 'station-wang' });
book.act('LZ-002', {
  id: 'LZ-002-a1',
  kind: 'service',
  type: 'clean-up',
  by: 'station-wang',
  at: '2025-01-24T10:30:00+08:00',
});
book.resolve('LZ-002', { by: 'station-wang', outcome: 'resolved' });

// The noise case: mediated in the evening.
clock.set('2025-01-24T20:00:00+08:00');
book.accept('LZ-001', { by: 'squad-li' });
book.act('LZ-001', {
  id: 'LZ-001-a1',
  kind: 'manage',
  type: 'mediation',
  by: 'squad-li',
  at: '2025-01-24T20:30:00+08:00',
  note: '约定22点后停业',
});
clock.set('2025-01-24T21:00:00+08:00');
book.resolve('LZ-001', { by: 'squad-li', outcome: 'mediated' });

// Follow-up calls the next day (a Saturday): the litter case is closed; the noise case is
// not satisfied, so it is redone with a fresh deadline (01-26 is a make-up working Sunday).
clock.set('2025-01-25T09:00:00+08:00');
book.followUp('LZ-002', { rating: 'satisfied', at: '2025-01-25T09:00:00+08:00' });
book.close('LZ-002');
clock.set('2025-01-25T10:00:00+08:00');
const reopened = book.followUp('LZ-001', {
  rating: 'unsatisfied',
  comment: '仍然很吵',
  at: '2025-01-25T10:00:00+08:00',
});
console.log(
  `\nLZ-001 reopened (${reopened.reopenedCount}x): ${reopened.status}, new due day ${cnCalendar.dayOf(reopened.dueAt)}`,
);

// The street light is forgotten, and the noise case is late again: review chases both the
// day after their deadline, then gives notice 5 working days later.
for (const day of ['2025-02-06T09:00:00+08:00', '2025-02-12T09:00:00+08:00']) {
  for (const entry of book.review(day)) {
    console.log(
      `${cnCalendar.dayOf(day)} review: ${entry.step} ${entry.caseId} (due ${cnCalendar.dayOf(entry.dueAt)})`,
    );
  }
}

console.log('\nAs Open311 service requests:');
console.table(
  book.list().map((record) => {
    const request = toOpen311(record, { categories: { 'FAC-01': 'street-light' } });
    return {
      id: request.service_request_id,
      code: request.service_code,
      status: request.status,
      expected: request.expected_datetime,
    };
  }),
);
console.log('Services:', open311Services(rules, { locale: 'en' }).length, 'categories');

// The log rebuilds the same book.
const replayed = createCaseBook({
  routing: rules,
  calendar: cnCalendar,
  now: clock.now,
  events: book.events(),
});
console.log(
  `\n${book.events().length} events; replay equal: ${JSON.stringify(replayed.list()) === JSON.stringify(book.list())}`,
);
