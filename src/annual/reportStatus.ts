/**
 * Where an agency's 年度报告 stands: a draft staff edit, approved (locked, awaiting publication),
 * published (later changes are amendments).
 */
export const annualReportStatuses = ['draft', 'approved', 'published'] as const;
export type AnnualReportStatus = (typeof annualReportStatuses)[number];
