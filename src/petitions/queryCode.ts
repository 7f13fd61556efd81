import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read out over the phone and typed from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/** A petition's query code, e.g. `XF-7KQM-2HZP-W9RD` (12 random characters, about 59 bits). */
export function newPetitionQueryCode(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < LENGTH; i++) body += ALPHABET[random(ALPHABET.length)];
  return `XF-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}

/** Accepts what people type (lower case, spaces, missing dashes); null when it cannot be a code. */
export function normalizePetitionQueryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('XF') ? compact.slice(2) : compact;
  if (body.length !== LENGTH || [...body].some((c) => !ALPHABET.includes(c))) return null;
  return `XF-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}
