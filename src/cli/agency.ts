import { z } from 'zod';
import { findAgencyByCode, upsertAgency } from '../db/agencies.ts';
import { audit } from '../db/audit.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { parseCliArgs, runCommand } from './args.ts';

const usage =
  '用法：gongkai agency add --code CODE --name NAME [--kind government|department] [--parent CODE]';

const input = z.object({
  code: z
    .string({ error: '缺少 --code 单位代码' })
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '单位代码只能包含小写字母、数字和 -，长度 2—40'),
  name: z
    .string({ error: '缺少 --name 单位名称' })
    .trim()
    .min(2, '单位名称至少 2 个字')
    .max(60, '单位名称不超过 60 个字'),
  kind: z.enum(['government', 'department'], {
    error: '--kind 须为 government（人民政府）或 department（部门）',
  }),
  parent: z.string().optional(),
});

/**
 * `gongkai agency add`: creates an agency (a county government or one of its departments), the
 * first step of a deployment without the demo data. Further details are edited on the agency's
 * settings page.
 */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string', default: 'department' },
      parent: { type: 'string' },
    });
    if (positionals[0] !== 'add') throw new GongkaiError('cli.arguments', usage);
    const parsed = input.safeParse(values);
    if (!parsed.success) throw new GongkaiError('cli.arguments', parsed.error.issues[0].message);
    const { code, name, kind, parent } = parsed.data;
    const database = await openDatabase();
    try {
      const { db } = database;
      if (await findAgencyByCode(db, code)) throw new GongkaiError('agency.exists', { code });
      const parentAgency = parent ? await findAgencyByCode(db, parent) : undefined;
      if (parent && !parentAgency) throw new GongkaiError('agency.not-found', { parent });
      const agency = await upsertAgency(db, { code, name, kind, parentId: parentAgency?.id });
      await audit(db, {
        userId: null,
        agencyId: agency.id,
        action: 'agency.add',
        target: code,
        details: { name, kind, parent: parent ?? null, via: 'cli' },
      });
      console.log(`已新增单位 ${name}（代码 ${code}${parent ? `，上级 ${parent}` : ''}）。`);
      return 0;
    } finally {
      await database.close();
    }
  });
