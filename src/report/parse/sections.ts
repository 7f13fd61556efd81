/** Finding the six section headings (S1–S6) in order, with their printed numbering. */
import type { ReportFormat } from '../formats/types.ts';
import type { SectionKey } from '../keys.ts';
import type { Section } from '../model.ts';
import { findHeadingLike } from './headingLike.ts';
import { findLabel, type NormalizedText } from './normalized.ts';

export interface HeadingMatch {
  key: SectionKey;
  start: number;
  end: number;
  heading: string;
}

const numeral = /([一二三四五六七八九十]|\d{1,2})\s*[、.．:：,，]?\s*$/;

/**
 * Each section heading: the first occurrence of its text, after the previous one, right after a
 * numeral; a section not found so is looked for as a heading-like line between its neighbours.
 */
export function findHeadings(nt: NormalizedText, format: ReportFormat): HeadingMatch[] {
  const exact = findExactHeadings(nt, format);
  if (exact.length === format.sections.length || exact.length === 0) return exact;
  const out: HeadingMatch[] = [];
  for (const spec of format.sections) {
    const found = exact.find((h) => h.key === spec.key);
    if (found) {
      out.push(found);
      continue;
    }
    const from = out.length > 0 ? out[out.length - 1].end : 0;
    const next = exact.find((h) => h.start >= from);
    const line = findHeadingLike(nt.original, spec, from, next ? next.start : nt.original.length);
    if (line) out.push({ key: spec.key, ...line });
  }
  return out;
}

function findExactHeadings(nt: NormalizedText, format: ReportFormat): HeadingMatch[] {
  const out: HeadingMatch[] = [];
  let cursor = 0;
  for (const spec of format.sections) {
    const terms = [spec.heading.text, ...(spec.heading.variants ?? [])];
    let from = cursor;
    for (;;) {
      const m = findLabel(nt, terms, from);
      if (!m) break;
      const before = nt.original
        .slice(Math.max(0, m.start - 12), m.start)
        .replace(/[#*\s]+$/g, (s) => s);
      const num = numeral.exec(before.replace(/[#\s]+$/, ''));
      if (num) {
        const start =
          m.start - (before.length - before.replace(/[#\s]+$/, '').length) - num[0].length;
        const heading = nt.original.slice(start, m.end).replace(/\s+/g, ' ').trim();
        out.push({ key: spec.key, start, end: m.end, heading });
        cursor = m.end;
        break;
      }
      from = m.end;
    }
  }
  return out;
}

/** Section bodies: from a heading's end to the next heading found (or the end of the text). */
export function sectionBodies(
  nt: NormalizedText,
  headings: HeadingMatch[],
): Partial<Record<SectionKey, Section>> {
  const sorted = [...headings].sort((a, b) => a.start - b.start);
  const out: Partial<Record<SectionKey, Section>> = {};
  sorted.forEach((h, i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1].start : nt.original.length;
    out[h.key] = { heading: h.heading, text: nt.original.slice(h.end, end).trim(), order: i };
  });
  return out;
}
