/**
 * Login throttling per (user name, client address) with atomic counters, the same work for unknown
 * user names, and a fresh session id and CSRF token at login and logout (issue 13, points 4 and 8).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { listAudit } from '../../src/db/audit.ts';
import { passwordChecks } from '../../src/db/passwords.ts';
import { findSessionUser } from '../../src/db/sessions.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { createApp } from '../../src/web/app.tsx';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

process.env.GONGKAI_TRUST_PROXY = '1';

let ipCounter = 0;
const freshIp = () => `10.13.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

/** Opens the login form and posts one login from `ip`. */
async function loginFrom(client: TestClient, ip: string, username: string, password: string) {
  if (!client.csrf) await client.get('/admin/login');
  const body = new URLSearchParams({ _csrf: client.csrf, username, password });
  return client.request('/admin/login', {
    method: 'POST',
    headers: { 'x-forwarded-for': ip, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

const cookieValue = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    .slice(name.length + 1);

describeEachDatabase(
  'login throttling',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    before(async () => {
      app = await demoApp(database());
    });

    test('60 parallel wrong passwords from one address get exactly 5 checks, through two web apps', async () => {
      // Two app instances on one database stand for two web processes behind a proxy.
      const apps = [app, createApp({ database: database(), secret: 'test-secret' })];
      const clients = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const client = new TestClient(apps[i % 2]);
          await client.get('/admin/login');
          return client;
        }),
      );
      const ip = freshIp();
      const before = passwordChecks();
      const statuses = await Promise.all(
        clients.map((client) => loginFrom(client, ip, 'xfj-reviewer', 'wrong')),
      ).then((all) => all.map((res) => res.status));
      assert.equal(passwordChecks() - before, 5, 'argon2 checks');
      assert.equal(statuses.filter((s) => s === 401).length, 5);
      assert.equal(statuses.filter((s) => s === 429).length, 55);
    });

    test('a locked (user, address) pair does not lock the real user out from another address', async () => {
      const attacker = new TestClient(app);
      const attackerIp = freshIp();
      for (let i = 0; i < 5; i++) {
        const res = await loginFrom(attacker, attackerIp, 'xfj-handler', `guess${i}`);
        assert.equal(res.status, 401);
      }
      const locked = await loginFrom(attacker, attackerIp, 'xfj-handler', demoPassword);
      assert.equal(
        locked.status,
        429,
        'the attacker’s pair is locked, even for the right password',
      );
      assert.match(await locked.text(), /登录失败次数过多，请 1 分钟后再试/);
      const real = await loginFrom(new TestClient(app), freshIp(), 'xfj-handler', demoPassword);
      assert.equal(real.status, 303, 'the real user signs in from their own address');
      const other = await loginFrom(new TestClient(app), attackerIp, 'xfj-office', demoPassword);
      assert.equal(other.status, 303, 'another user behind the attacker’s address is not locked');
      const throttled = await listAudit(database().db, { action: 'login.throttled' });
      assert.ok(throttled.some((row) => row.target === 'xfj-handler' && row.ip === attackerIp));
    });

    test('a successful login clears its pair and gives its attempt back to the address', async () => {
      const ip = freshIp();
      const client = new TestClient(app);
      for (let i = 0; i < 4; i++)
        assert.equal((await loginFrom(client, ip, 'xfj-auditor', 'wrong')).status, 401);
      assert.equal((await loginFrom(client, ip, 'xfj-auditor', demoPassword)).status, 303);
      const again = new TestClient(app);
      for (let i = 0; i < 4; i++)
        assert.equal((await loginFrom(again, ip, 'xfj-auditor', 'wrong')).status, 401);
    });

    test('an unknown user name costs one argon2 check like a known one and gets the same answer', async () => {
      const answers: string[] = [];
      for (const username of ['xfj-drafter', 'no-such-user']) {
        const client = new TestClient(app);
        const before = passwordChecks();
        const res = await loginFrom(client, freshIp(), username, 'wrong');
        assert.equal(passwordChecks() - before, 1, `${username}: one check`);
        assert.equal(res.status, 401);
        const text = await res.text();
        answers.push(
          text.replace(/value="[^"]*"/g, 'value=""').replace(/name="username"[^>]*>/, ''),
        );
      }
      assert.equal(answers[0], answers[1], 'the page does not tell unknown names apart');
    });

    test('login issues a new session id and CSRF token; the old ones stop working', async () => {
      const client = new TestClient(app);
      await client.get('/admin/login');
      const tokenBefore = client.csrf;
      const first = await loginFrom(client, freshIp(), 'xfj-office', demoPassword);
      assert.equal(first.status, 303);
      const firstSession = cookieValue(first, 'gk_session');
      assert.ok(firstSession && cookieValue(first, 'gk_csrf'), 'both cookies are set anew');
      const page = await client.get('/admin/xiangtan-xfj');
      assert.equal(page.status, 200);
      assert.notEqual(client.csrf, tokenBefore, 'the pages carry a new CSRF token');
      const stale = await client.post('/admin/logout', { _csrf: tokenBefore });
      assert.equal(stale.status, 403, 'the token from before the login is refused');

      // Signing in again over a live session replaces it (no session fixation).
      const second = await loginFrom(client, freshIp(), 'xfj-office', demoPassword);
      assert.equal(second.status, 303);
      assert.notEqual(cookieValue(second, 'gk_session'), firstSession);
      assert.equal(await findSessionUser(database().db, firstSession), undefined);

      await client.get('/admin/xiangtan-xfj');
      const tokenInSession = client.csrf;
      const logout = await client.post('/admin/logout', {});
      assert.equal(logout.status, 303);
      assert.ok(cookieValue(logout, 'gk_csrf'), 'logout sets a new CSRF cookie');
      await client.get('/admin/login');
      assert.notEqual(client.csrf, tokenInSession, 'and the login form a new token');
      const replay = await client.post('/admin/logout', { _csrf: tokenInSession });
      assert.equal(replay.status, 403, 'the signed-in token is refused after logout');
    });
  },
  { demo: true },
);
