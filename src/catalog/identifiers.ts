/** Check digits of the identifiers the privacy scan looks for. */

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idChecks = '10X98765432';

/** 公民身份号码 (GB 11643-1999): 18 characters, a real birth date and the ISO 7064 MOD 11-2 check. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * idWeights[i];
  if (idChecks[sum % 11] !== value[17].toUpperCase()) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
}

/** Luhn (ISO/IEC 7812) for bank card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a MOD 31 check character. */
export function isValidUscc(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccChars.indexOf(v[i]) * usccWeights[i];
  const check = (31 - (sum % 31)) % 31;
  return usccChars[check] === v[17];
}

/** Appends the check character to the first 17 characters of a USCC (tests and demo data). */
export function withUsccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccChars.indexOf(first17[i]) * usccWeights[i];
  return first17 + usccChars[(31 - (sum % 31)) % 31];
}

/** Appends the check digit to the first 17 digits of an ID number (tests and demo data). */
export function withIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i];
  return first17 + idChecks[sum % 11];
}
