/**
 * 示例县 (fictional, code `shili`): a county government with 20 departments and three years
 * (2023–2025) of applications, appeals, publications and register figures, generated through the
 * repositories. The 2025 reports are in every state: published on time, published late, approved
 * but unpublished (late), a draft with a deliberate error (an online application never confirmed
 * as received), a draft whose text is not written yet, not started. The county sets an earlier
 * local deadline (01-25) for its departments. Users: `sl-supervisor` (县政务公开办) and
 * `sl-office` (office of the county government and of the department with the error).
 * All in one transaction: a failed load leaves nothing behind, and a loaded county is kept.
 */

import type { CaseEvent } from '../cases/events.ts';
import { type Agency, findAgencyByCode, upsertAgency } from '../db/agencies.ts';
import { saveDeadlineSetting } from '../db/annual.ts';
import { loadCalendar } from '../db/calendar.ts';
import { appendEvent, type NewApplication, submitApplication } from '../db/cases.ts';
import { listCategories } from '../db/catalogCategories.ts';
import { saveRegisterEntry } from '../db/catalogRegisters.ts';
import type { Db } from '../db/database.ts';
import { importPublication } from '../db/publications/import.ts';
import { createUser, findUserByUsername, grantRole } from '../db/users.ts';
import type { Calendar } from '../law/calendar.ts';
import type { DecisionId } from '../law/decisions.ts';
import type { ApplicantType } from '../law/keys.ts';
import { approveReport, publishReport, saveReportTexts } from '../services/annual/workflow.ts';

/** [code suffix, name, applications per year (2023, 2024, 2025), register kinds]. */
const departments: [string, string, [number, number, number], ('lic' | 'pun')[]][] = [
  ['fgj', '发展和改革局', [1, 1, 2], ['lic']],
  ['jyj', '教育局', [1, 2, 1], []],
  ['gaj', '公安局', [2, 1, 2], ['pun']],
  ['mzj', '民政局', [0, 1, 1], []],
  ['sfj', '司法局', [0, 0, 1], []],
  ['czj', '财政局', [1, 1, 1], []],
  ['rsj', '人力资源和社会保障局', [2, 2, 3], ['lic']],
  ['zrzyj', '自然资源局', [3, 4, 4], ['lic', 'pun']],
  ['zjj', '住房和城乡建设局', [2, 3, 3], ['lic']],
  ['jtj', '交通运输局', [1, 0, 1], ['lic']],
  ['slj', '水利局', [0, 1, 0], []],
  ['nyj', '农业农村局', [1, 1, 1], []],
  ['swj', '商务局', [0, 0, 1], []],
  ['wlj', '文化旅游广电体育局', [0, 1, 0], []],
  ['wjj', '卫生健康局', [1, 1, 2], ['lic']],
  ['tyj', '退役军人事务局', [0, 1, 0], []],
  ['yjj', '应急管理局', [1, 0, 1], ['pun']],
  ['sjj', '审计局', [0, 0, 0], []],
  ['scj', '市场监督管理局', [2, 2, 2], ['lic', 'pun']],
  ['tjj', '统计局', [0, 1, 1], []],
];

/** The state of each department's 2025 report, by position (see the file comment). */
type Plan = 'on-time' | 'late' | 'approved' | 'error' | 'unwritten' | 'none';
const plan2025: Plan[] = [
  'on-time',
  'on-time',
  'on-time',
  'on-time',
  'on-time',
  'late',
  'on-time',
  'on-time',
  'on-time',
  'on-time',
  'late',
  'approved',
  'on-time',
  'none',
  'on-time',
  'unwritten',
  'approved',
  'none',
  'on-time',
  'error',
];

const decisions: [DecisionId, number][] = [
  ['disclose', 5],
  ['already-public', 2],
  ['partial', 2],
  ['not-held', 3],
  ['third-party-rights', 1],
  ['process-information', 1],
  ['repeated', 1],
  ['needs-compilation', 1],
];
const decisionCycle = decisions.flatMap(([d, n]) => Array<DecisionId>(n).fill(d));
const types: ApplicantType[] = ['np', 'np', 'np', 'biz', 'np', 'law', 'np', 'biz', 'np', 'ngo'];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const topics = [
  '本单位某项目审批材料',
  '某地块征收补偿方案',
  '本人社保缴费记录的核定依据',
  '某小区规划许可及附图',
  '2024年度专项资金分配明细',
  '某企业行政处罚决定书',
  '某道路工程招标文件',
  '本村土地承包经营权确权资料',
];

const pad = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, d: number) => `${year}-${pad(month)}-${pad(d)}`;

const texts = {
  S1: [
    '{{年度}}年，{{本机关}}坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。',
    '（一）主动公开',
    '{{主动公开情况}}',
    '（二）依申请公开',
    '{{依申请公开情况}}',
    '（三）政府信息管理',
    '严格执行信息发布“三审”制度和保密审查制度，定期开展涉及个人隐私信息排查。',
    '（四）政府信息公开平台建设',
    '依托县人民政府门户网站政府信息公开专栏发布信息，及时更新栏目内容。',
    '（五）监督保障',
    '明确办公室为政府信息公开工作机构，配备兼职工作人员1名，年内组织业务培训1次。',
  ].join('\n'),
  S5: [
    '（一）存在的主要问题',
    '信息发布的及时性有待提高，政策解读形式较为单一。',
    '（二）改进情况',
    '针对上年度发现的问题，已建立信息发布台账；下一步将丰富图解、问答等解读形式，加强人员培训。',
  ].join('\n'),
  S6: '{{信息处理费情况}}',
};

interface Ctx {
  db: Db;
  calendar: Calendar;
  today: string;
  userId: number | null;
}

const actorOf = (ctx: Ctx) => ({ today: ctx.today, calendar: ctx.calendar, userId: ctx.userId });

/** An application handed in at the counter on `received`: its id. */
async function handedIn(
  ctx: Ctx,
  agency: Agency,
  received: string,
  details: Pick<NewApplication, 'applicantType' | 'applicant' | 'request'>,
): Promise<number> {
  const input: NewApplication = {
    agencyId: agency.id,
    channel: 'in-person',
    submittedOn: received,
    receivedOn: received,
    ...details,
  };
  return (await submitApplication(ctx.db, input, actorOf(ctx))).id;
}

async function applicationsFor(ctx: Ctx, agency: Agency, index: number, year: number, n: number) {
  // The busiest departments' last application arrives in late December and is carried over.
  const regular = n >= 3 ? n - 1 : n;
  for (let i = 0; i < regular; i++) {
    const seq = index * 7 + year * 3 + i;
    const type = types[seq % types.length];
    const month = 1 + ((index * 5 + i * 4 + year) % 11);
    const dayOfMonth = 3 + ((seq * 5) % 22);
    const received = day(year, month, dayOfMonth);
    const name =
      type === 'np'
        ? `${surnames[seq % surnames.length]}某某`
        : type === 'law'
          ? '湖南示例律师事务所'
          : type === 'ngo'
            ? '示例县志愿者协会'
            : '示例县某建设有限公司';
    const id = await handedIn(ctx, agency, received, {
      applicantType: type,
      applicant: {
        kind: type === 'np' ? 'person' : 'organisation',
        name,
        phone: `1380731${pad(index)}${pad(i)}`,
      },
      request: { description: topics[seq % topics.length], form: '纸质', delivery: '邮寄' },
    });
    const act = (event: CaseEvent) => appendEvent(ctx.db, id, event, actorOf(ctx));
    const decidedOn = day(year, month, Math.min(28, dayOfMonth + 12));
    if (seq % 13 === 5) {
      await act({ type: 'Withdrawn', on: decidedOn, reason: '申请人撤回申请' });
      continue;
    }
    const decision = decisionCycle[seq % decisionCycle.length];
    await act({
      type: 'Decided',
      on: decidedOn,
      decision,
      text: '经审查，答复如下。',
      ...(decision === 'partial'
        ? { withheld: '涉及第三方个人信息的部分', withheldReason: '条例第十五条' }
        : {}),
    });
    // Some 无法提供 and 部分公开 answers are taken to 行政复议 or to court.
    if ((decision === 'not-held' || decision === 'partial') && seq % 3 === 0) {
      const kind = seq % 2 === 0 ? 'rv' : 'ld';
      await act({
        type: 'AppealFiled',
        on: day(year, Math.min(12, month + 1), 20),
        appealId: `${kind}-${id}`,
        kind,
        body: kind === 'rv' ? '示例县人民政府' : '示例县人民法院',
      });
      if (year < 2025 || month < 8)
        await act({
          type: 'AppealClosed',
          on: month >= 10 ? day(year + 1, 2, 15) : day(year, month + 3, 15),
          appealId: `${kind}-${id}`,
          outcome: seq % 4 === 0 ? 'corrected' : 'upheld',
        });
    }
  }
  // A December application of the busiest departments is carried into the next year.
  if (n >= 3) {
    const received = day(year, 12, 22 + (index % 5));
    const id = await handedIn(ctx, agency, received, {
      applicantType: 'np',
      applicant: { kind: 'person', name: '钱某某', phone: `1390731${pad(index)}99` },
      request: { description: '年度项目验收资料', form: '纸质', delivery: '自行领取' },
    });
    if (year < 2025)
      await appendEvent(
        ctx.db,
        id,
        { type: 'Decided', on: day(year + 1, 1, 14), decision: 'disclose', text: '提供验收资料。' },
        actorOf(ctx),
      );
  }
}

async function publicationsFor(ctx: Ctx, agency: Agency, index: number, year: number) {
  const categories = await listCategories(ctx.db, agency.id);
  const slug = (s: string) => categories.find((c) => c.slug === s)!.id;
  const items: [number, string, string][] = [
    [slug('gzdt'), `${agency.name}召开${year}年重点工作推进会`, day(year, 3, 10 + (index % 10))],
    [slug('gzdt'), `${agency.name}开展“优化营商环境”专项行动`, day(year, 9, 5 + (index % 10))],
    [slug('czxx'), `${agency.name}${year}年部门预算公开`, day(year, 2, 20)],
  ];
  if (index % 4 === 0)
    items.push([
      slug('gfxwj'),
      `示例县${agency.name.replace(/^示例县/, '')}关于规范${year}年行政审批事项的通知`,
      day(year, 6, 18),
    ]);
  for (const [categoryId, title, on] of items)
    await importPublication(
      ctx.db,
      agency.id,
      { categoryId, title, madeOn: on, publishedOn: on, issuer: agency.name, body: `${title}。` },
      { userId: ctx.userId },
    );
}

async function registersFor(
  ctx: Ctx,
  agency: Agency,
  kinds: ('lic' | 'pun')[],
  index: number,
  year: number,
) {
  for (const kind of kinds)
    for (const month of [3, 9])
      await saveRegisterEntry(
        ctx.db,
        agency.id,
        { kind, month: `${year}-${pad(month)}`, count: 5 + ((index * 7 + month + year) % 40) },
        { userId: ctx.userId },
      );
}

async function user(
  db: Db,
  username: string,
  displayName: string,
  grants: [Agency, 'office' | 'supervisor'][],
) {
  const { demoPassword } = await import('./load.ts');
  const u =
    (await findUserByUsername(db, username)) ??
    (await createUser(db, { username, displayName, password: demoPassword }));
  for (const [agency, role] of grants) await grantRole(db, u.id, agency.id, role);
  return u;
}

async function reports(ctx: Ctx, county: Agency, members: Agency[]) {
  const actor = { userId: ctx.userId, roles: ['office'] as const };
  const publish = (a: Agency, year: number, on: string) =>
    publishReport(ctx.db, a, year, actor, { today: on, pdf: false });
  // 2024: the busiest departments published on time (their 2025 carry-in is checked by R8).
  for (const i of [6, 7, 8, 18]) {
    await saveReportTexts(ctx.db, members[i], 2024, texts, actor);
    await approveReport(ctx.db, members[i], 2024, actor);
    await publish(members[i], 2024, day(2025, 1, 15 + (i % 8)));
  }
  await saveDeadlineSetting(ctx.db, county.id, 'members', '01-25', ctx.userId);
  for (const [i, plan] of plan2025.entries()) {
    const agency = members[i];
    if (plan === 'none') continue;
    await saveReportTexts(ctx.db, agency, 2025, plan === 'unwritten' ? {} : texts, actor);
    if (plan === 'unwritten' || plan === 'error') continue;
    await approveReport(ctx.db, agency, 2025, actor);
    if (plan === 'approved') continue;
    await publish(
      agency,
      2025,
      plan === 'late' ? day(2026, 2, 3 + i) : day(2026, 1, 10 + (i % 12)),
    );
  }
  await saveReportTexts(ctx.db, county, 2025, texts, actor);
}

/** Demo step: 示例县. Skipped when the county is already there. */
export async function loadShili(db: Db): Promise<void> {
  if (await findAgencyByCode(db, 'shili')) return;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const county = await upsertAgency(t, {
      code: 'shili',
      name: '示例县人民政府',
      kind: 'government',
      uscc: '11439900MB0000001A',
      address: '示例省示例县人民路1号',
      phone: '0000-1234567',
    });
    const members: Agency[] = [];
    for (const [index, [suffix, name]] of departments.entries())
      members.push(
        await upsertAgency(t, {
          code: `shili-${suffix}`,
          name: `示例县${name}`,
          parentId: county.id,
          uscc: `11439900MB${pad(index + 10)}00000B`,
        }),
      );
    const supervisor = await user(t, 'sl-supervisor', '示例县政务公开办（演示）', [
      [county, 'supervisor'],
    ]);
    const office = await user(t, 'sl-office', '示例县办公室负责人（演示）', [
      [county, 'office'],
      [members[19], 'office'],
    ]);
    void supervisor;
    const ctx: Ctx = {
      db: t,
      calendar: await loadCalendar(t),
      today: '2026-03-01',
      userId: office.id,
    };
    for (const year of [2023, 2024, 2025]) {
      await applicationsFor(ctx, county, 20, year, 1);
      for (const [index, [, , perYear, kinds]] of departments.entries()) {
        await applicationsFor(ctx, members[index], index, year, perYear[year - 2023]);
        await publicationsFor(ctx, members[index], index, year);
        await registersFor(ctx, members[index], kinds, index, year);
      }
    }
    // The deliberate error: an online application of December 2025 never confirmed as received.
    await submitApplication(
      t,
      {
        agencyId: members[19].id,
        channel: 'online',
        submittedOn: '2025-12-29',
        applicantType: 'np',
        applicant: { kind: 'person', name: '孙某某', phone: '13807310000' },
        request: { description: '2025年统计公报的原始数据', form: '电子', delivery: '电子邮件' },
      },
      actorOf(ctx),
    );
    await reports(ctx, county, members);
  });
}
