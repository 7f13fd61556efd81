import { type Agency, findAgencyByCode, upsertAgency } from '../db/agencies.ts';
import { audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { createUser, findUserByUsername, grantRole } from '../db/users.ts';
import { type Role, roles } from '../law/roles.ts';
import { demoAgency, demoCounty } from './agencies.ts';
import { demoSteps } from './steps.ts';

/** Every demo user's password: the demo is for trying gongkai out, never for production. */
export const demoPassword = 'gongkai-demo';

export interface DemoLogin {
  username: string;
  role: Role;
  agency: string;
}

/** Loads the demo agencies and one user per role. Safe to run again: existing records are kept. */
export async function loadDemo(db: Db): Promise<DemoLogin[]> {
  const county = await upsertAgency(db, demoCounty);
  const agency = await upsertAgency(db, { ...demoAgency, parentId: county.id });
  for (const role of roles)
    await demoUser(db, `xfj-${role}`, `${roleName[role]}（演示）`, agency, role);
  // A second office account: one account may not clear both 办公室负责人审核 and 办公室发布.
  await demoUser(db, 'xfj-publisher', '办公室发布人（演示）', agency, 'office');
  await demoUser(db, 'xt-supervisor', '县政务公开办（演示）', county, 'supervisor');
  for (const step of demoSteps) await step(db);
  await audit(db, { action: 'demo.load', target: agency.code });
  return demoLogins();
}

/** The demo accounts `loadDemo` creates. */
export function demoLogins(): DemoLogin[] {
  return [
    ...roles.map((role) => ({ username: `xfj-${role}`, role, agency: demoAgency.code })),
    { username: 'xfj-publisher', role: 'office' as const, agency: demoAgency.code },
    { username: 'xt-supervisor', role: 'supervisor' as const, agency: demoCounty.code },
    // 示例县 (src/demo/annualShili.ts): the county office and an office user of several departments.
    { username: 'sl-supervisor', role: 'supervisor' as const, agency: 'shili' },
    { username: 'sl-office', role: 'office' as const, agency: 'shili' },
  ];
}

export async function hasDemo(db: Db): Promise<boolean> {
  return (await findAgencyByCode(db, demoAgency.code)) !== undefined;
}

async function demoUser(db: Db, username: string, displayName: string, agency: Agency, role: Role) {
  const user =
    (await findUserByUsername(db, username)) ??
    (await createUser(db, { username, displayName, password: demoPassword }));
  await grantRole(db, user.id, agency.id, role);
}

const roleName: Record<Role, string> = {
  admin: '管理员',
  drafter: '拟稿人',
  reviewer: '分管领导',
  office: '办公室负责人',
  handler: '申请办理人',
  supervisor: '监督人',
  auditor: '审计员',
};
