/**
 * Demo 依申请公开 cases for 湘潭县信访局: a complete 2025 (every kind of ending, a carry-over into
 * 2026, an appeal, a 2025 refusal whose letter states 复议前置) and open cases in the current
 * year (pending, due soon, overdue with a 复议 over the non-reply, extended, waiting for a fee; three
 * applicants asking for the same information, an Art. 44 prompt). Idempotent: does nothing when the demo applications are already there.
 */
import { and, count, eq } from 'drizzle-orm';
import type { CaseEvent } from '../cases/events.ts';
import { assessFee } from '../cases/feeAssessment.ts';
import { findAgencyByCode } from '../db/agencies.ts';
import { loadCalendar } from '../db/calendar.ts';
import { appendEvent, submitApplication } from '../db/cases.ts';
import type { Db } from '../db/database.ts';
import { type ApplicantDetails, applications } from '../db/schema/cases.ts';
import { findUserByUsername } from '../db/users.ts';
import { fromDayNumber, toDayNumber, todayInChina } from '../law/date.ts';
import type { ApplicantType } from '../law/keys.ts';
import type { Channel } from '../law/receipt.ts';
import { demoAgency } from './agencies.ts';

interface DemoCase {
  type: ApplicantType;
  channel: Channel;
  applicant: ApplicantDetails;
  description: string;
  submittedOn: string;
  events: CaseEvent[];
}

const person = (name: string, phone: string, idNumber: string): ApplicantDetails => ({
  kind: 'person',
  name,
  idType: '居民身份证',
  idNumber,
  phone,
  address: '湖南省湘潭县易俗河镇',
});

const org = (
  name: string,
  uscc: string,
  contactPerson: string,
  phone: string,
): ApplicantDetails => ({
  kind: 'organisation',
  name,
  uscc,
  contactPerson,
  phone,
  address: '湖南省湘潭市岳塘区',
});

/** The first demo applicant: present means the step already ran. */
const MARKER = '张伟';

const served = (on: string): CaseEvent => ({ type: 'Served', on, method: '邮寄' });

function year2025(): DemoCase[] {
  return [
    {
      type: 'np',
      channel: 'online',
      applicant: person(MARKER, '13807321001', '430321198501010016'),
      description: '湘潭县信访局2024年度信访工作情况报告',
      submittedOn: '2025-03-03',
      events: [
        { type: 'Received', on: '2025-03-04', method: '电话确认' },
        {
          type: 'Decided',
          on: '2025-03-20',
          decision: 'already-public',
          text: '该信息已在本局政府信息公开专栏主动公开，可在线查阅。',
        },
        served('2025-03-21'),
        { type: 'Archived', on: '2025-04-01' },
      ],
    },
    {
      type: 'np',
      channel: 'in-person',
      // An agent application: 李娜 is the applicant (T3 column np); her lawyer applied for her.
      applicant: {
        ...person('李娜', '13907322002', '43032119900315002X'),
        agent: { name: '刘律师', phone: '13907329999' },
      },
      description: '本人2024年所提信访事项的办理意见书及复查意见',
      submittedOn: '2025-04-10',
      events: [
        { type: 'Received', on: '2025-04-10' },
        {
          type: 'Decided',
          on: '2025-04-28',
          decision: 'partial',
          text: '提供办理意见书和复查意见书复印件。',
          withheld: '意见书中其他信访人的姓名、联系方式',
          withheldReason: '涉及第三方个人隐私，依《政府信息公开条例》第十五条不予公开',
        },
        served('2025-04-29'),
      ],
    },
    {
      type: 'biz',
      channel: 'post-signed',
      applicant: org('湘潭某建设工程有限公司', '91430321MA4L0XXX0A', '王强', '07315551234'),
      description: '2024年涉及本公司承建项目的信访事项处理情况',
      submittedOn: '2025-05-05',
      events: [
        { type: 'Received', on: '2025-05-06' },
        {
          type: 'ConsultationSent',
          on: '2025-05-08',
          id: 'c1',
          party: 'third-party',
          name: '相关信访人',
        },
        { type: 'ConsultationReplied', on: '2025-05-20', id: 'c1', opinion: '不同意公开' },
        {
          type: 'Decided',
          on: '2025-06-10',
          decision: 'third-party-rights',
          text: '经征求第三方意见，第三方不同意公开且理由合理。',
        },
        served('2025-06-11'),
      ],
    },
    {
      type: 'np',
      channel: 'online',
      applicant: person('赵敏', '13707323003', '430321197805200024'),
      description: '关于某事情的所有文件',
      submittedOn: '2025-06-02',
      events: [
        { type: 'Received', on: '2025-06-03', method: '电子邮件确认' },
        {
          type: 'SupplementRequested',
          on: '2025-06-05',
          deadline: '2025-06-19',
          items: '请写明所需信息的名称、文号或时间范围。',
        },
        { type: 'Decided', on: '2025-06-23', decision: 'supplement-lapsed', text: '' },
        served('2025-06-24'),
      ],
    },
    {
      type: 'law',
      channel: 'online',
      applicant: org('湖南某律师事务所', '31430000MD0123456X', '陈律师', '07318881234'),
      description: '2019年某信访事项的原始登记簿',
      submittedOn: '2025-07-01',
      events: [
        { type: 'Received', on: '2025-07-01', method: '电话确认' },
        {
          type: 'Decided',
          on: '2025-07-15',
          decision: 'not-held',
          text: '经检索，本机关未制作或获取该信息。',
        },
        served('2025-07-16'),
        {
          type: 'AppealFiled',
          on: '2025-08-01',
          appealId: 'a1',
          kind: 'rv',
          body: '湘潭县人民政府',
          caseNumber: '潭县复〔2025〕12号',
        },
        { type: 'AppealClosed', on: '2025-09-20', appealId: 'a1', outcome: 'upheld' },
      ],
    },
    {
      type: 'np',
      channel: 'fax',
      applicant: person('孙磊', '13607324004', '430321196612120031'),
      description: '2025年上半年信访接待日安排',
      submittedOn: '2025-09-01',
      events: [
        { type: 'Received', on: '2025-09-01', method: '电话确认' },
        { type: 'Withdrawn', on: '2025-09-05', reason: '申请人已在官网查到，书面撤回申请' },
      ],
    },
    {
      type: 'ngo',
      channel: 'online',
      // An organisation without a 统一社会信用代码: its registration certificate and the reason.
      applicant: {
        ...org('湘潭县某公益服务中心', '', '周洁', '07315550000'),
        uscc: undefined,
        certificate: {
          type: '社会团体法人登记证书',
          number: '湘潭社证字第0107号',
          noUsccReason: '登记证书换发中，统一社会信用代码尚未赋码',
        },
      },
      description: '请求协调解决某小区物业纠纷',
      submittedOn: '2025-10-09',
      events: [
        { type: 'Received', on: '2025-10-09', method: '电话确认' },
        {
          type: 'Decided',
          on: '2025-10-20',
          decision: 'petition',
          text: '该诉求请通过信访渠道提出。',
        },
        served('2025-10-21'),
      ],
    },
    {
      type: 'np',
      channel: 'online',
      applicant: person('吴芳', '13507325005', '430321199208080048'),
      description: '2025年信访事项办理满意度评价结果',
      submittedOn: '2025-12-22',
      events: [
        { type: 'Received', on: '2025-12-22', method: '电话确认' },
        {
          type: 'Decided',
          on: '2026-01-08',
          decision: 'disclose',
          text: '提供2025年度满意度评价结果汇总表。',
        },
        served('2026-01-09'),
      ],
    },
  ];
}

/** Open cases of the current year, dated back from today. */
function currentYear(today: string, handlerId: number | null): DemoCase[] {
  const ago = (n: number) => fromDayNumber(toDayNumber(today) - n);
  const assign: CaseEvent[] = handlerId ? [{ type: 'Assigned', on: ago(12), handlerId }] : [];
  return [
    {
      type: 'np',
      channel: 'online',
      applicant: person('郑洋', '13307326006', '430321200001010010'),
      description: '本县信访事项复查复核工作规程',
      submittedOn: ago(1),
      events: [],
    },
    {
      type: 'np',
      channel: 'online',
      applicant: person('冯雪', '13207327007', '430321198811110025'),
      description: '2026年第三季度领导接访安排',
      submittedOn: ago(13),
      events: [{ type: 'Received', on: ago(12), method: '电话确认' }, ...assign],
    },
    {
      type: 'biz',
      channel: 'post-signed',
      applicant: org('湘潭某物流有限公司', '91430321MA4L0YYY0B', '何军', '07315557777'),
      description: '涉及本公司的信访投诉登记及处理情况',
      submittedOn: ago(21),
      events: [
        { type: 'Received', on: ago(20) },
        {
          type: 'Extension',
          on: ago(2),
          workdays: 15,
          reason: '涉及多个部门，需要调取档案',
          approvedBy: '办公室负责人（演示）',
        },
      ],
    },
    {
      type: 'np',
      channel: 'in-person',
      applicant: person('韩梅', '13107328008', '430321197001010035'),
      description: '某镇信访联席会议纪要',
      submittedOn: ago(45),
      events: [
        { type: 'Received', on: ago(45) },
        // Overdue without a reply: the applicant has applied for 复议 over the non-reply (不答复).
        {
          type: 'AppealFiled',
          on: ago(3),
          appealId: 'a1',
          kind: 'rv',
          body: '湘潭县人民政府',
          caseNumber: '潭县政复〔演示〕1号',
        },
      ],
    },
    {
      type: 'res',
      channel: 'online',
      applicant: org('湘潭某社会科学研究院', '12430300MB0000000X', '许博士', '07315553333'),
      description: '2015—2025年全县信访事项逐件统计数据',
      submittedOn: ago(9),
      events: [
        { type: 'Received', on: ago(8), method: '电子邮件确认' },
        {
          type: 'ProcessingFeeNotified',
          on: ago(5),
          ...assessFee({
            method: 'page',
            quantity: 50,
            reduction: 0,
            payment: '到湘潭县信访局办公室缴纳，或转账至县财政非税收入专户，凭财政票据确认',
          }),
        },
        { type: 'ProcessingFeeNoticeDelivered', on: ago(4), method: '电子邮件（已回复确认）' },
      ],
    },
    ...art44Prompt(today),
  ];
}

/**
 * Three applicants asking this year for the same information, each answered: the office sees an
 * Art. 44 prompt to move it to 主动公开. Dates stay in the current year so the three group.
 */
function art44Prompt(today: string): DemoCase[] {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const ago = (n: number) => {
    const d = fromDayNumber(toDayNumber(today) - n);
    return d < yearStart ? today : d;
  };
  const asks: [string, string, string, string][] = [
    ['蒋涛', '13607321011', '430321198501010011', '本县信访事项办理工作流程图'],
    ['沈丽', '13607321012', '430321199002020022', '请公开本县信访事项办理工作流程图'],
    ['杨帆', '13607321013', '430321199503030033', '本县信访事项办理工作流程图（最新版）'],
  ];
  return asks.map(([name, phone, idNumber, description], i) => ({
    type: 'np',
    channel: 'in-person',
    applicant: person(name, phone, idNumber),
    description,
    submittedOn: ago(10 - i),
    events: [
      { type: 'Received', on: ago(10 - i) },
      {
        type: 'Decided',
        on: ago(6 - i),
        decision: 'disclose',
        text: '提供本局信访事项办理工作流程图。',
      },
      served(ago(6 - i)),
    ],
  }));
}

export async function demoCases(db: Db): Promise<void> {
  const agency = await findAgencyByCode(db, demoAgency.code);
  if (!agency) return;
  const [{ n }] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.agencyId, agency.id), eq(applications.applicantName, MARKER)));
  if (Number(n) > 0) return;
  const calendar = await loadCalendar(db);
  const handler = await findUserByUsername(db, 'xfj-handler');
  const today = todayInChina();
  for (const c of [...year2025(), ...currentYear(today, handler?.id ?? null)]) {
    const { id } = await submitApplication(
      db,
      {
        agencyId: agency.id,
        channel: c.channel,
        submittedOn: c.submittedOn,
        applicantType: c.type,
        applicant: c.applicant,
        request: { description: c.description, form: '纸质', delivery: '邮寄' },
      },
      { calendar, today },
    );
    for (const event of c.events) {
      if (event.on > today) break;
      await appendEvent(db, id, event, { calendar, today });
    }
  }
}
