import * as m from './src/metrics/index.js';
const at = '2025-12-31T12:00:00+08:00';
const r = m.ratio721([{ at, kind: 'service', weight: 251 + 146 + 184 }, { at, kind: 'manage', weight: 65 }, { at, kind: 'enforce', weight: 3362 }]);
console.log(r);
console.log(m.wilsonInterval(18, 20), m.wilsonInterval(0, 10), m.rateEstimate(1633, 1640));
for (const [a,b,c,d] of [[56,70,48,80],[9,10,3,10],[6,7,2,7],[5,56,0,29],[0,10,0,20],[0,10,0,10],[10,10,0,20],[10,10,0,10]]) console.log(a,b,c,d, m.compareRates({successes:a,n:b},{successes:c,n:d}).interval.map(x=>x.toFixed(4)));
console.log(m.satisfaction([{ score: 10 }, { score: 9 }, { score: 3 }], { scale: 'nps' }));
