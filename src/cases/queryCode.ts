import { randomInt } from 'node:crypto';

/** No 0/1/I/O, so a code read aloud or copied by hand is not misread. 32^12 ≈ 1.2 × 10^18 codes. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 12;

/** A random query code for the applicant, e.g. `7KQ2MZ9D4XHP`. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What the applicant typed, normalised: upper case without spaces or dashes; null if malformed. */
export function normalizeQueryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return code.length === LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) ? code : null;
}

/** `7KQ2-MZ9D-4XHP`, for display. */
export function formatQueryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
