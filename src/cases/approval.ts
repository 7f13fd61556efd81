/**
 * Who approved an extension (Art. 33): a user of the agency, and the capacity they approved in.
 * Only the head of the disclosure office (role `office`) may approve; a leader's or a colleague's
 * approval is recorded as such, and the law core's clock refuses it.
 */
import type { ApproverRole } from '../law/events.ts';

export interface Approval {
  userId: number | null;
  name: string;
  role: ApproverRole;
}

/** The roles offered as approvers on the form: the office head, and the leaders above them. */
export const APPROVER_ROLES = ['office', 'reviewer'] as const;

export const APPROVER_ROLE_LABELS: Record<ApproverRole, string> = {
  'office-head': '政府信息公开工作机构负责人',
  leader: '分管领导',
  staff: '工作人员',
};

/** The capacity in which a user with these roles (in the case's agency) approves. */
export function approverRoleOf(roles: readonly string[]): ApproverRole {
  if (roles.includes('office')) return 'office-head';
  if (roles.includes('reviewer')) return 'leader';
  return 'staff';
}

/** An approval as recorded; a bare name is an approval recorded before approvals carried a role,
 * always by the office head. */
export function approvalOf(approvedBy: Approval | string): Approval {
  if (typeof approvedBy === 'string')
    return { userId: null, name: approvedBy, role: 'office-head' };
  return approvedBy;
}
