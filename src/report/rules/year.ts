/**
 * `year`: a year, statistics period or download link copied from an earlier report — the report
 * speaks of another year where it means its own (“2024年度我局未收到…” in a 2025 report).
 */
import { type Finding, finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { fullText } from './narrative.ts';

export function yearInText(report: AnnualReport): Finding[] {
  if (report.year === null) return [];
  const year = report.year;
  const text = fullText(report);
  return [
    ...statisticsPeriod(text, year),
    ...ownTitleYear(report, year),
    ...staleS1(report, year),
    ...staleSentences(report, year),
    ...staleLinks(text, year),
  ];
}

/** “统计期限/数据期限为2024年1月1日至2024年12月31日” names the report's own year. */
function statisticsPeriod(text: string, year: number): Finding[] {
  const period =
    /(?:统计|数据)(?:期限|时间|区间|期间|周期)[^。]{0,12}?(\d{2,4})\s*年\s*1\s*月\s*1\s*日/.exec(
      text,
    );
  if (!period) return [];
  const y = Number(period[1]);
  if (period[1].length !== 4)
    return [finding('year', 'warning', `统计期限写作“${period[0]}”，年份不完整，应为${year}年`)];
  if (y === year) return [];
  return [
    finding('year', 'error', `统计期限“${period[0]}”的年份为${y}年，但本报告是${year}年度报告`),
  ];
}

/** The opening names the report itself with another year (“公布…2024年度政府信息公开工作年度报告” in 2025). */
function ownTitleYear(report: AnnualReport, year: number): Finding[] {
  const opening = report.preamble ?? '';
  for (const m of opening.matchAll(/((?:19|20)\d{2})\s*年度?\s*政府信息公开工作\s*年度报告/g)) {
    if (Number(m[1]) === year) continue;
    return [
      finding(
        'year',
        'warning',
        `报告开头称“${m[0]}”，但本报告是${year}年度报告，疑似沿用了${m[1]}年度报告的文字`,
      ),
    ];
  }
  return [];
}

/** “一、总体情况” that mentions only last year. */
function staleS1(report: AnnualReport, year: number): Finding[] {
  const s1 = report.sections.S1?.text ?? '';
  const years = [...s1.matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (!years.includes(year - 1) || years.includes(year)) return [];
  return [
    finding(
      'year',
      'warning',
      `“一、总体情况”只提到${year - 1}年、没有提到${year}年，疑似沿用上年报告`,
    ),
  ];
}

/** A sentence opening with an earlier year and the agency as subject: “2024年度我局未收到…”. */
const agencyYear =
  /^(20\d{2})年度?[，,]?(?:我|本)(?:局|委|办|厅|署|院|会|府|区|县|市|镇|街道|中心|单位|机关|部门)/;
/** Sentences that look back on purpose: a comparison, last year's report, its problems' 整改. */
const lookingBack = /报告|整改|同比|相比|较上年|上年|去年|对比|以来|至今/;

function staleSentences(report: AnnualReport, year: number): Finding[] {
  const out: Finding[] = [];
  for (const key of ['S1', 'S5', 'S6'] as const) {
    const section = report.sections[key];
    if (!section) continue;
    for (const raw of section.text.split(/[。！？；]/)) {
      const sentence = raw.replace(/\s+/g, '').replace(/^[（(][一二三四五六七八九十]+[)）]/, '');
      const m = agencyYear.exec(sentence);
      if (!m || Number(m[1]) >= year || lookingBack.test(sentence)) continue;
      const quote = sentence.length > 40 ? `${sentence.slice(0, 40)}…` : sentence;
      out.push(
        finding(
          'year',
          'warning',
          `“${section.heading.trim()}”中“${quote}”写的是${m[1]}年，但本报告是${year}年度报告，疑似沿用了往年报告的句子`,
        ),
      );
      break;
    }
  }
  return out;
}

/** A link to a year's report column (…/2021ndbg/, …/2025nzfxxgkndbg/) of another year. */
function staleLinks(text: string, year: number): Finding[] {
  for (const m of text.matchAll(/https?:\/\/[\w.:-]+(?:\/[\w.%-]*)*/g)) {
    const segment = m[0].split('/').find((s) => /^(?:19|20)\d{2}n?[a-z]+$/i.test(s));
    const linked = segment ? Number(segment.slice(0, 4)) : year;
    if (linked >= year) continue;
    return [
      finding(
        'year',
        'warning',
        `报告给出的下载地址“${m[0]}”指向${linked}年度的年报栏目，但本报告是${year}年度报告`,
      ),
    ];
  }
  return [];
}
