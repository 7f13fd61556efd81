import { z } from 'zod';
import { findAgencyByCode } from '../db/agencies.ts';
import { audit } from '../db/audit.ts';
import { openDatabase } from '../db/open.ts';
import { generatePassword } from '../db/passwords.ts';
import { createUser, findUserByUsername, grantRole, setUserEmail } from '../db/users.ts';
import { GongkaiError } from '../errors.ts';
import { roles } from '../law/roles.ts';
import { parseCliArgs, runCommand } from './args.ts';
import { changePassword } from './userPasswd.ts';

const usage =
  '用法：gongkai user add --agency CODE --role ROLE --name NAME\n' +
  '      gongkai user passwd --name NAME [--generate]\n' +
  '      gongkai user email --name NAME (--email ADDRESS | --clear)';

const input = z.object({
  agency: z.string({ error: '缺少 --agency 单位代码' }).min(1),
  role: z.enum(roles, { error: `--role 须为：${roles.join('、')}` }),
  name: z
    .string({ error: '缺少 --name 用户名' })
    .regex(/^[A-Za-z0-9_.-]{2,64}$/, '用户名只能包含字母、数字和 _ . -，长度 2—64'),
  display: z.string().max(64).optional(),
});

/**
 * `gongkai user add --agency CODE --role ROLE --name NAME`: prints the generated password once.
 * `gongkai user passwd --name NAME [--generate]`: sets a new password (see userPasswd.ts).
 */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, {
      agency: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      display: { type: 'string' },
      generate: { type: 'boolean' },
      email: { type: 'string' },
      clear: { type: 'boolean' },
    });
    if (positionals[0] === 'email') return setEmail(values);
    if (positionals[0] === 'passwd') {
      const name = input.shape.name.safeParse(values.name);
      if (!name.success) throw new GongkaiError('cli.arguments', name.error.issues[0].message);
      return changePassword(name.data, values.generate === true);
    }
    if (positionals[0] !== 'add') throw new GongkaiError('cli.arguments', usage);
    const parsed = input.safeParse(values);
    if (!parsed.success) throw new GongkaiError('cli.arguments', parsed.error.issues[0].message);
    const { agency: code, role, name, display } = parsed.data;
    const database = await openDatabase();
    try {
      const { db } = database;
      const agency = await findAgencyByCode(db, code);
      if (!agency) throw new GongkaiError('agency.not-found', `单位代码“${code}”不存在。`);
      const existing = await findUserByUsername(db, name);
      const password = existing ? null : generatePassword();
      const user =
        existing ??
        (await createUser(db, { username: name, displayName: display, password: password! }));
      await grantRole(db, user.id, agency.id, role);
      await audit(db, {
        userId: null,
        agencyId: agency.id,
        action: 'user.grant',
        target: name,
        details: { role, via: 'cli' },
      });
      console.log(`用户 ${name} 在 ${agency.name} 的角色：${role}`);
      if (password) console.log(`初始密码（只显示这一次）：${password}`);
      else console.log('该用户已存在，密码未改变。');
      return 0;
    } finally {
      await database.close();
    }
  });

const emailInput = z.object({
  name: input.shape.name,
  email: z.email('电子邮箱格式不正确').max(254).optional(),
  clear: z.boolean().optional(),
});

/** `gongkai user email`: where the user's daily work digest goes (docs/notifications.md). */
async function setEmail(values: Record<string, unknown>): Promise<number> {
  const parsed = emailInput.safeParse(values);
  if (!parsed.success) throw new GongkaiError('cli.arguments', parsed.error.issues[0].message);
  const { name, email, clear } = parsed.data;
  if (Boolean(email) === Boolean(clear)) {
    throw new GongkaiError('cli.arguments', '请给出 --email 地址或 --clear 之一');
  }
  const database = await openDatabase();
  try {
    const user = await findUserByUsername(database.db, name);
    if (!user) throw new GongkaiError('user.not-found', { name });
    await setUserEmail(database.db, user.id, email ?? null);
    console.log(email ? `用户 ${name} 的待办提醒将发到 ${email}` : `已清除用户 ${name} 的邮箱。`);
    return 0;
  } finally {
    await database.close();
  }
}
