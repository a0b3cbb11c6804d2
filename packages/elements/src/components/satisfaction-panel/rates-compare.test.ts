import { expect } from '@open-wc/testing';
import { compareRates, type CaseRateFigures, type TrendPoint } from '@lanewise/core/metrics';
import { comparePeriods, periodCounts, quarterOf } from './rates-compare.js';
import { axisStart, onAxis } from './rates-chart.js';

const reportUrl = new URL('./fixtures/rates-report.json', import.meta.url).href;
const months = async () =>
  ((await (await fetch(reportUrl)).json()) as { byMonth: TrendPoint<CaseRateFigures>[] }).byMonth;

describe('satisfaction-panel helpers', () => {
  it('sum the months into quarters, every rate’s successes and n', async () => {
    const quarters = periodCounts(await months(), 'quarter');
    expect(quarters.map((quarter) => quarter.key)).to.deep.equal(['2026-Q3', '2026-Q4']);
    expect(quarters[0]!.months).to.deep.equal(['2026-08', '2026-09']);
    expect(quarters[1]!.counts.satisfaction).to.deep.equal({ successes: 67, n: 68 });
    expect(quarters[1]!.counts.response).to.deep.equal({ successes: 80, n: 80 });
    expect(quarterOf('2026-12')).to.equal('2026-Q4');
    expect(quarterOf('not a month')).to.equal('not a month');
  });

  it('compare the latest period with the one before through the core’s compareRates', async () => {
    const byMonth = await months();
    const byMonthResult = comparePeriods(byMonth, 'month')!;
    expect(byMonthResult.current.key).to.equal('2026-11');
    expect(byMonthResult.previous.key).to.equal('2026-10');
    expect(byMonthResult.changes.satisfaction).to.deep.equal(
      compareRates({ successes: 24, n: 25 }, { successes: 43, n: 43 }),
    );
    const byQuarter = comparePeriods(byMonth, 'quarter')!;
    expect(byQuarter.changes.onTime).to.deep.equal(
      compareRates({ successes: 64, n: 67 }, { successes: 78, n: 80 }),
    );
    expect(comparePeriods(byMonth.slice(0, 1), 'month')).to.equal(undefined);
  });

  it('leave out a trailing month with no case, so a month just begun is not compared', async () => {
    const byMonth = await months();
    const zero = { successes: 0, n: 0, rate: 0, interval: [0, 1], confidence: 0.95 };
    const december = {
      key: '2026-12',
      from: '2026-12-01T00:00:00.000+08:00',
      to: '2027-01-01T00:00:00.000+08:00',
      value: {
        ...byMonth.at(-1)!.value,
        satisfaction: zero,
        onTime: zero,
        resolution: zero,
        response: zero,
      },
    } as unknown as TrendPoint<CaseRateFigures>;
    const result = comparePeriods([...byMonth, december], 'month')!;
    expect([result.current.key, result.previous.key]).to.deep.equal(['2026-11', '2026-10']);
    // A month with even one case counts as the latest.
    const one = { ...zero, n: 1 };
    const started = {
      ...december,
      value: { ...december.value, response: one },
    } as unknown as typeof december;
    expect(comparePeriods([...byMonth, started], 'month')!.current.key).to.equal('2026-12');
  });

  it('start a rate axis at the lowest value floored to 5%, never below 0', () => {
    expect(axisStart([0.9656, 0.9186, 0.9915])).to.equal(0.9);
    expect(axisStart([0.9])).to.equal(0.85);
    expect(axisStart([0.02])).to.equal(0);
    expect(axisStart([])).to.equal(0);
    expect(axisStart([1])).to.equal(0.95);
    expect(onAxis(0.95, 0.9)).to.be.closeTo(50, 1e-9);
  });
});
