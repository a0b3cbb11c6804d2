// PGlite in a thread of its own: Postgres compiled to WebAssembly runs each statement to the end
// without yielding (an fsync included), so in the server's thread it would stall every
// request, reads served from memory among them. This thread owns the database and answers one
// message at a time, in the order they come; the server's side (`pglite.ts`) keeps the queue.
// Plain JavaScript, so that it loads in a worker without the server's TypeScript hooks.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite | undefined} */
let db;

/** What a database error carries across threads: its message and PostgreSQL's fields. */
function plainError(error) {
  const fields = { message: String(error?.message ?? error), name: error?.name ?? 'Error' };
  for (const key of ['code', 'detail', 'constraint', 'table', 'severity', 'position']) {
    if (error?.[key] !== undefined) fields[key] = error[key];
  }
  return fields;
}

async function answer(message) {
  switch (message.op) {
    case 'open':
      db =
        message.dataDir === undefined
          ? new PGlite()
          : new PGlite({ dataDir: message.dataDir, startParams: message.startParams });
      await db.waitReady;
      return [];
    case 'query':
      return (await db.query(message.sql, message.params)).rows;
    case 'exec':
      await db.exec(message.sql);
      return [];
    case 'close':
      await db?.close();
      return [];
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

// One message at a time, in arrival order, even if the other side sent the next one early.
let turn = Promise.resolve();
parentPort.on('message', (message) => {
  turn = turn.then(async () => {
    try {
      parentPort.postMessage({ id: message.id, ok: true, rows: await answer(message) });
    } catch (error) {
      parentPort.postMessage({ id: message.id, ok: false, error: plainError(error) });
    }
  });
});
