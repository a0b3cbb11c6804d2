import { ratio721 } from './src/metrics/ratio721.js';
import { instantMs } from './src/metrics/instants.js';
const N = 1_000_000;
const kinds = ['service', 'manage', 'enforce'] as const;
const base = Date.parse('2025-01-01T00:00:00Z');
const actions = Array.from({ length: N }, (_, i) => ({ at: new Date(base + i * 30_000).toISOString(), kind: kinds[i % 3]!, unit: `u${i % 20}` }));
for (let r = 0; r < 5; r++) {
  let t = performance.now(); const res = ratio721(actions); const a = performance.now() - t;
  t = performance.now(); let bad = 0; for (const x of actions) if (Number.isNaN(instantMs(x.at))) bad++; const b = performance.now() - t;
  t = performance.now(); const g = ratio721(actions, { groupBy: 'month' }); const c = performance.now() - t;
  t = performance.now(); const g2 = ratio721(actions, { groupBy: 'unit' }); const d = performance.now() - t;
  console.log(a.toFixed(1), b.toFixed(1), c.toFixed(1), d.toFixed(1), res.total, g.length, g2.length, bad);
}
