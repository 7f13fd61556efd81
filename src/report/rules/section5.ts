/**
 * `section5`: section 五 (problems and improvements) that names no problem, or copied from the
 * previous year's report — what transparency evaluators mark down. Copying needs the previous
 * report (stored, imported, `--previous`, or the year before in the same `check DIR`).
 */
import { type Finding, finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { unanswered } from './section5Answer.ts';

/** A sentence counts when it has this many characters of its own (not a short sub-heading). */
const minSentence = 12;
/** Section 五 is "copied" when this share of its characters is in last year's section 五. */
const copiedShare = 0.8;

/** Sentences without spacing, with every year replaced, so "2024年" and "2025年" read the same. */
function sentences(text: string): string[] {
  return text
    .split(/[。；;！!？?\n]+/)
    .map((s) =>
      s
        .replace(/\s+/g, '')
        .replace(/^[（(][一二三四五六七八九十]+[)）]/, '')
        .replace(/(?:19|20)\d{2}年/g, 'Y年')
        .replace(/(?:上|本|今|去)年度?/g, 'Y年'),
    )
    .filter((s) => s.length >= minSentence);
}

function copied(report: AnnualReport, previous?: AnnualReport): Finding[] {
  const now = report.sections.S5?.text ?? '';
  const before = previous?.sections.S5?.text ?? '';
  if (!previous || previous.year === report.year || !now.trim() || !before.trim()) return [];
  const mine = sentences(now);
  const theirs = new Set(sentences(before));
  const total = mine.reduce((n, s) => n + s.length, 0);
  const copied = mine.filter((s) => theirs.has(s));
  const share = copied.reduce((n, s) => n + s.length, 0) / (total || 1);
  if (total === 0 || share < copiedShare) return [];
  const quote = (text: string) => {
    const flat = text.trim().replace(/\s+/g, ' ');
    return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
  };
  return [
    finding(
      'section5',
      'warning',
      `第五部分“存在的主要问题及改进情况”与${previous.year ?? '上一'}年度报告基本相同（${mine.length}句中${copied.length}句照抄）：本年“${quote(now)}”，上年“${quote(before)}”；应写出本年度的问题和对上年问题的整改情况`,
    ),
  ];
}

/** Words that name a shortcoming; a section 五 with none of them states no problem at all. */
const problemWords =
  /问题|不足|不够|有待|尚需|欠缺|短板|薄弱|不高|不强|不到位|差距|需进一步|仍需|还需|待提升|待加强|不及时|单一/;

/** Section 五 that names no problem (only what was done and will be done). */
function generic(report: AnnualReport): Finding[] {
  const section = report.sections.S5;
  const text = section?.text.replace(/\s+/g, '') ?? '';
  if (!section || text.length === 0 || problemWords.test(text)) return [];
  const quote = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return [
    finding(
      'section5',
      'warning',
      `“${section.heading.trim()}”没有写出存在的具体问题（“${quote}”）；应写明本年度工作中的问题和改进措施`,
    ),
  ];
}

export function section5(report: AnnualReport, previous?: AnnualReport): Finding[] {
  const copy = copied(report, previous);
  return [...generic(report), ...copy, ...(copy.length > 0 ? [] : unanswered(report, previous))];
}
