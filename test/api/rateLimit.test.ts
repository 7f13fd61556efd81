import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { apiRoutes } from '../../src/web/api/routes.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { Contract, getJson } from './contract.ts';

describeEachDatabase('open data API rate limit', (getDatabase) => {
  test('past the limit a client gets 429 with Retry-After; another address is still served', async () => {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('database', getDatabase());
      c.set('clientIp', c.req.header('x-test-ip') ?? '192.0.2.1');
      await next();
    });
    app.route('/api', apiRoutes({ rateLimit: { limit: 3, windowMs: 60_000 } }));
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    const contract = new Contract(doc as ConstructorParameters<typeof Contract>[0]);
    for (let i = 0; i < 2; i++)
      assert.equal((await getJson(app, contract, '/api/v1/agencies')).status, 200);
    const limited = await getJson(app, contract, '/api/v1/agencies');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(limited.headers.get('cache-control'), 'no-store');
    assert.equal(limited.body.error.code, 'api.rate-limited');
    assert.match(limited.body.error.message, /请60秒后再试/);
    const other = await getJson(app, contract, '/api/v1/agencies', { 'x-test-ip': '192.0.2.2' });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('x-ratelimit-remaining'), '2');
  });
});
