/**
 * Petitioners' personal data (name, contact, identity number, the matter's details and the reply)
 * is shown only to petition staff. The other roles (admin, drafter, reviewer, supervisor, auditor)
 * see the register with these fields masked.
 */
import { maskName } from '../cases/privacy.ts';

export { maskName };

export const PETITION_STAFF_ROLES = ['handler', 'office'] as const;

export const MASKED_TEXT = '（仅信访工作人员可见）';

export function canSeePetitionerData(roles: readonly string[]): boolean {
  return roles.some((r) => (PETITION_STAFF_ROLES as readonly string[]).includes(r));
}

/** `13812345678` → `138****5678`; short numbers are masked entirely. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export interface PetitionerData {
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

/** The petitioner as a role may see it. */
export function petitionerFor(roles: readonly string[], p: PetitionerData): PetitionerData {
  if (canSeePetitionerData(roles)) return p;
  return {
    name: maskName(p.name),
    phone: p.phone ? maskPhone(p.phone) : null,
    idNumber: p.idNumber ? MASKED_TEXT : null,
    address: p.address ? MASKED_TEXT : null,
  };
}
