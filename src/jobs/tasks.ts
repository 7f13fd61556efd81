/** The tasks the pool's workers run, by name. */
import { attachmentTextTask } from './attachmentText.ts';
import { parseReportTask } from './reportParse.ts';
import { renderReportTask } from './reportRender.ts';

export const tasks = {
  attachmentText: attachmentTextTask,
  parseReport: parseReportTask,
  renderReport: renderReportTask,
};

export type Tasks = typeof tasks;
