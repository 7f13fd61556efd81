/** The report-parsing job: an uploaded or imported report file read by the report parser, in the pool. */
import { type ParseResult, parseFile } from '../report/parse/index.ts';
import type { JobPool } from './pool.ts';

export interface ReportFileInput {
  data: Uint8Array;
  name: string;
}

/** Runs in the worker (the data arrives as a Uint8Array; the parsers want a Buffer). */
export const parseReportTask = ({ data, name }: ReportFileInput) =>
  parseFile(Buffer.from(data.buffer, data.byteOffset, data.byteLength), name);

/** A parser for `importPreviousReport` that runs in the pool. */
export function pooledParse(pool: JobPool) {
  return (data: Buffer, name: string): Promise<ParseResult> =>
    pool.run('parseReport', { data, name }, { label: `文件“${name}”` });
}
