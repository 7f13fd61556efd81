import type { Role } from '../../law/roles.ts';

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  drafter: '股室拟稿',
  reviewer: '分管领导审核',
  office: '办公室（信息公开工作机构）',
  handler: '申请办理人',
  supervisor: '政务公开主管（县政务公开办）',
  auditor: '审计查阅',
};
