/** Parts shared by the 2019 and 2021 formats: sections, the T3 header and rows (一)–(五), T4. */
import { applicantKeys, type CellKey, t3Key, t4GroupKeys, t4Key, t4OutcomeKeys } from '../keys.ts';
import type {
  Label,
  LayoutCell,
  ReportFormat,
  SectionSpec,
  T2Column,
  T2Row,
  T2Spec,
  T3Column,
  T3Row,
  T3Spec,
  T4Spec,
} from './types.ts';

/** One group of T2: an item of Art. 20, its columns and rows. */
export interface Article20Group {
  /** The item's numeral, e.g. `一` for 第二十条第（一）项. */
  item: string;
  captionVariants?: readonly string[];
  columns: readonly T2Column[];
  rows: readonly T2Row[];
}

/** T2 of both formats: a group for each item of Art. 20, each with the header 信息内容. */
export function t2Spec(groups: readonly Article20Group[]): T2Spec {
  return {
    title: { text: '主动公开政府信息情况' },
    width: 4,
    groups: groups.map(({ item, captionVariants, columns, rows }) => ({
      caption: {
        text: `第二十条第（${item}）项`,
        ...(captionVariants ? { variants: captionVariants } : {}),
      },
      headerLabel: { text: '信息内容' },
      columns,
      rows,
    })),
  };
}

export const sectionsCommon: readonly SectionSpec[] = [
  { key: 'S1', numeral: '一', heading: { text: '总体情况' } },
  {
    key: 'S2',
    numeral: '二',
    heading: { text: '主动公开政府信息情况' },
    table: 't2',
  },
  {
    key: 'S3',
    numeral: '三',
    heading: { text: '收到和处理政府信息公开申请情况' },
    table: 't3',
  },
  {
    key: 'S4',
    numeral: '四',
    heading: {
      text: '政府信息公开行政复议、行政诉讼情况',
      variants: [
        '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
        '因政府信息公开工作被申请行政复议提起行政诉讼情况',
        '政府信息公开行政复议、行政诉讼情况',
      ],
    },
    table: 't4',
  },
  {
    key: 'S5',
    numeral: '五',
    heading: {
      text: '存在的主要问题及改进情况',
      // The 条例 Art. 50 wording (§1.2); other wordings are found as heading-like lines and warned.
      variants: ['政府信息公开工作存在的主要问题及改进情况'],
    },
  },
  {
    key: 'S6',
    numeral: '六',
    heading: {
      text: '其他需要报告的事项',
    },
  },
];

export const t3Note: Label = {
  text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  variants: ['（本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和）'],
};

export const t3Columns: readonly T3Column[] = [
  { key: 'np', label: { text: '自然人' } },
  { key: 'biz', label: { text: '商业企业', variants: ['商业 企业'] } },
  { key: 'res', label: { text: '科研机构', variants: ['科研 机构'] } },
  { key: 'ngo', label: { text: '社会公益组织', variants: ['社会公益 组织'] } },
  { key: 'law', label: { text: '法律服务机构', variants: ['法律服务 机构'] } },
  { key: 'oth', label: { text: '其他' } },
  { key: 'tot', label: { text: '总计' } },
];

export const t3Header: readonly (readonly LayoutCell[])[] = [
  [
    { text: t3Note.text, rowspan: 3, colspan: 3 },
    { text: '申请人情况', colspan: 7 },
  ],
  [
    { text: '自然人', rowspan: 2 },
    { text: '法人或其他组织', colspan: 5 },
    { text: '总计', rowspan: 2 },
  ],
  [
    { text: '商业企业' },
    { text: '科研机构' },
    { text: '社会公益组织' },
    { text: '法律服务机构' },
    { text: '其他' },
  ],
];

const results = '三、本年度办理结果';

function top(key: T3Row['key'], text: string, variants?: string[]): T3Row {
  return { key, path: [{ text, variants }], stub: [{ text, colspan: 3 }] };
}

/** A row under 三、本年度办理结果 without level-3 children, e.g. （一）予以公开. */
export function mid(
  key: T3Row['key'],
  text: string,
  variants: string[] | undefined,
  first: LayoutCell[],
) {
  return {
    key,
    path: [{ text: results }, { text, variants }],
    stub: [...first, { text, colspan: 2 }],
  } satisfies T3Row;
}

/** Leaf rows of a level-2 group such as （三）不予公开. */
export function group(
  keyPrefix: 'w' | 'u' | 'n' | 'o',
  text: string,
  leaves: readonly Label[],
  first: LayoutCell[] = [],
): T3Row[] {
  return leaves.map((leaf, i) => ({
    key: `${keyPrefix}${i + 1}` as T3Row['key'],
    path: [{ text: results }, { text }, leaf],
    stub: [...(i === 0 ? [...first, { text, rowspan: leaves.length }] : []), { text: leaf.text }],
  }));
}

/** T3 rows for a given （六）其他处理 part; `resultRows` is the block's rowspan (22 or 20). */
export function t3Rows(otherRows: (first: LayoutCell[]) => T3Row[], resultRows: number): T3Row[] {
  const block: LayoutCell = { text: results, rowspan: resultRows };
  return [
    top('new', '一、本年新收政府信息公开申请数量', ['一、本年度新收政府信息公开申请数量']),
    top('carryIn', '二、上年结转政府信息公开申请数量', ['二、上年度结转政府信息公开申请数量']),
    mid('open', '（一）予以公开', undefined, [block]),
    mid(
      'partial',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      ['（二）部分公开（区分处理的，只计这一情况，不计其他情况）', '（二）部分公开'],
      [],
    ),
    ...group('w', '（三）不予公开', [
      { text: '1.属于国家秘密' },
      { text: '2.其他法律行政法规禁止公开' },
      { text: '3.危及“三安全一稳定”', variants: ['3.危及"三安全一稳定"', '3.危及三安全一稳定'] },
      { text: '4.保护第三方合法权益' },
      { text: '5.属于三类内部事务信息', variants: ['5.属于三类内容事务信息'] },
      { text: '6.属于四类过程性信息' },
      { text: '7.属于行政执法案卷' },
      { text: '8.属于行政查询事项' },
    ]),
    ...group('u', '（四）无法提供', [
      { text: '1.本机关不掌握相关政府信息' },
      { text: '2.没有现成信息需要另行制作' },
      { text: '3.补正后申请内容仍不明确' },
    ]),
    ...group('n', '（五）不予处理', [
      { text: '1.信访举报投诉类申请' },
      { text: '2.重复申请' },
      { text: '3.要求提供公开出版物' },
      { text: '4.无正当理由大量反复申请' },
      { text: '5.要求行政机关确认或重新出具已获取信息' },
    ]),
    ...otherRows([]),
    mid('total', '（七）总计', undefined, []),
    top('carryOut', '四、结转下年度继续办理', ['四、结转下年度办理']),
  ];
}

export function t3Spec(rows: T3Row[]): T3Spec {
  return {
    title: { text: '收到和处理政府信息公开申请情况' },
    note: t3Note,
    header: t3Header,
    stubWidth: 3,
    columns: t3Columns,
    rows,
  };
}

export const t4Spec: T4Spec = {
  title: { text: '政府信息公开行政复议、行政诉讼情况' },
  header: [
    [
      { text: '行政复议', colspan: 5 },
      { text: '行政诉讼', colspan: 10 },
    ],
    [
      { text: '结果维持', rowspan: 2 },
      { text: '结果纠正', rowspan: 2 },
      { text: '其他结果', rowspan: 2 },
      { text: '尚未审结', rowspan: 2 },
      { text: '总计', rowspan: 2 },
      { text: '未经复议直接起诉', colspan: 5 },
      { text: '复议后起诉', colspan: 5 },
    ],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果']
      .concat(['尚未审结', '总计'])
      .map((text) => ({ text })),
  ],
  groups: [
    { key: 'rv', label: { text: '行政复议' } },
    { key: 'ld', label: { text: '未经复议直接起诉' }, parent: { text: '行政诉讼' } },
    { key: 'lr', label: { text: '复议后起诉' }, parent: { text: '行政诉讼' } },
  ],
  outcomes: [
    { key: 'upheld', label: { text: '结果维持' } },
    { key: 'corrected', label: { text: '结果纠正' } },
    { key: 'other', label: { text: '其他结果' } },
    { key: 'pending', label: { text: '尚未审结' } },
    { key: 'total', label: { text: '总计' } },
  ],
};

/** All cell keys in reading order: T2 group by group, T3 row by row, T4 group by group. */
export function cellKeysOf(t2: T2Spec, t3: T3Spec): CellKey[] {
  const keys: CellKey[] = [];
  for (const g of t2.groups)
    for (const r of g.rows) for (const c of g.columns) keys.push(`t2.${r.key}.${c.key}` as CellKey);
  for (const r of t3.rows) for (const c of applicantKeys) keys.push(t3Key(r.key, c));
  for (const g of t4GroupKeys) for (const o of t4OutcomeKeys) keys.push(t4Key(g, o));
  return keys;
}

/** A format from what sets it apart; the sections, T4 and the cell keys follow from them. */
export function reportFormat(
  own: Pick<ReportFormat, 'version' | 'source' | 'years' | 't2' | 't3' | 'fingerprints'>,
): ReportFormat {
  const { version, source, years, t2, t3, fingerprints } = own;
  return {
    version,
    source,
    years,
    sections: sectionsCommon,
    t2,
    t3,
    t4: t4Spec,
    cellKeys: cellKeysOf(t2, t3),
    fingerprints,
  };
}
