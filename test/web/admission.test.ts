import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Hono } from 'hono';
import { type AdmissionLimits, admission, admissionClass } from '../../src/web/admission.ts';
import { createApp } from '../../src/web/app.tsx';
import type { AppEnv } from '../../src/web/env.ts';
import { describeEachDatabase } from '../support/databases.ts';

const roomy = { concurrency: 8, queue: 8 };

/** A small app behind the real middleware whose POST handler waits until `open()`. */
function gatedApp(limits: AdmissionLimits) {
  let open = () => {};
  let entered = 0;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const app = new Hono<AppEnv>();
  app.use(admission(limits));
  app.post('/a/x/apply', async (c) => {
    entered++;
    await gate;
    return c.text('已提交');
  });
  app.get('/a/x', (c) => c.text('公开'));
  app.get('/static/site.css', (c) => c.text('css'));
  app.get('/admin/x', (c) => c.text('后台'));
  app.get('/healthz', (c) => c.text('ok'));
  return { app, open, entered: () => entered };
}

describe('admission', () => {
  test('requests are classed by path and method', () => {
    assert.equal(admissionClass('GET', '/static/site.css'), 'static');
    assert.equal(admissionClass('GET', '/admin/xiangtan-xfj/cases'), 'staff');
    assert.equal(admissionClass('POST', '/login'), 'staff');
    // The form of a public write belongs to the write: a burst of applicants stays in that class.
    assert.equal(admissionClass('GET', '/a/xiangtan-xfj/apply'), 'publicWrite');
    assert.equal(admissionClass('GET', '/a/xiangtan-xfj/petition'), 'publicWrite');
    assert.equal(admissionClass('GET', '/a/xiangtan-xfj/apply/receipt/abc'), 'publicRead');
    assert.equal(admissionClass('GET', '/a/xiangtan-xfj/catalog'), 'publicRead');
    assert.equal(admissionClass('POST', '/a/xiangtan-xfj/apply'), 'publicWrite');
  });

  test('a full class answers 503 with Retry-After at once; the other classes are still served', async () => {
    const limits = {
      static: roomy,
      publicRead: roomy,
      staff: roomy,
      publicWrite: { concurrency: 1, queue: 1 },
    };
    const { app, open, entered } = gatedApp(limits);
    const first = app.request('/a/x/apply', { method: 'POST' });
    while (entered() === 0) await delay(5);
    const second = app.request('/a/x/apply', { method: 'POST' });
    const third = await app.request('/a/x/apply', { method: 'POST' });
    assert.equal(third.status, 503);
    assert.equal(third.headers.get('retry-after'), '5');
    assert.match(await third.text(), /服务器繁忙[\s\S]*请约 5 秒后再试/);
    for (const path of ['/a/x', '/static/site.css', '/admin/x', '/healthz'])
      assert.equal((await app.request(path)).status, 200, path);
    assert.equal(entered(), 1, 'the queued write waits for the slot');
    open();
    assert.equal((await first).status, 200);
    assert.equal((await second).status, 200);
    assert.equal(entered(), 2);
  });
});

describeEachDatabase('admission in the app', (database) => {
  test('a class with no room gets the Chinese 503 page; static files and /healthz still answer', async () => {
    const closed = { concurrency: 0, queue: 0 };
    const app = createApp({
      database: database(),
      secret: 'test-secret',
      admissionLimits: { static: roomy, staff: roomy, publicRead: closed, publicWrite: closed },
    });
    const page = await app.request('/');
    assert.equal(page.status, 503);
    assert.equal(page.headers.get('retry-after'), '5');
    assert.match(await page.text(), /<!DOCTYPE html><html lang="zh-CN">[\s\S]*服务器繁忙/);
    assert.equal((await app.request('/static/site.css')).status, 200);
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
  });
});
