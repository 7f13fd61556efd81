/**
 * Applicants' personal data — a natural person's name as much as the ID number and the phone — is shown in full
 * only to the staff of the agency who handle its cases (`office`, `handler`). Everyone else who
 * may read cases (reviewer, admin, the county's supervisor and auditor overseeing a department, and
 * a county's staff looking at a member department's cases) sees it masked. One policy for the case
 * list, the case page and every drill-down.
 */
export const CASE_STAFF_ROLES = ['office', 'handler'] as const;

export function canSeeApplicantData(roles: readonly string[]): boolean {
  return roles.some((r) => (CASE_STAFF_ROLES as readonly string[]).includes(r));
}

/** `张三丰` → `张**`: enough to tell records apart, not to identify the person. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/**
 * The applicant's name as a viewer with these roles (in the case's own agency) may see it. Only a
 * natural person's name is personal data; a company's or an organisation's is shown as it is.
 */
export function applicantNameFor(
  roles: readonly string[],
  name: string,
  applicantType: string,
): string {
  return applicantType !== 'np' || canSeeApplicantData(roles) ? name : maskName(name);
}
