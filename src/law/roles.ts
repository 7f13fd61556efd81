/**
 * The roles staff hold in an agency's disclosure work: the 信息公开工作机构 (office, handler),
 * drafters and reviewers of publications (分管领导, 办公室负责人), the supervising office
 * (县政务公开办) and its auditors, and the administrator. A domain word, so the pure folders
 * name it without reaching into the database schema.
 */
export const roles = [
  'admin',
  'drafter',
  'reviewer',
  'office',
  'handler',
  'supervisor',
  'auditor',
] as const;
export type Role = (typeof roles)[number];
