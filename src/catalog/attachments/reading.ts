import type { PrivacyFinding } from '../privacy.ts';

/** The text of one part of a file, as the scan reads it. */
export interface PartText {
  /** `word/header1.xml`, `docProps/core.xml`, `page p.1`, `annotation p.1`, `info:Author` … */
  part: string;
  lines: string[];
  /** A sheet name, a form field name … */
  where?: string;
}

/**
 * What a format reader got out of a file: the text of every part, what is hidden or cannot be
 * scanned (findings of their own kind), and the visible text for search.
 */
export interface FileReading {
  parts: PartText[];
  findings: PrivacyFinding[];
  searchText: string;
}

/** A finding about a file's structure (not about a number in its text). */
export function structural(
  kind: PrivacyFinding['kind'],
  source: string,
  part: string,
  excerpt: string,
  where?: string,
): PrivacyFinding {
  return where === undefined
    ? { kind, source, part, excerpt }
    : { kind, source, part, excerpt, where };
}
