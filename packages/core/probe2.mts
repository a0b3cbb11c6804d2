import fc from 'fast-check';
import { instantMs } from './src/metrics/instants.js';
import { instantSchema } from './src/schemas/index.js';
const part = (n: number) => fc.oneof(fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0')), fc.constantFrom('', 'x', '1', '99', '-1', '0000'));
const arb = fc.tuple(part(4), fc.constantFrom('-', '/'), fc.integer({min:0,max:13}).map(v=>String(v).padStart(2,'0')), fc.constantFrom('-'), fc.integer({min:0,max:32}).map(v=>String(v).padStart(2,'0')), fc.constantFrom('T','T',' ','t'), fc.integer({min:0,max:25}).map(v=>String(v).padStart(2,'0')), fc.constantFrom(':'), fc.integer({min:0,max:61}).map(v=>String(v).padStart(2,'0')), fc.constantFrom(':',':',''), fc.oneof(fc.integer({min:0,max:61}).map(v=>String(v).padStart(2,'0')), fc.constant('')), fc.constantFrom('', '.', '.1', '.12', '.123', '.1234', '.123456789', '.x'), fc.constantFrom('Z','z','+08:00','-05:30','+0800','+08','+24:00','-23:59','', '+08:60', 'ZZ')).map((p) => p.join(''));
let n=0, ok=0;
fc.assert(fc.property(arb, (s) => { n++; const z = instantSchema.safeParse(s).success; const expected = z ? Date.parse(s) : NaN; const got = instantMs(s); if (z) ok++; if (!Object.is(expected, got)) { console.log(s, z, expected, got); return false; } return true; }), { numRuns: 200000 });
console.log(n, ok);
const N=1_000_000; const base = Date.parse('2025-01-01T00:00:00Z');
const strs = Array.from({length:N},(_,i)=>new Date(base+i*30000).toISOString());
for (let r=0;r<3;r++){ let t=performance.now(); let s=0; for (const x of strs) s+=instantMs(x); console.log((performance.now()-t).toFixed(1), s>0);}
