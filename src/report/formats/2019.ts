/** The 2019 trial format (国办公开办函〔2019〕60号), for report years 2019 and 2020 (§1.6). */
import { mid, reportFormat, t2Spec, t3Rows, t3Spec } from './common.ts';
import type { T2Column } from './types.ts';

const projectColumns: readonly T2Column[] = [
  { key: 'prevItems', label: { text: '上一年项目数量' } },
  {
    key: 'change',
    label: { text: '本年增/减', variants: ['本年增减', '本年增/ 减'] },
    signed: true,
  },
  { key: 'decisions', label: { text: '处理决定数量' } },
];

const t2 = t2Spec([
  {
    item: '一',
    captionVariants: ['第二十条 第(一)项'],
    columns: [
      { key: 'newMade', label: { text: '本年新制作数量', variants: ['本年新 制作数量'] } },
      { key: 'newPublished', label: { text: '本年新公开数量', variants: ['本年新 公开数量'] } },
      { key: 'publicTotal', label: { text: '对外公开总数量' } },
    ],
    rows: [
      { key: 'reg', label: { text: '规章' } },
      { key: 'norm', label: { text: '规范性文件', variants: ['行政规范性文件'] } },
    ],
  },
  {
    item: '五',
    columns: projectColumns,
    rows: [
      { key: 'lic', label: { text: '行政许可' } },
      { key: 'svc', label: { text: '其他对外管理服务事项' } },
    ],
  },
  {
    item: '六',
    columns: projectColumns,
    rows: [
      { key: 'pun', label: { text: '行政处罚' } },
      { key: 'coe', label: { text: '行政强制' } },
    ],
  },
  {
    item: '八',
    columns: [projectColumns[0], { ...projectColumns[1], colspan: 2 }],
    rows: [{ key: 'fee', label: { text: '行政事业性收费' } }],
  },
  {
    item: '九',
    columns: [
      { key: 'projects', label: { text: '采购项目数量' } },
      { key: 'amount', label: { text: '采购总金额' }, colspan: 2, decimal: true },
    ],
    rows: [{ key: 'proc', label: { text: '政府集中采购' } }],
  },
]);

const t3 = t3Spec(t3Rows((first) => [mid('o', '（六）其他处理', undefined, first)], 20));

export const format2019 = reportFormat({
  version: '2019',
  source: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  t2,
  t3,
  fingerprints: [
    '本年新制作数量',
    '对外公开总数量',
    '本年增/减',
    '第二十条第（九）项',
    '政府集中采购',
  ],
});
