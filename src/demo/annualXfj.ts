/**
 * 湘潭县信访局 2021: the records from which gongkai regenerates the seed report
 * (`shared/seed/000_8943cd9161ebccf1.txt`): 64 items published in 2021 (工作动态58, 财政信息2,
 * 机构信息1, 领导信息1, 信息公开指南1, 信息公开年报1), no applications, no appeals, the petition
 * totals of 2021 and the seed's own prose as the section templates; the report is approved and
 * published on 2022-01-25. Each part is added only when missing, so other demo steps that already
 * loaded the same records are respected.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { approveReport, publishReport, saveReportTexts } from '../annual/workflow.ts';
import { type Agency, findAgencyByCode } from '../db/agencies.ts';
import { findAnnualReportRow } from '../db/annual.ts';
import { importPublication } from '../db/catalog.ts';
import { listCategories } from '../db/catalogCategories.ts';
import type { Db } from '../db/database.ts';
import { listPetitionAggregates, savePetitionAggregate } from '../db/petitionAggregates.ts';
import { publications } from '../db/schema/catalog.ts';
import { petitions } from '../db/schema/petitions.ts';
import { findUserByUsername } from '../db/users.ts';

export const xfjTexts = {
  S1: [
    '2021年以来，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，遵循公正、公平、合法、便民的原则，及时、准确地公开政府信息。',
    '（一）主动公开方面。',
    '{{主动公开情况}}',
    '（二）依申请公开方面。',
    '{{依申请公开情况}}',
    '（三）政府信息管理方面。',
    '严格落实信息发布审核制度，常态化开展涉及个人隐私的政府信息排查工作，对可能涉及个人隐私的行政处罚等信息，严把审核关。',
    '（四）政府信息公开平台建设方面。',
    '积极配合县人民政府做好政府信息公开网站的维护工作，按要求完成各项任务。',
    '（五）监督保障方面。',
    '局办公室负责局政务信息公开工作，从事人员1人。公开发布的内容均经股室拟稿、分管领导审核、分管办公室领导审核，无误后由局办公室发布。',
  ].join('\n'),
  S5: [
    '（一）存在的主要问题',
    '一是政府信息公开、政务公开的长效机制有待健全，发布信息不够及时、发布量少；二是缺乏专业的网络专业技术人员；三是部分股室信息公开意识有待加强。',
    '（二）具体的改进措施',
    '一是建立健全政府信息公开机制。严格按照政务公开工作的要求，继续健全完善政务公开工作机制，认真做好上访群众的解释答复，确保各类应公开的信息公开到位。二是深入开展“互联网+信访”工作，方便群众反映诉求，积极指导各乡镇和县直各单位严格按照信访工作的要求办理信访事项，引导人民群众依法逐级反映诉求，促使信访事项得到及时有效解决。三是完善局网站建设工作，积极配合县委、县政府完成政府信息公开工作，及时向社会公开相关政务信息，提高群众满意度。',
  ].join('\n'),
  S6: '{{信访情况}}{{信息处理费情况}}',
};

const work = [
  '县信访局召开信访形势分析研判会',
  '县信访局开展信访积案化解专项行动',
  '县信访局组织开展“信访宣传月”活动',
  '县领导到县人民来访接待中心公开接访',
  '县信访局开展党史学习教育专题学习',
  '县信访局督导乡镇信访工作',
  '县信访局开展网上信访业务培训',
  '县信访局召开重点信访事项调度会',
  '县信访局开展“人民满意窗口”创建活动',
  '县信访局开展《信访条例》进乡村宣传',
];

/** The 64 items of 2021, by category slug: [slug, title, published on]. */
export function xfj2021Items(): [string, string, string][] {
  const items: [string, string, string][] = [];
  for (let i = 0; i < 58; i++) {
    const month = 1 + Math.floor((i * 12) / 58);
    const day = 3 + ((i * 7) % 24);
    const date = `2021-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    items.push(['gzdt', `${work[i % work.length]}（${month}月）`, date]);
  }
  items.push(['czxx', '湘潭县信访局2021年部门预算公开', '2021-03-12']);
  items.push(['czxx', '湘潭县信访局2020年部门决算公开', '2021-08-20']);
  items.push(['jgxx', '湘潭县信访局机构职能', '2021-02-05']);
  items.push(['ldxx', '湘潭县信访局领导分工', '2021-02-05']);
  items.push(['guide', '湘潭县信访局政府信息公开指南', '2021-01-15']);
  items.push(['annual', '湘潭县信访局2020年政府信息公开工作年度报告', '2021-01-28']);
  return items;
}

async function ensureCatalog(db: Db, agency: Agency, userId: number | null) {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publications)
    .where(
      and(
        eq(publications.agencyId, agency.id),
        gte(publications.publishedOn, '2021-01-01'),
        lte(publications.publishedOn, '2021-12-31'),
      ),
    );
  if (Number(n) > 0) return;
  const categories = await listCategories(db, agency.id);
  for (const [slug, title, on] of xfj2021Items()) {
    const category = categories.find((c) => c.slug === slug)!;
    await importPublication(
      db,
      agency.id,
      {
        categoryId: category.id,
        title,
        madeOn: on,
        publishedOn: on,
        issuer: agency.name,
        body: `${title}。`,
      },
      { userId },
    );
  }
}

async function ensurePetitions(db: Db, agency: Agency, userId: number | null) {
  const aggregates = await listPetitionAggregates(db, agency.id);
  if (aggregates.some((a) => a.periodFrom <= '2021-12-31' && a.periodTo >= '2021-01-01')) return;
  const [record] = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(
      and(
        eq(petitions.agencyId, agency.id),
        gte(petitions.receivedOn, '2021-01-01'),
        lte(petitions.receivedOn, '2021-12-31'),
      ),
    )
    .limit(1);
  if (record) return;
  await savePetitionAggregate(
    db,
    agency.id,
    {
      periodFrom: '2021-01-01',
      periodTo: '2021-12-31',
      visitBatches: 1119,
      visitPersons: 2588,
      leaderBatches: 214,
      leaderPersons: 1065,
      writtenHandled: 3007,
      acceptanceDue: null,
      acceptanceOnTime: null,
      completionDue: null,
      completionOnTime: null,
      writtenCompletionDue: 3007,
      writtenCompletionOnTime: 3007,
      source: '湘潭县信访局2021年政府信息公开工作年度报告',
    },
    { userId },
  );
}

/** Demo step: 湘潭县信访局's 2021 records, texts and the published report. */
export async function loadXfj2021(db: Db): Promise<void> {
  const agency = await findAgencyByCode(db, 'xiangtan-xfj');
  if (!agency) return;
  if ((await findAnnualReportRow(db, agency.id, 2021))?.status === 'published') return;
  const office = await findUserByUsername(db, 'xfj-office');
  const userId = office?.id ?? null;
  await ensureCatalog(db, agency, userId);
  await ensurePetitions(db, agency, userId);
  const actor = { userId, roles: ['office'] as const };
  const row = await findAnnualReportRow(db, agency.id, 2021);
  if (!row || row.status === 'draft') {
    await saveReportTexts(db, agency, 2021, xfjTexts, actor);
    await approveReport(db, agency, 2021, actor);
  }
  await publishReport(db, agency, 2021, actor, { today: '2022-01-25', pdf: false });
}
