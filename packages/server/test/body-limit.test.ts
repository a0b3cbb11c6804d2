// The body limit over real HTTP: a declared length past it is refused from the header, a
// chunked body past it while it streams; a body within it goes through; nothing too large is
// stored, and the server keeps serving.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { LanewiseServer } from '../src/index.js';
import { COMMUNITY, newCase, startServer, tokenFor } from './helpers.js';

/** A POST whose body is sent in `chunks` (chunked unless `length` is declared). */
function post(
  url: string,
  path: string,
  token: string,
  chunks: string[],
  length?: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    };
    if (length !== undefined) headers['content-length'] = String(length);
    const req = request(`${url}${path}`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent.
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('the body limit over HTTP', () => {
  let server: LanewiseServer;
  let url: string;
  let token: string;
  before(async () => {
    server = (await startServer({ pglite: {} }, { maxBodyBytes: 2048 })).server;
    url = await server.listen(0);
    token = await tokenFor('station', 'station-zhou', COMMUNITY, 'huana-station');
  });
  after(() => server.close());

  test('declared, chunked, and within the limit', async () => {
    const path = `/communities/${COMMUNITY}/cases`;
    const big = JSON.stringify({ ...newCase('big'), description: 'x'.repeat(4000) });
    const declared = await post(url, path, token, [big], Buffer.byteLength(big));
    assert.equal(declared.status, 413);
    assert.equal(JSON.parse(declared.body).error.code, 'PAYLOAD_TOO_LARGE');
    const chunked = await post(url, path, token, [big.slice(0, 1500), big.slice(1500)]);
    assert.equal(chunked.status, 413);
    const small = JSON.stringify(newCase('small'));
    const fits = await post(url, path, token, [small], Buffer.byteLength(small));
    assert.equal(fits.status, 201, fits.body);
    const fitsChunked = await post(url, path, token, [
      JSON.stringify(newCase('small-2')).slice(0, 20),
      JSON.stringify(newCase('small-2')).slice(20),
    ]);
    assert.equal(fitsChunked.status, 201, fitsChunked.body);
    const ids = (await server.store.read(COMMUNITY, 'cases')).map(
      (e) => (e.data as { intake: { id: string } }).intake.id,
    );
    assert.deepEqual(ids, ['small', 'small-2']);
  });
});
