// `npm run demo-data`: writes the example community's JSON into examples/data/, the documents
// the drop-in pages' `src` attributes point at. Each is exactly a core object's output:
// `snapshot()`, `events()` or `certificate()`, or the core's metrics of the case book.
import { writeFileSync, mkdirSync } from 'node:fs';
import { demoDocuments } from './demo/documents.js';
import { demoMetricDocuments } from './demo/metrics.js';

const folder = new URL('../examples/data/', import.meta.url);
mkdirSync(folder, { recursive: true });
const documents = { ...demoDocuments(), ...demoMetricDocuments() };
for (const [name, document] of Object.entries(documents)) {
  writeFileSync(new URL(name, folder), `${JSON.stringify(document)}\n`);
}
console.log(`${Object.keys(documents).length} files written to examples/data/`);
