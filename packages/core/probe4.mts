import { ratio721 } from './src/metrics/index.js';
const at = '2025-06-01T10:00:00+08:00';
console.log('a');
console.log(ratio721([{ at, kind: 'service', weight: 251 }]).serviceNeeded);
const target = { service: 0.5, manage: 0.3, enforce: 0.2 };
console.log(ratio721([{at, kind:'service'}], { target, tolerance: 0.01 }).status);
console.log(ratio721([{at, kind:'enforce'}], { target: {service: 0.99, manage: 0.01, enforce: 0} }).serviceNeeded);
