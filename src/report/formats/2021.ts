/** The 2021 format (国办公开办函〔2021〕30号), used for report years 2021 onwards (§1.2–§1.5). */
import { group, reportFormat, t2Spec, t3Rows, t3Spec } from './common.ts';

const decisions = {
  key: 'decisions',
  label: { text: '本年处理决定数量' },
  colspan: 3,
} as const;

const t2 = t2Spec([
  {
    item: '一',
    captionVariants: ['第二十条 第(一)项'],
    columns: [
      { key: 'made', label: { text: '本年制发件数', variants: ['本年新制发件数'] } },
      { key: 'repealed', label: { text: '本年废止件数' } },
      {
        key: 'valid',
        label: { text: '现行有效件数', variants: ['现行有效件数(历史累计)'] },
      },
    ],
    rows: [
      { key: 'reg', label: { text: '规章' } },
      { key: 'norm', label: { text: '行政规范性文件', variants: ['规范性文件'] } },
    ],
  },
  {
    item: '五',
    columns: [decisions],
    rows: [{ key: 'lic', label: { text: '行政许可' } }],
  },
  {
    item: '六',
    columns: [decisions],
    rows: [
      { key: 'pun', label: { text: '行政处罚' } },
      { key: 'coe', label: { text: '行政强制' } },
    ],
  },
  {
    item: '八',
    columns: [
      {
        key: 'amountWan',
        label: {
          text: '本年收费金额（单位：万元）',
          variants: ['本年收费金额(单位:万元)', '本年收费金额', '上一年项目本年收费金额'],
        },
        colspan: 3,
        unit: '万元',
        decimal: true,
      },
    ],
    rows: [{ key: 'fee', label: { text: '行政事业性收费' } }],
  },
]);

const t3 = t3Spec(
  t3Rows(
    (first) =>
      group(
        'o',
        '（六）其他处理',
        [
          {
            text: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            variants: ['1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请'],
          },
          {
            text: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            variants: ['2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请'],
          },
          { text: '3.其他' },
        ],
        first,
      ),
    22,
  ),
);

export const format2021 = reportFormat({
  version: '2021',
  source: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  t2,
  t3,
  fingerprints: [
    '本年制发件数',
    '本年处理决定数量',
    '本年收费金额',
    '逾期未按收费通知要求缴纳费用',
  ],
});
