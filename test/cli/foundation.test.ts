import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  demoDataDir,
  gongkai,
  gongkaiInProcess,
  gongkaiServer,
  tempDataDir,
} from '../support/cli.ts';

test('npm start migrates, loads the demo once, serves the portal and stops cleanly', async () => {
  const dir = tempDataDir();
  const server = gongkaiServer(
    ['start'],
    { GONGKAI_DATA_DIR: dir, PORT: '0' },
    /http:\/\/localhost:(\d+)\//,
  );
  const [, port] = await server.started;
  assert.match(server.output(), /首次运行：已载入演示数据/);
  assert.match(server.output(), /xfj-office/);
  const page = await fetch(`http://127.0.0.1:${port}/a/xiangtan-xfj`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /湘潭县信访局/);
  assert.match(server.output(), /只有本机可以访问/);
  // The trial (demo passwords) listens on 127.0.0.1 only: another interface is not answered.
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  if (lan) await assert.rejects(fetch(`http://${lan.address}:${port}/healthz`));

  const second = gongkai(['migrate'], { GONGKAI_DATA_DIR: dir });
  assert.equal(second.code, 2, 'a second process may not open the same PGlite directory');
  assert.match(second.stderr, /正被进程 \d+ 使用/);

  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
  assert.equal(existsSync(join(dir, 'gongkai.lock')), false);

  const again = gongkaiServer(['start'], { GONGKAI_DATA_DIR: dir, PORT: '0' }, /已启动/);
  await again.started;
  assert.doesNotMatch(again.output(), /首次运行/);
  again.child.kill('SIGTERM');
  await again.exited;
});

test('user add prints a generated password once and refuses bad input with exit code 2', async () => {
  const env = { GONGKAI_DATA_DIR: await demoDataDir() };
  // One real process for the user family; the other cases run in process.
  const added = gongkai(
    ['user', 'add', '--agency', 'xiangtan-xfj', '--role', 'handler', '--name', 'wang'],
    env,
  );
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /初始密码（只显示这一次）：[A-Za-z0-9]{16}/);
  const again = await gongkaiInProcess(
    ['user', 'add', '--agency', 'xiangtan-xfj', '--role', 'office', '--name', 'wang'],
    env,
  );
  assert.doesNotMatch(again.stdout, /初始密码/);

  const badRole = await gongkaiInProcess(
    ['user', 'add', '--agency', 'xiangtan-xfj', '--role', 'boss', '--name', 'li'],
    env,
  );
  assert.equal(badRole.code, 2);
  assert.match(badRole.stderr, /--role 须为/);
  const badAgency = await gongkaiInProcess(
    ['user', 'add', '--agency', 'nowhere', '--role', 'office', '--name', 'li'],
    env,
  );
  assert.equal(badAgency.code, 2);
  assert.match(badAgency.stderr, /单位代码“nowhere”不存在/);
});

test('an unknown command explains itself', async () => {
  const result = await gongkaiInProcess(['frobnicate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /未知命令：frobnicate/);
});
