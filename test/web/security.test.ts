import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { listAudit } from '../../src/db/audit.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase(
  'web security',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    before(async () => {
      app = await demoApp(database());
    });

    test('a form POST without a valid CSRF token is rejected with 403 in Chinese', async () => {
      const client = new TestClient(app);
      await client.get('/admin/login');
      for (const token of [null, 'forged-token']) {
        const res = await client.post('/admin/login', {
          username: 'xfj-office',
          password: demoPassword,
          _csrf: token,
        });
        assert.equal(res.status, 403);
        assert.match(await res.text(), /表单校验失败/);
      }
      // A token from another browser does not fit this browser's cookie either.
      const other = new TestClient(app);
      await other.get('/admin/login');
      const res = await client.post('/admin/login', {
        username: 'xfj-office',
        password: demoPassword,
        _csrf: other.csrf,
      });
      assert.equal(res.status, 403);
    });

    test('the right password signs in, sets an httpOnly SameSite cookie and writes audit_log', async () => {
      const client = new TestClient(app);
      await client.get('/admin/login');
      const res = await client.post('/admin/login', {
        username: 'xfj-office',
        password: demoPassword,
      });
      assert.equal(res.status, 303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gk_session='));
      assert.ok(cookie, 'session cookie set');
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      const logins = await listAudit(database().db, { action: 'login' });
      assert.ok(logins.some((row) => row.target === 'xfj-office' && row.userId !== null));
      const dashboard = await client.get('/admin/xiangtan-xfj');
      assert.equal(dashboard.status, 200);
      assert.match(await dashboard.text(), /湘潭县信访局 · 工作台/);
    });

    test('a wrong password is rejected, and throttled after repeated failures', async () => {
      const client = new TestClient(app);
      await client.get('/admin/login');
      for (let i = 0; i < 5; i++) {
        const res = await client.post('/admin/login', {
          username: 'xfj-drafter',
          password: 'wrong',
        });
        assert.equal(res.status, 401);
        assert.match(await res.text(), /用户名或密码错误/);
      }
      const locked = await client.post('/admin/login', {
        username: 'xfj-drafter',
        password: demoPassword,
      });
      assert.equal(locked.status, 429, 'even the right password is refused while locked');
      assert.match(await locked.text(), /登录失败次数过多/);
      const failures = await listAudit(database().db, { action: 'login.failed' });
      assert.ok(failures.filter((row) => row.target === 'xfj-drafter').length >= 5);
    });

    test("a user of one agency gets 403 on another agency's admin pages", async () => {
      const client = new TestClient(app);
      const res = await client.login('xfj-handler', demoPassword);
      assert.equal(res.status, 303);
      assert.equal((await client.get('/admin/xiangtan-xfj')).status, 200);
      const other = await client.get('/admin/xiangtan');
      assert.equal(other.status, 403);
      assert.match(await other.text(), /无权访问/);
    });

    test('the county supervisor may open a member agency', async () => {
      const client = new TestClient(app);
      await client.login('xt-supervisor', demoPassword);
      assert.equal((await client.get('/admin/xiangtan')).status, 200);
      assert.equal((await client.get('/admin/xiangtan-xfj')).status, 200);
    });

    test('admin pages redirect anonymous visitors to the login form', async () => {
      const res = await new TestClient(app).get('/admin/xiangtan-xfj');
      assert.equal(res.status, 302);
      assert.match(res.headers.get('location') ?? '', /^\/admin\/login\?next=/);
    });

    test('logout ends the session', async () => {
      const client = new TestClient(app);
      await client.login('xfj-office', demoPassword);
      await client.get('/admin/xiangtan-xfj');
      assert.equal((await client.post('/admin/logout', {})).status, 303);
      assert.equal((await client.get('/admin/xiangtan-xfj')).status, 302);
    });

    test('pages carry the security headers', async () => {
      const res = await app.request('/');
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    });
  },
  { demo: true },
);
