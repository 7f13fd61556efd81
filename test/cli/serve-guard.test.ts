/**
 * From trial to deployment (issue 13, point 3): `serve` on a reachable host refuses to start while
 * any account has the published demo password; `user passwd` fixes that; a deployment without the
 * demo data (`agency add`, `user add`) serves on every interface.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import {
  demoDataDir,
  gongkai,
  gongkaiBin,
  gongkaiInProcess,
  gongkaiServer,
  tempDataDir,
} from '../support/cli.ts';

const quick = { GONGKAI_PGLITE_FSYNC: 'off' };

/** Runs `gongkai args…` with `input` on stdin (not a terminal). */
function gongkaiWithInput(args: string[], env: Record<string, string>, input: string) {
  const result = spawnSync(gongkaiBin, args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    input,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('serve refuses a reachable host while demo passwords remain, naming the accounts and the fix', async () => {
  const env = { ...quick, GONGKAI_DATA_DIR: await demoDataDir() };
  const refused = gongkai(['serve', '--host', '0.0.0.0', '--port', '0'], env);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /拒绝在 0\.0\.0\.0 上启动：以下 11 个账号仍在使用公开的演示密码/);
  assert.match(refused.stderr, /xfj-admin、xfj-auditor/);
  assert.match(refused.stderr, /gongkai user passwd --name 用户名/);

  const typed = gongkaiWithInput(
    ['user', 'passwd', '--name', 'xfj-office'],
    env,
    'a-new-office-password\n',
  );
  assert.equal(typed.code, 0, typed.stderr);
  assert.doesNotMatch(typed.stdout, /a-new-office-password/, 'a typed password is not printed');
  const generated = await gongkaiInProcess(
    ['user', 'passwd', '--name', 'xfj-admin', '--generate'],
    env,
  );
  assert.equal(generated.code, 0, generated.stderr);
  assert.match(generated.stdout, /新密码（只显示这一次）：[A-Za-z0-9]{16}/);
  const demoAgain = gongkaiWithInput(
    ['user', 'passwd', '--name', 'xfj-handler'],
    env,
    'gongkai-demo\n',
  );
  assert.equal(demoAgain.code, 2);
  assert.match(demoAgain.stderr, /不能使用公开的演示密码/);

  const still = await gongkaiInProcess(['serve', '--port', '0'], { ...env, HOST: '192.0.2.10' });
  assert.equal(still.code, 2, 'HOST counts like --host');
  assert.match(still.stderr, /以下 9 个账号/);
  assert.doesNotMatch(still.stderr, /xfj-office|xfj-admin/);
});

test('a deployment without demo data: agency add, user add admin, serve on every interface', async () => {
  const env = { ...quick, GONGKAI_DATA_DIR: tempDataDir() };
  const county = await gongkaiInProcess(
    ['agency', 'add', '--code', 'county', '--name', '某某县人民政府', '--kind', 'government'],
    env,
  );
  assert.equal(county.code, 0, county.stderr);
  // One real process for the agency family, on the directory the first call created.
  const office = gongkai(
    ['agency', 'add', '--code', 'county-xfj', '--name', '某某县信访局', '--parent', 'county'],
    env,
  );
  assert.equal(office.code, 0, office.stderr);
  const orphan = await gongkaiInProcess(
    ['agency', 'add', '--code', 'x-1', '--name', '某局', '--parent', 'nowhere'],
    env,
  );
  assert.equal(orphan.code, 2);
  assert.match(orphan.stderr, /上级单位代码“nowhere”不存在/);
  const admin = await gongkaiInProcess(
    ['user', 'add', '--agency', 'county-xfj', '--role', 'admin', '--name', 'admin'],
    env,
  );
  assert.equal(admin.code, 0, admin.stderr);

  const server = gongkaiServer(
    ['serve', '--host', '0.0.0.0', '--port', '0'],
    env,
    /http:\/\/localhost:(\d+)\//,
  );
  const [, port] = await server.started;
  assert.match(server.output(), /监听 所有网络接口/);
  const page = await fetch(`http://127.0.0.1:${port}/a/county-xfj`);
  assert.equal(page.status, 200);
  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
});
