/**
 * The default text of sections 一, 五 and 六 for a new draft: the five sub-headings of 总体情况,
 * with the figures as `{{字段}}` (facts.ts) and `（请填写：…）` where only staff can write.
 * A report still containing `（请填写` cannot be approved (placeholderFindings).
 */

import type { Finding } from '../report/finding.ts';
import { finding } from '../report/finding.ts';
import type { SectionKey } from '../report/keys.ts';

/** The text sections staff edit: templates whose `{{fact}}` fields are filled from the records. */
export interface ReportTexts {
  S1?: string;
  S5?: string;
  S6?: string;
}

export const editableSections = ['S1', 'S5', 'S6'] as const satisfies readonly SectionKey[];
export type EditableSection = (typeof editableSections)[number];

export const sectionTitles: Record<EditableSection, string> = {
  S1: '一、总体情况',
  S5: '五、存在的主要问题及改进情况',
  S6: '六、其他需要报告的事项',
};

export function defaultTexts(kind: 'government' | 'department'): Required<ReportTexts> {
  const s1 = [
    '{{年度}}年，{{本机关}}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，及时、准确地公开政府信息。',
    '（一）主动公开',
    '{{主动公开情况}}',
    '（二）依申请公开',
    '{{依申请公开情况}}',
    '（三）政府信息管理',
    '（请填写：信息发布审核、保密审查、个人隐私排查等制度的落实情况。）',
    '（四）政府信息公开平台建设',
    '（请填写：政府网站、政务新媒体等公开平台的建设和维护情况。）',
    '（五）监督保障',
    kind === 'government'
      ? '（请填写：工作机构和人员、培训，以及工作考核、社会评议和责任追究结果情况。）'
      : '（请填写：工作机构和人员、培训、监督检查情况。）',
  ];
  const s5 = [
    '（一）存在的主要问题',
    '（请填写：本年工作中存在的主要问题。）',
    '（二）改进情况',
    '（请填写：上年度问题的整改情况和下一步改进措施。）',
  ];
  const s6 = ['{{信访情况}}{{信息处理费情况}}'];
  if (kind === 'government')
    s6.push(
      '（请填写：落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、政务公开工作创新情况。）',
    );
  return { S1: s1.join('\n'), S5: s5.join('\n'), S6: s6.join('\n') };
}

/** Placeholders staff have not replaced yet: an error, the report is not finished. */
export function placeholderFindings(texts: Partial<Record<EditableSection, string>>): Finding[] {
  const out: Finding[] = [];
  for (const key of editableSections) {
    const text = texts[key] ?? '';
    const count = text.split('（请填写').length - 1;
    const fields = [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]);
    if (fields.length > 0)
      out.push(
        finding(
          'text',
          'error',
          `“${sectionTitles[key]}”使用了不存在的字段：${fields.map((f) => `{{${f}}}`).join('、')}`,
        ),
      );
    if (count > 0)
      out.push(
        finding(
          'text',
          'error',
          `“${sectionTitles[key]}”还有${count}处“（请填写……）”未填写，请补充后再提交审核`,
        ),
      );
  }
  return out;
}
