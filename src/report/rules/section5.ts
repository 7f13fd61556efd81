/**
 * `section5`: section 五 (problems and improvements) copied from the previous year's report — what
 * transparency evaluators mark down. Needs the previous report (stored, imported or `--previous`).
 */
import { type Finding, finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';

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

export function section5Copied(report: AnnualReport, previous?: AnnualReport): Finding[] {
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
