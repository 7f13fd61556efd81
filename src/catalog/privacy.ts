import { isValidIdNumber, isValidUscc, passesLuhn } from './identifiers.ts';

export type PrivacyKind =
  | 'id-number'
  | 'mobile'
  | 'bank-card'
  | 'uscc-person'
  | 'hidden-sheet'
  | 'hidden-rows'
  | 'hidden-columns'
  | 'docx-comment'
  | 'tracked-change'
  | 'hidden-text'
  | 'unscannable'
  | 'unreadable';

/** One thing the privacy scan found. `excerpt` is masked so the finding itself leaks nothing. */
export interface PrivacyFinding {
  kind: PrivacyKind;
  /** 正文, or the attachment's file name. */
  source: string;
  excerpt: string;
  /** The part of an attachment: `word/header1.xml`, `docProps/core.xml`, `annotation p.1`, `info:Author` … */
  part?: string;
  /** Where in the source or part: a sheet name, a form field, a character offset … */
  where?: string;
}

export const privacyKindLabels: Record<PrivacyKind, string> = {
  'id-number': '公民身份号码',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  'uscc-person': '个人（个体工商户）统一社会信用代码',
  'hidden-sheet': '隐藏工作表',
  'hidden-rows': '隐藏行',
  'hidden-columns': '隐藏列',
  'docx-comment': '批注',
  'tracked-change': '修订痕迹',
  'hidden-text': '隐藏文字',
  unscannable: '无法检查的内容（图片、嵌入文件、宏等）',
  unreadable: '无法完整读取的文件',
};

/** Words that put a USCC next to a natural person (个体工商户 codes also start with 92). */
const personContext = /个体工商户|个体户|经营者|业主|户主|姓名|本人|身份证|居民|农户|村民|个人/;

/**
 * Scans text for personal data: 18-digit ID numbers (checksum), mobile numbers, bank card numbers
 * (16–19 digits, Luhn), and unified social credit codes of individuals or in a person's context.
 */
export function scanText(text: string, source: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);

  for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
    if (!isValidIdNumber(m[0])) continue;
    taken.push([m.index, m.index + m[0].length]);
    findings.push({
      kind: 'id-number',
      source,
      excerpt: mask(m[0], 6, 4),
      where: `第${m.index + 1}字`,
    });
  }
  for (const m of text.matchAll(
    /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g,
  )) {
    if (overlaps(m.index, m.index + 18) || !isValidUscc(m[0])) continue;
    const around = text.slice(Math.max(0, m.index - 30), m.index + 48);
    if (!m[0].startsWith('92') && !personContext.test(around)) continue;
    taken.push([m.index, m.index + 18]);
    findings.push({
      kind: 'uscc-person',
      source,
      excerpt: mask(m[0], 4, 2),
      where: `第${m.index + 1}字`,
    });
  }
  for (const m of text.matchAll(/(?<![\d])(?:\d[ -]?){15,18}\d(?![\d])/g)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19 || overlaps(m.index, m.index + m[0].length))
      continue;
    if (!passesLuhn(digits) || /^(\d)\1+$/.test(digits)) continue;
    taken.push([m.index, m.index + m[0].length]);
    findings.push({
      kind: 'bank-card',
      source,
      excerpt: mask(digits, 4, 4),
      where: `第${m.index + 1}字`,
    });
  }
  for (const m of text.matchAll(/(?<![\d])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![\d])/g)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const digits = m[0].replace(/\D/g, '').slice(-11);
    findings.push({
      kind: 'mobile',
      source,
      excerpt: mask(digits, 3, 4),
      where: `第${m.index + 1}字`,
    });
  }
  return findings;
}

/** `110101********1234`: keeps the first `head` and last `tail` characters. */
export function mask(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);
}
