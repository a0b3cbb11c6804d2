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

console.log('Cases as dispatched at intake (one row per case):');
console.table(
  book.list().map(({ id, tier, handlers, dueAt, ruleId, kind }) => ({
    case: id,
    tier,
    handlers: handlers.join(', '),
    'due (local day)': cnCalendar.dayOf(dueAt),
    'due (instant)': dueAt,
    'routing rule': ruleId ?? '(default)',
    'counts as (721)': kind,
  })),
);

// The litter case: done on the spot, the same morning. Each action is logged once it has
// happened: the book refuses times after its clock.
clock.set('2025-01-24T10:00:00+08:00');
book.accept('LZ-002', { by: 'station-wang' });
clock.set('2025-01-24T10:30:00+08:00');
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
clock.set('2025-01-24T20:30:00+08:00');
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
  `\nLZ-001 after the unsatisfied follow-up: status ${reopened.status}, ` +
    `times reopened ${reopened.reopenedCount}, new due day ${cnCalendar.dayOf(reopened.dueAt)}`,
);

// The street light is forgotten, and the noise case is late again: review chases both the
// day after their deadline, then gives notice 5 working days later.
for (const day of ['2025-02-06T09:00:00+08:00', '2025-02-12T09:00:00+08:00']) {
  for (const entry of book.review(day)) {
    console.log(
      `review of ${cnCalendar.dayOf(day)}: ${entry.step} for ${entry.caseId} ` +
        `(missed due day ${cnCalendar.dayOf(entry.dueAt)}, deadline round ${entry.round})`,
    );
  }
}

console.log('\nThe cases as Open311 service requests (one row per case):');
console.table(
  book.list().map((record) => {
    const request = toOpen311(record, { categories: { 'FAC-01': 'street-light' } });
    return {
      'request id': request.service_request_id,
      'service code': request.service_code,
      status: request.status,
      'expected (due) at': request.expected_datetime,
    };
  }),
);
console.log(
  `Open311 service list of the rules: ${open311Services(rules, { locale: 'en' }).length} services (one per category)`,
);

// The log rebuilds the same book.
const replayed = createCaseBook({
  routing: rules,
  calendar: cnCalendar,
  now: clock.now,
  events: book.events(),
});
console.log(
  `\nevents in the log: ${book.events().length}; ` +
    `the replayed book equals the live one: ${JSON.stringify(replayed.list()) === JSON.stringify(book.list())}`,
);
