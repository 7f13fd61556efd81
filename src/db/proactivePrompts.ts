/**
 * Art. 44 prompts: requests for the same information (`cases/similarRequests.ts`) received in one
 * year from at least the agency's number of different applicants. The office opens a draft
 * publication from them, or dismisses the prompt with a reason; both are audited.
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { similarGroups } from '../cases/similarRequests.ts';
import { GongkaiError } from '../errors.ts';
import { todayInChina } from '../law/date.ts';
import type { Agency } from './agencies.ts';
import { audit } from './audit.ts';
import { listCategories } from './catalogCategories.ts';
import type { Db } from './database.ts';
import type { Actor } from './publications/actor.ts';
import { createPublication } from './publications/drafts.ts';
import { applications, proactivePromptDismissals } from './schema/cases.ts';

export interface PromptCase {
  id: number;
  queryCode: string;
  description: string;
  receivedOn: string;
}

export interface ProactivePrompt {
  year: number;
  ids: number[];
  applicants: number;
  cases: PromptCase[];
}

/** The open prompts of an agency's year: groups not dismissed as they stand. */
export async function proactivePrompts(
  db: Db,
  agency: Agency,
  year: number,
): Promise<ProactivePrompt[]> {
  const rows = await db
    .select({
      id: applications.id,
      queryCode: applications.queryCode,
      applicantName: applications.applicantName,
      phoneDigits: applications.phoneDigits,
      request: applications.request,
      receivedOn: applications.receivedOn,
    })
    .from(applications)
    .where(
      and(
        eq(applications.agencyId, agency.id),
        between(applications.receivedOn, `${year}-01-01`, `${year}-12-31`),
      ),
    )
    .orderBy(asc(applications.id));
  const requests = rows.map((r) => ({
    id: r.id,
    applicantKey: `${r.applicantName}|${r.phoneDigits}`,
    text: r.request.description,
  }));
  const dismissed = await db
    .select({ ids: proactivePromptDismissals.applicationIds })
    .from(proactivePromptDismissals)
    .where(
      and(
        eq(proactivePromptDismissals.agencyId, agency.id),
        eq(proactivePromptDismissals.year, year),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return similarGroups(requests, agency.proactivePromptApplicants)
    .filter((g) => !dismissed.some((d) => g.ids.every((id) => d.ids.includes(id))))
    .map((g) => ({
      year,
      ids: g.ids,
      applicants: g.applicants,
      cases: g.ids.map((id) => {
        const r = byId.get(id)!;
        return {
          id,
          queryCode: r.queryCode,
          description: r.request.description,
          receivedOn: r.receivedOn ?? '',
        };
      }),
    }));
}

/** The open prompt with exactly these applications, or a Chinese 4xx error. */
async function promptOf(db: Db, agency: Agency, year: number, ids: readonly number[]) {
  const prompt = (await proactivePrompts(db, agency, year)).find(
    (p) => p.ids.join(',') === [...ids].sort((a, b) => a - b).join(','),
  );
  if (!prompt) {
    throw new GongkaiError('cases.proactive.unknown', '该提示已处理或已变化，请刷新后重试。');
  }
  return prompt;
}

export async function dismissProactivePrompt(
  db: Db,
  agency: Agency,
  year: number,
  ids: readonly number[],
  reason: string,
  actor: Actor,
): Promise<void> {
  if (reason.trim().length < 4) {
    throw new GongkaiError('cases.proactive.reason', '请填写不纳入主动公开的理由（至少4个字）。');
  }
  const prompt = await promptOf(db, agency, year, ids);
  await db.transaction(async (tx) => {
    const t = tx as Db;
    await t.insert(proactivePromptDismissals).values({
      agencyId: agency.id,
      year,
      applicationIds: prompt.ids,
      reason: reason.trim(),
      userId: actor.userId,
    });
    await audit(t, {
      userId: actor.userId,
      agencyId: agency.id,
      action: 'cases.proactive.dismiss',
      target: `applications:${prompt.ids.join(',')}`,
      details: { year, reason: reason.trim() },
      ip: actor.ip ?? null,
    });
  });
}

/**
 * A draft publication pre-filled from the prompt's cases — the title, a summary naming Art. 44,
 * and each case with its link — in the agency's first catalogue category (the drafter may change
 * it). Returns the publication's id.
 */
export async function draftFromProactivePrompt(
  db: Db,
  agency: Agency,
  year: number,
  ids: readonly number[],
  actor: Actor,
): Promise<number> {
  const prompt = await promptOf(db, agency, year, ids);
  const [category] = await listCategories(db, agency.id);
  if (!category) {
    throw new GongkaiError(
      'cases.proactive.category',
      '本单位尚未设置公开目录分类，请先在单位设置中添加。',
    );
  }
  const first = prompt.cases[0].description;
  const publication = await createPublication(
    db,
    agency.id,
    {
      categoryId: category.id,
      title: first.length > 60 ? `${first.slice(0, 60)}…` : first,
      madeOn: todayInChina(),
      issuer: agency.name,
      summary: `${prompt.applicants}位申请人于${year}年申请公开相同的政府信息，依据《中华人民共和国政府信息公开条例》第四十四条拟纳入主动公开范围。`,
      body: [
        '（请在此填写拟主动公开的内容，经保密审查后发布。）',
        '',
        '来源申请：',
        ...prompt.cases.map(
          (c) =>
            `第${c.id}号申请（${c.receivedOn}收到，查询码${c.queryCode}）：${c.description} /admin/${agency.code}/cases/${c.id}`,
        ),
      ].join('\n'),
    },
    actor,
  );
  await audit(db, {
    userId: actor.userId,
    agencyId: agency.id,
    action: 'cases.proactive.draft',
    target: `publication:${publication.id}`,
    details: { year, applications: prompt.ids },
    ip: actor.ip ?? null,
  });
  return publication.id;
}
