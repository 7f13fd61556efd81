import type { PrivacyFinding } from '../privacy.ts';

/**
 * Whether the public may download an attachment: only when its scan found nothing (it read the
 * whole file and every part was clean) or the office has recorded an override for the item.
 * Fail closed: a file the scan could not read completely has a finding, so it stays blocked.
 */
export function isReleasable(findings: readonly PrivacyFinding[], override: unknown): boolean {
  return findings.length === 0 || (override !== null && override !== undefined);
}
