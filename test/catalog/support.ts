import { upsertAgency } from '../../src/db/agencies.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import type { Db } from '../../src/db/database.ts';
import type { Actor } from '../../src/db/publications/actor.ts';
import { addAttachment } from '../../src/db/publications/attachments.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import {
  recordConfidentialityReview,
  reviewPublication,
} from '../../src/db/publications/review.ts';
import type { Role } from '../../src/db/schema.ts';
import { createUser, grantRole } from '../../src/db/users.ts';

/** An agency with one user per review role, and its categories. */
export async function catalogFixture(db: Db, code: string) {
  const agency = await upsertAgency(db, { code, name: `${code}局`, uscc: '11430321MB16134126' });
  return staffFixture(db, code, agency);
}

/** One user per review role in an existing agency, and its categories. */
export async function staffFixture<A extends { id: number }>(db: Db, code: string, agency: A) {
  const actor = async (name: string, roles: Role[]): Promise<Actor> => {
    const user = await createUser(db, { username: `${code}-${name}`, password: 'password-123' });
    for (const role of roles) await grantRole(db, user.id, agency.id, role);
    return { userId: user.id, roles };
  };
  const drafter = await actor('drafter', ['drafter']);
  const drafter2 = await actor('drafter2', ['drafter']);
  const reviewer = await actor('reviewer', ['reviewer']);
  const office = await actor('office', ['office']);
  /** A second office account: one account may not clear two consecutive review steps. */
  const office2 = await actor('office2', ['office']);
  const categories = await listCategories(db, agency.id);
  const category = (slug: string) => categories.find((c) => c.slug === slug)!.id;
  return { agency, drafter, drafter2, reviewer, office, office2, categories, category };
}

export const sampleInput = (categoryId: number, title = '关于开展信访工作宣传月活动的通知') => ({
  categoryId,
  title,
  docNumber: '潭信发〔2021〕3号',
  madeOn: '2021-03-01',
  issuer: '湘潭县信访局',
  topic: '信访',
  keywords: '信访 宣传',
  summary: '部署宣传月活动。',
  body: '# 一、活动时间\n\n2021年3月全月。\n\n# 二、活动内容\n\n- 政策宣讲\n- 现场咨询',
});

type Fixture = Awaited<ReturnType<typeof catalogFixture>>;

/** A 工作动态 draft by the drafter with one attached file. */
export async function draftWithFile(db: Db, f: Fixture, filename: string, data: Buffer) {
  const item = await createPublication(db, f.agency.id, sampleInput(f.category('gzdt')), f.drafter);
  const file = await addAttachment(db, f.agency.id, item.id, { filename, data }, f.drafter);
  return { item, file };
}

/** Runs an item through the review chain to published, one account per step. */
export async function publishThroughChain(db: Db, f: Fixture, id: number, publisher = f.office2) {
  await reviewPublication(db, f.agency.id, id, { type: 'submit' }, f.drafter);
  await reviewPublication(db, f.agency.id, id, { type: 'approve', step: 1 }, f.reviewer);
  await reviewPublication(db, f.agency.id, id, { type: 'approve', step: 2 }, f.office);
  await recordConfidentialityReview(db, f.agency.id, id, { conclusion: 'public' }, publisher);
  await reviewPublication(db, f.agency.id, id, { type: 'approve', step: 3 }, publisher);
}
