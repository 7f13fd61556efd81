/** Finding the six section headings (S1–S6) in order, with their printed numbering. */
import type { ReportFormat, SectionSpec } from '../formats/types.ts';
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
  const late: SectionSpec[] = [];
  let cursor = 0;
  for (const spec of format.sections) {
    const found = numberedHeading(nt, spec, cursor, nt.original.length);
    if (!found) {
      late.push(spec);
      continue;
    }
    out.push(found);
    cursor = found.end;
  }
  // A heading printed out of order (六 before 五) is still there: R14 reports the order, not a gap.
  for (const spec of late) {
    const found = numberedHeading(nt, spec, 0, cursor);
    if (found && !out.some((h) => found.start < h.end && h.start < found.end)) out.push(found);
  }
  return out;
}

/** The first occurrence of a section's heading text from `from`, right after a numeral, ending by `to`. */
function numberedHeading(
  nt: NormalizedText,
  spec: SectionSpec,
  from: number,
  to: number,
): HeadingMatch | undefined {
  const terms = [spec.heading.text, ...(spec.heading.variants ?? [])];
  for (let at = from; ; ) {
    const m = findLabel(nt, terms, at);
    if (!m || m.end > to) return undefined;
    const before = nt.original.slice(Math.max(0, m.start - 12), m.start);
    const num = numeral.exec(before.replace(/[#\s]+$/, ''));
    if (num) {
      const start =
        m.start - (before.length - before.replace(/[#\s]+$/, '').length) - num[0].length;
      const heading = nt.original.slice(start, m.end).replace(/\s+/g, ' ').trim();
      return { key: spec.key, start, end: m.end, heading };
    }
    at = m.end;
  }
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
