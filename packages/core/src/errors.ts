// The errors module lives in errors/; this file keeps the older import path working.
export * from './errors/index.js';
