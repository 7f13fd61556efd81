import type { Db } from '../db/database.ts';
import { usersWithPassword } from '../db/users.ts';
import { demoPassword } from '../demo/load.ts';
import { GongkaiError } from '../errors.ts';

/** 127.0.0.0/8, ::1 and `localhost`: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * A server other machines can reach must not start while any account still has the published
 * demo password: anyone who read the README could sign in. Checked by verifying each account's
 * argon2 hash against that password.
 */
export async function refuseDemoPasswords(db: Db, host: string): Promise<void> {
  if (isLoopback(host)) return;
  const names = await usersWithPassword(db, demoPassword);
  if (names.length === 0) return;
  throw new GongkaiError(
    'serve.demo-password',
    [
      `拒绝在 ${host} 上启动：以下 ${names.length} 个账号仍在使用公开的演示密码“${demoPassword}”，能访问本机的任何人都可以用它登录：`,
      `  ${names.join('、')}`,
      '请逐个改为新密码后再启动：gongkai user passwd --name 用户名（输入新密码，或加 --generate 生成一个）。',
      '只在本机试用时不要指定 --host / HOST：gongkai start 默认只监听 127.0.0.1。',
    ].join('\n'),
    { accounts: names },
  );
}
