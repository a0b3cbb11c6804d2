// A station's dashboard: one case book rebuilt from the example station's log, shared by every
// widget through one provider, with the routing rules beside it.
import { cnCalendar } from '@lanewise/core/calendar';
import { createCaseBook } from '@lanewise/core/cases';
import '@lanewise/elements';

const status = document.getElementById('status');
const [events, rules] = await Promise.all(
  ['../data/case-events.json', '../rules/liuzhou.json'].map(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }),
);
const book = createCaseBook({
  routing: rules,
  calendar: cnCalendar,
  now: () => new Date(),
  events,
});
status.textContent = `已从 ${events.length.toLocaleString('zh-CN')} 条事件重建案件簿，共 ${book
  .list()
  .length.toLocaleString('zh-CN')} 件。`;
const provider = document.getElementById('provider');
provider.rules = rules;
provider.book = book;
globalThis.book = book;
