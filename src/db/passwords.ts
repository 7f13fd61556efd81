import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library defaults (m=19 MiB, t=2, p=1). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let checks = 0;
let dummyHash: Promise<string> | undefined;

/**
 * Checks a login's password. An unknown user name is checked against a dummy hash made with the
 * same parameters, so it costs the same work and answers no faster than a known one.
 */
export async function checkPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  checks++;
  const valid = await verifyPassword(passwordHash ?? (await dummyHash), password);
  return valid && passwordHash !== undefined;
}

/** How many login passwords this process has checked (the throttling tests count them). */
export const passwordChecks = () => checks;

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A 16-character password without look-alike characters, for `gongkai user add`. */
export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
