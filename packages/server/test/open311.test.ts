// Open311 GeoReport v2: the services of the rules, a request posted form-encoded with an
// api_key, read back alone and in the filtered list, in JSON and in XML.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LanewiseServer } from '../src/index.js';
import { backends, COMMUNITY, startServer, tokenFor } from './helpers.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

for (const backend of backends()) {
  describe(`Open311 on ${backend.name}`, () => {
    let server: LanewiseServer;
    const get = async (path: string) => {
      const response = await server.fetch(new Request(`http://lanewise.test/open311/v2/${path}`));
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
    };
    const post = async (path: string, body: string, type = 'application/x-www-form-urlencoded') => {
      const response = await server.fetch(
        new Request(`http://lanewise.test/open311/v2/${path}`, {
          method: 'POST',
          headers: { 'content-type': type },
          body,
        }),
      );
      return { status: response.status, text: await response.text() };
    };
    before(async () => {
      ({ server } = await startServer(await backend.database()));
    });
    after(async () => {
      await server.close();
      await backend.cleanup();
    });

    test('services.json lists the categories the rules test; a service definition by code', async () => {
      const services = await get(`services.json?jurisdiction_id=${COMMUNITY}`);
      assert.equal(services.status, 200);
      const codes = JSON.parse(services.text).map((s: { service_code: string }) => s.service_code);
      assert.ok(codes.includes('noise') && codes.includes('litter'), codes.join());
      const one = await get(`services/noise.json?jurisdiction_id=${COMMUNITY}`);
      assert.equal(one.status, 200);
      assert.equal(JSON.parse(one.text)[0].service_code, 'noise');
      assert.equal(
        (await get(`services/unheard-of.json?jurisdiction_id=${COMMUNITY}`)).status,
        404,
      );
      const xml = await get(`services.xml?jurisdiction_id=${COMMUNITY}`);
      assert.match(xml.type, /application\/xml/);
      assert.match(xml.text, /^<\?xml[^>]*\?><services><service><service_code>/);
    });

    test('a request posted with an api_key comes back by id and in the filtered list', async () => {
      const apiKey = await tokenFor('resident', 'r-chen');
      const fields = {
        api_key: apiKey,
        jurisdiction_id: COMMUNITY,
        service_code: 'noise',
        description: '楼上深夜噪音',
        address_string: '华安社区 3 栋',
        lat: '39.9',
        long: '116.4',
        'attribute[floor]': '5',
      };
      const created = await post('requests.json', form(fields));
      assert.equal(created.status, 201, created.text);
      const [{ service_request_id: id }] = JSON.parse(created.text);
      assert.ok(id);

      const one = await get(`requests/${id}.json?jurisdiction_id=${COMMUNITY}`);
      assert.equal(one.status, 200);
      const [request] = JSON.parse(one.text);
      assert.equal(request.service_code, 'noise');
      assert.equal(request.status, 'open');
      assert.equal(request.description, '楼上深夜噪音');
      const record = await server.registry.read(COMMUNITY, (c) => c.cases.get(id));
      assert.equal(record?.reporter?.id, 'r-chen');
      assert.equal(record?.channel, 'open311');

      const listed = await get(
        `requests.json?jurisdiction_id=${COMMUNITY}&status=open&service_code=noise`,
      );
      assert.deepEqual(
        JSON.parse(listed.text).map((r: { service_request_id: string }) => r.service_request_id),
        [id],
      );
      const none = await get(`requests.json?jurisdiction_id=${COMMUNITY}&status=closed`);
      assert.deepEqual(JSON.parse(none.text), []);
      const xml = await get(`requests/${id}.xml?jurisdiction_id=${COMMUNITY}`);
      assert.match(
        xml.text,
        new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id>`),
      );
    });

    test('errors are GeoReport error lists, and nothing is stored', async () => {
      const before = (await server.store.read(COMMUNITY, 'cases')).length;
      const noKey = await post(
        'requests.json',
        form({ service_code: 'noise', description: 'x', jurisdiction_id: COMMUNITY }),
      );
      assert.equal(noKey.status, 401);
      assert.equal(JSON.parse(noKey.text)[0].code, 401);
      const otherCommunity = await post(
        'requests.json',
        form({
          api_key: await tokenFor('resident', 'r', 'elsewhere'),
          jurisdiction_id: COMMUNITY,
          service_code: 'noise',
          description: 'x',
        }),
      );
      assert.equal(otherCommunity.status, 403);
      const unknownService = await post(
        'requests.json',
        form({
          api_key: await tokenFor('resident'),
          jurisdiction_id: COMMUNITY,
          service_code: 'nope',
          description: 'x',
        }),
      );
      assert.equal(unknownService.status, 400);
      const json = await post('requests.json', '{}', 'application/json');
      assert.equal(json.status, 415);
      assert.equal((await get('requests.json')).status, 400);
      assert.equal((await get('requests.json?jurisdiction_id=..%2Fx')).status, 404);
      assert.equal((await server.store.read(COMMUNITY, 'cases')).length, before);
    });
  });
}
