import { findAgencyByCode } from '../db/agencies.ts';
import { findAnnualReportRow } from '../db/annual.ts';
import type { Db } from '../db/database.ts';
import { findUserByUsername } from '../db/users.ts';
import { approveReport, publishReport, saveReportTexts } from '../services/annual/workflow.ts';

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

/** Demo step: 湘潭县信访局's 2021 records, texts and the published report. */
export async function loadXfj2021(db: Db): Promise<void> {
  const agency = await findAgencyByCode(db, 'xiangtan-xfj');
  if (!agency) return;
  if ((await findAnnualReportRow(db, agency.id, 2021))?.status === 'published') return;
  const office = await findUserByUsername(db, 'xfj-office');
  const userId = office?.id ?? null;
  // Its 64 catalogue items and petition totals come from the catalogue and petition demo steps,
  // which run before this one (src/demo/steps.ts).
  const actor = { userId, roles: ['office'] as const };
  const row = await findAnnualReportRow(db, agency.id, 2021);
  if (!row || row.status === 'draft') {
    await saveReportTexts(db, agency, 2021, xfjTexts, actor);
    await approveReport(db, agency, 2021, actor);
  }
  await publishReport(db, agency, 2021, actor, { today: '2022-01-25', pdf: false });
}
