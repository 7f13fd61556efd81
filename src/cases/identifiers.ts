/**
 * Checksums of Chinese identity numbers, for the application form and the privacy scan.
 * - 居民身份证号码 (GB 11643-1999): 17 digits + a check character (0-9 or X), ISO 7064 MOD 11-2.
 * - 统一社会信用代码 (GB 32100-2015): 17 characters + a check character, MOD 31 over the
 *   alphabet 0-9 A-H J-N P-R T-U W-Y (no I O Z S V).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of a 身份证号码. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** An 18-digit 居民身份证号码 with a valid birth date and check character (x accepted for X). */
export function isValidIdCardNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isValidBirthDate(id.slice(6, 14))) return false;
  return idCardCheckChar(id) === id[17];
}

function isValidBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** An 18-character 统一社会信用代码 with a valid check character (lower case accepted). */
export function isValidUscc(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUW-Y]{2}\d{6}[0-9A-HJ-NPQRTUW-Y]{10}$/.test(code)) return false;
  return usccCheckChar(code) === code[17];
}

/** Patterns that find candidate numbers in free text (the privacy scan checks each with the validators). */
export const ID_CARD_PATTERN = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
export const USCC_PATTERN = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUW-Y]{18}(?![0-9A-Za-z])/g;

/** Every valid 身份证号码 in a text. */
export function findIdCardNumbers(text: string): string[] {
  return [...text.matchAll(ID_CARD_PATTERN)].map((m) => m[0]).filter(isValidIdCardNumber);
}

/** Every valid 统一社会信用代码 in a text. */
export function findUsccs(text: string): string[] {
  return [...text.matchAll(USCC_PATTERN)].map((m) => m[0]).filter(isValidUscc);
}

/** `430321********1234`: enough to recognise, not enough to misuse. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** `138****5678`. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\s/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
