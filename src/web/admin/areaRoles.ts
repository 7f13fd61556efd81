/** Who may open each back-office area: the area's guard and the menu read the same lists. */
import type { Role } from '../../law/roles.ts';

export const CASE_VIEW_ROLES: Role[] = [
  'office',
  'handler',
  'supervisor',
  'auditor',
  'admin',
  'reviewer',
];
export const CATALOG_VIEW_ROLES: Role[] = [
  'drafter',
  'reviewer',
  'office',
  'admin',
  'supervisor',
  'auditor',
];
export const REGISTER_VIEW_ROLES: Role[] = ['office', 'admin', 'supervisor', 'auditor'];
export const COUNTY_VIEW_ROLES: Role[] = ['supervisor', 'office', 'admin', 'auditor'];
/** The back-office search: cases for the case roles, catalogue items for the catalogue roles. */
export const SEARCH_ROLES: Role[] = [...new Set([...CASE_VIEW_ROLES, ...CATALOG_VIEW_ROLES])];
