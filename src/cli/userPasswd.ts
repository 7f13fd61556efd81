import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { audit } from '../db/audit.ts';
import { openDatabase } from '../db/open.ts';
import { generatePassword } from '../db/passwords.ts';
import { deleteUserSessions } from '../db/sessions.ts';
import { findUserByUsername, setPassword } from '../db/users.ts';
import { demoPassword } from '../demo/load.ts';
import { GongkaiError } from '../errors.ts';

const newPassword = z
  .string()
  .min(10, '密码至少 10 个字符')
  .max(256, '密码不超过 256 个字符')
  .refine((p) => p !== demoPassword, '不能使用公开的演示密码');

/**
 * `gongkai user passwd --name NAME [--generate]`: a new password typed twice at the terminal (not
 * shown), read from the first line of stdin when it is not a terminal, or generated and printed
 * once. The user's sessions end, so a stolen session does not outlive the change.
 */
export async function changePassword(name: string, generate: boolean): Promise<number> {
  const password = generate ? generatePassword() : await readNewPassword();
  const checked = newPassword.safeParse(password);
  if (!checked.success) throw new GongkaiError('cli.arguments', checked.error.issues[0].message);
  const database = await openDatabase();
  try {
    const { db } = database;
    const user = await findUserByUsername(db, name);
    if (!user) throw new GongkaiError('user.not-found', { name });
    await setPassword(db, user.id, password);
    await deleteUserSessions(db, user.id);
    await audit(db, { userId: null, action: 'user.passwd', target: name, details: { via: 'cli' } });
    console.log(`已为用户 ${name} 设置新密码，其已登录的会话均已退出。`);
    if (generate) console.log(`新密码（只显示这一次）：${password}`);
    return 0;
  } finally {
    await database.close();
  }
}

async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0];
  }
  // One interface for both questions (a second one would lose what the first had buffered);
  // its output is discarded so that what is typed is not echoed.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  const ask = async (question: string) => {
    process.stdout.write(question);
    const answer = await rl.question('');
    process.stdout.write('\n');
    return answer;
  };
  try {
    const first = await ask('新密码：');
    const second = await ask('再输入一次：');
    if (first !== second) throw new GongkaiError('cli.arguments', '两次输入的密码不一致。');
    return first;
  } catch (error) {
    if (error instanceof GongkaiError) throw error;
    throw new GongkaiError('cli.cancelled', '已取消，密码未改变。');
  } finally {
    rl.close();
  }
}
