/** Rules on the report's text: R11 (figures vs cells), R12 (fees), R13 (Art. 35), and document hygiene. */
import { type Finding, finding } from '../finding.ts';
import { formatOf } from '../formats/index.ts';
import type { CellKey, FormatVersion, T4GroupKey, T4OutcomeKey } from '../keys.ts';
import type { AnnualReport } from '../model.ts';
import { label, range, show, sumRange } from './cells.ts';
import { withRecomputedTotals } from './recompute.ts';

export function fullText(report: AnnualReport): string {
  const parts = [report.title ?? '', report.preamble ?? ''];
  for (const key of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const) {
    const s = report.sections[key];
    if (s) parts.push(s.heading, s.text);
  }
  return parts.join('\n');
}

function narrative(report: AnnualReport): string {
  return [
    report.preamble ?? '',
    report.sections.S1?.text ?? '',
    report.sections.S6?.text ?? '',
  ].join('\n');
}

interface Claim {
  pattern: RegExp;
  /** Alternative cell sums the figure may legitimately equal (those of the report's format count). */
  sums: CellKey[][];
  what: string;
  /** When the text just before the figure matches `before`, the figure may also be one of `sums`. */
  narrower?: { before: RegExp; sums: CellKey[][] };
}

const tot = (rows: string[]) => rows.map((r) => `t3.${r}.tot` as CellKey);

const gap = '[^，。；;,\\d]{0,10}?';
/** A gap that names no outcome: `办结的申请中同意公开答复9件` counts 公开, not 办结. */
const plainGap = '(?:(?!公开|答复|提供|处理)[^，。；;,\\d]){0,10}?';
const claims: Claim[] = [
  {
    pattern: new RegExp(
      `(?:新收|收到|受理|接收)${gap}(?:政府信息公开|依申请公开)?${gap}申请${gap}(\\d+)\\s*件`,
      'g',
    ),
    sums: [['t3.new.tot'], ['t3.new.tot', 't3.carryIn.tot']],
    what: '收到申请',
  },
  {
    pattern: new RegExp(`上年(?:度)?结转${gap}(\\d+)\\s*件`, 'g'),
    sums: [['t3.carryIn.tot']],
    what: '上年结转',
  },
  {
    pattern: new RegExp(`结转(?:至)?下(?:一)?年(?:度)?${gap}(\\d+)\\s*件`, 'g'),
    sums: [['t3.carryOut.tot']],
    what: '结转下年度',
  },
  {
    pattern: new RegExp(`(?:办结|答复)${gap}(?:政府信息公开)?申请${plainGap}(\\d+)\\s*[件条]`, 'g'),
    sums: [['t3.total.tot'], ['t3.new.tot']],
    what: '办结申请',
  },
  {
    pattern: /(?<![及和、])予以公开\s*(\d+)\s*[件条](?!.{0,2}部分公开)/g,
    sums: [['t3.open.tot'], ['t3.open.tot', 't3.partial.tot']],
    what: '予以公开',
  },
  {
    pattern: /(?<![及和、])部分公开\s*(\d+)\s*[件条]/g,
    sums: [['t3.partial.tot']],
    what: '部分公开',
  },
  {
    pattern: /(?<!其他|理由)不予公开\s*(\d+)\s*[件条]/g,
    sums: [
      [
        't3.w1.tot',
        't3.w2.tot',
        't3.w3.tot',
        't3.w4.tot',
        't3.w5.tot',
        't3.w6.tot',
        't3.w7.tot',
        't3.w8.tot',
      ],
    ],
    what: '不予公开',
  },
  {
    pattern: /予以公开及部分公开\s*(\d+)\s*件/g,
    sums: [['t3.open.tot', 't3.partial.tot']],
    what: '予以公开及部分公开',
  },
  {
    pattern: /无法提供\s*(\d+)\s*[件条]/g,
    sums: [tot(['u1', 'u2', 'u3'])],
    what: '无法提供',
    // "因本机关不掌握无法提供N件" counts the 不掌握 row alone; "不掌握等原因" counts them all.
    narrower: { before: /不掌握(?!等)[^，。；\d]{0,10}$/, sums: [tot(['u1'])] },
  },
  {
    pattern: /(?<!其他|理由)不予处理\s*(\d+)\s*[件条]/g,
    sums: [tot(['n1', 'n2', 'n3', 'n4', 'n5'])],
    what: '不予处理',
  },
  {
    pattern: /其他处理\s*(\d+)\s*[件条]/g,
    sums: [tot(['o']), tot(['o1', 'o2', 'o3'])],
    what: '其他处理',
  },
  {
    pattern: new RegExp(`行政复议${gap}(\\d+)\\s*件`, 'g'),
    sums: [['t4.rv.total']],
    what: '行政复议',
  },
  {
    pattern: new RegExp(`行政诉讼${gap}(\\d+)\\s*件`, 'g'),
    sums: [['t4.ld.total', 't4.lr.total']],
    what: '行政诉讼',
  },
];

const keySets = new Map<FormatVersion, Set<CellKey>>();
function formatKeys(version: FormatVersion): Set<CellKey> {
  let keys = keySets.get(version);
  if (!keys) {
    keys = new Set(formatOf(version).cellKeys);
    keySets.set(version, keys);
  }
  return keys;
}

/** "复议N件，诉讼M件，均获维持": every case of the groups named was upheld (T4, none else). */
function allUpheld(report: AnnualReport, text: string): Finding[] {
  const out: Finding[] = [];
  // Without a leading optional `(?:行政)?` the regex scans twice as fast; the 行政 is added back.
  for (const m of text.matchAll(/(?:复议|诉讼)[^。；]{0,30}?均(?:获|被|予以|得到)?维持/g)) {
    const quoted = text.startsWith('行政', m.index - 2) ? `行政${m[0]}` : m[0];
    const groups = [
      ...(m[0].includes('复议') ? (['rv'] as const) : []),
      ...(m[0].includes('诉讼') ? (['ld', 'lr'] as const) : []),
    ];
    const others = groups.flatMap((g) =>
      (['corrected', 'other', 'pending'] as const).map((o) => `t4.${g}.${o}` as CellKey),
    );
    const notUpheld = others.filter((k) => (range(report, k)?.min ?? 0) > 0);
    if (notUpheld.length === 0) continue;
    out.push(
      finding(
        'R11',
        'warning',
        `正文“${quoted.trim()}”称全部维持，但${notUpheld.map((k) => `${label(report, k)}为${show(range(report, k)!)}`).join('、')}`,
        notUpheld,
      ),
    );
  }
  return out;
}

const outcomeWords: [RegExp, T4OutcomeKey][] = [
  [/维持/, 'upheld'],
  [/纠正/, 'corrected'],
  [/其他/, 'other'],
  [/未审结|审理中/, 'pending'],
];

/** “行政复议351件，其中结果维持72件，结果纠正64件…”: each outcome against its T4 cell (诉讼: 直接起诉＋复议后起诉). */
function t4Outcomes(report: AnnualReport, text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(
    /(行政复议|行政诉讼)[^，。；\d]{0,10}?\d+\s*件[，,]?其中([^。；]*)/g,
  )) {
    const groups: T4GroupKey[] = m[1] === '行政复议' ? ['rv'] : ['ld', 'lr'];
    for (const part of m[2].matchAll(/([^，,、\d]{1,8}?)(\d+)\s*件/g)) {
      const outcome = outcomeWords.find(([word]) => word.test(part[1]))?.[1];
      if (!outcome) continue;
      const keys = groups.map((g) => `t4.${g}.${outcome}` as CellKey);
      const ranges = keys.map((k) => range(report, k));
      if (ranges.some((r) => r === undefined)) continue;
      const sum = sumRange(ranges as never);
      const stated = Number(part[2]);
      if (sum.min <= stated && stated <= sum.max) continue;
      out.push(
        finding(
          'R11',
          'warning',
          `正文“${m[1]}…${part[0].trim()}”称${stated}件，但${keys.map((k) => label(report, k)).join('＋')}为${show(sum)}`,
          keys,
        ),
      );
    }
  }
  return out;
}

/** R11: figures quoted in the narrative equal the table cells. */
export function r11(printed: AnnualReport): Finding[] {
  const report = withRecomputedTotals(printed);
  const out: Finding[] = [];
  const text = narrative(report);
  const inFormat = formatKeys(report.formatVersion);
  const ofFormat = (sums: CellKey[][]) => sums.filter((keys) => keys.every((k) => inFormat.has(k)));
  for (const claim of claims) {
    for (const m of text.matchAll(claim.pattern)) {
      const stated = Number(m[1]);
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      const sums = ofFormat(
        claim.narrower?.before.test(before) ? [...claim.sums, ...claim.narrower.sums] : claim.sums,
      );
      if (sums.length === 0) continue;
      const options = sums.map((keys) => {
        const ranges = keys.map((k) => range(report, k));
        return ranges.some((r) => r === undefined)
          ? undefined
          : { keys, r: sumRange(ranges as never) };
      });
      if (options.some((o) => o === undefined)) continue;
      const fits = options.some((o) => o && o.r.min <= stated && stated <= o.r.max);
      if (fits) continue;
      const first = options[0]!;
      out.push(
        finding(
          'R11',
          'warning',
          `正文“${m[0].trim()}”称${claim.what}${stated}件，但${first.keys.map((k) => label(report, k)).join('＋')}为${show(first.r)}`,
          first.keys,
        ),
      );
    }
  }
  out.push(...allUpheld(report, text), ...t4Outcomes(report, text));
  return out;
}

/**
 * The report's statement about fees: section 六 as the format places it, plus any sentence elsewhere
 * that names the fee (莆田市统计局 2022 prints 六's heading before 五's, so its fee line falls under 五).
 */
function feeStatement(report: AnnualReport): string {
  const elsewhere = (['S1', 'S2', 'S3', 'S4', 'S5'] as const).flatMap((key) =>
    (report.sections[key]?.text ?? '')
      .split(/\n|(?<=。)/)
      .filter((s) => /信息处理费|信息费/.test(s)),
  );
  return [report.sections.S6?.text ?? '', ...elsewhere].join('\n');
}

/** R12: the report states the 信息处理费 situation (including “未收取”), normally in section 六. */
export function r12(report: AnnualReport): Finding[] {
  // The fee rules (国办函〔2020〕109号) took effect on 2021-01-01.
  if (report.year === null || report.year < 2021) return [];
  const statement = feeStatement(report);
  const o2 = report.cells['t3.o2.tot'];
  const active = typeof o2 === 'number' && o2 > 0;
  if (active && /(?:未|没有)(?:发出|下发|出具|发送)?(?:过)?(?:缴费|收费)通知/.test(statement))
    return [
      finding(
        'R12',
        'warning',
        `${label(report, 't3.o2.tot')}为${o2}，说明本年发出过收费通知，但报告关于信息处理费的说明称没有收费通知`,
        ['t3.o2.tot'],
      ),
    ];
  // “未收取政府依申请公开信息费”, “无收取信息费” name the fee too.
  const mentions = /信息处理费|处理费|收费|信息费/.test(statement);
  if (mentions) return [];
  return [
    finding(
      'R12',
      'warning',
      active
        ? `${label(report, 't3.o2.tot')}为${o2}，说明本年发出过收费通知，但报告未说明信息处理费收取情况（应在“六、其他需要报告的事项”中写明）`
        : '报告未说明信息处理费收取情况（应在“六、其他需要报告的事项”中写明，未收取的也应写明“未收取”）',
      active ? ['t3.o2.tot'] : [],
    ),
  ];
}

/** R13: 无正当理由大量反复申请 cases need an explanation in the text. */
export function r13(report: AnnualReport): Finding[] {
  const n4 = report.cells['t3.n4.tot'];
  if (typeof n4 !== 'number' || n4 === 0) return [];
  if (/大量反复|反复申请|第三十五条/.test(fullText(report))) return [];
  return [
    finding(
      'R13',
      'warning',
      `${label(report, 't3.n4.tot')}为${n4}，但正文没有说明这些申请的情况（条例第三十五条）`,
      ['t3.n4.tot'],
    ),
  ];
}
