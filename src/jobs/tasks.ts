/** The tasks the pool's workers run, by name. */
import { attachmentScanTask } from './attachmentScan.ts';
import { parseReportTask } from './reportParse.ts';
import { renderReportTask } from './reportRender.ts';

export const tasks = {
  attachmentScan: attachmentScanTask,
  parseReport: parseReportTask,
  renderReport: renderReportTask,
};

export type Tasks = typeof tasks;
