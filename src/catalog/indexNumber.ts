import { GongkaiError } from '../errors.ts';

/**
 * 索引号 in the national form `<USCC or 9-char org code>/<YYYY>-<serial>` (《政府信息公开目录系统
 * 实施指引（试行）》): the serial is 5 digits (6 once past 99999), unique per agency and year.
 */
export interface IndexNumber {
  prefix: string;
  year: number;
  serial: number;
}

const prefixPattern = /^[0-9A-Z]{9}(?:[0-9A-Z]{9})?$/;
const nationalPattern = /^([0-9A-Z]{9}(?:[0-9A-Z]{9})?)\/(\d{4})(?:\d{2})?-(\d{5,6})$/;

export function formatIndexNumber({ prefix, year, serial }: IndexNumber): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) {
    throw new GongkaiError('catalog.index.serial', { serial });
  }
  return `${prefix}/${year}-${String(serial).padStart(5, '0')}`;
}

/** Parses the national form (also `YYYYMM-` and 6-digit serials); null for any other scheme. */
export function parseIndexNumber(value: string): IndexNumber | null {
  const m = nationalPattern.exec(value.trim());
  if (!m) return null;
  return { prefix: m[1], year: Number(m[2]), serial: Number(m[3]) };
}

export function isNationalIndexNumber(value: string): boolean {
  return parseIndexNumber(value) !== null;
}

/**
 * The prefix for an agency: its 统一社会信用代码, or its 9-character organisation code with the
 * hyphen dropped. An agency with neither falls back to its site code (a form seen in practice,
 * e.g. `tongjiju/2023-00075`), so publishing never fails; set the USCC to get the national form.
 */
export function indexPrefix(agency: { uscc: string | null; code: string }): string {
  const code = (agency.uscc ?? '').replace(/-/g, '').toUpperCase();
  return prefixPattern.test(code) ? code : agency.code;
}

/** A legacy number kept on import: printable, no spaces, at most 64 characters. */
export function isAcceptableLegacyIndex(value: string): boolean {
  return /^[\x21-\x7E]{3,64}$/.test(value);
}
