#!/usr/bin/env node
// Runs the TypeScript sources through tsx, with the core resolved to its sources too (the
// `source` export condition), so that the server needs no build step.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const withSource = `export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes('source') ? context.conditions : [...context.conditions, 'source'];
  return next(specifier, { ...context, conditions });
}`;
register(`data:text/javascript,${encodeURIComponent(withSource)}`);
registerTsx();
await import('../src/cli.ts');
