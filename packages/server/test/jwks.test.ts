// Tokens of an identity provider: checked against the keys its JWKS URL publishes (served here
// on loopback), with the same claims; a token signed by another key is refused.
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type LanewiseServer } from '../src/index.js';
import { call, COMMUNITY } from './helpers.js';

describe('tokens checked against a JWKS URL', () => {
  const http = createHttpServer();
  let server: LanewiseServer;
  let sign: (claims: Record<string, string>, own?: boolean) => Promise<string>;

  before(async () => {
    const provider = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    http.on('request', (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    server = await createServer({
      database: { pglite: {} },
      auth: { jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: 'https://id.example' },
    });
    sign = ({ sub, ...claims }, own = true) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(sub!)
        .setIssuer('https://id.example')
        .setExpirationTime('1h')
        .sign(own ? provider.privateKey : stranger.privateKey);
  });
  after(async () => {
    await server.close();
    http.close();
  });

  test('a provider token is accepted; a stranger’s key, an unknown role or HS256 is not', async () => {
    const claims = { sub: 'org-wang', role: 'organizer', community: COMMUNITY };
    const path = `/communities/${COMMUNITY}/hours`;
    assert.equal((await call(server, 'GET', path, { token: await sign(claims) })).status, 200);
    assert.equal(
      (await call(server, 'GET', path, { token: await sign(claims, false) })).status,
      401,
    );
    assert.equal(
      (await call(server, 'GET', path, { token: await sign({ ...claims, role: 'mayor' }) })).status,
      401,
    );
    const hs = await new SignJWT({ role: 'admin', community: COMMUNITY })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('https://id.example')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a'.repeat(40)));
    assert.equal((await call(server, 'GET', path, { token: hs })).status, 401);
  });
});
