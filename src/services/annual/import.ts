/**
 * A previous year's report from a file (`gongkai import`, or an upload on the report page): read
 * with the report core's parser; cells it could not determine must be confirmed by a person
 * before the report is used for R8/R9. The file must be the agency's report for that year.
 */
import type { Agency } from '../../db/agencies.ts';
import {
  findImportedReport,
  type ImportedReportRow,
  saveImportedConfirmations,
  saveImportedReport,
} from '../../db/annual.ts';
import { audit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { GongkaiError } from '../../errors.ts';
import type { CellKey } from '../../report/keys.ts';
import { isUncertain } from '../../report/model.ts';
import { type ParseResult, parseFile } from '../../report/parse/index.ts';
import { confirmedImport } from './compose.ts';

export interface ImportActor {
  userId: number | null;
  ip?: string | null;
}

export interface ImportOutcome {
  row: ImportedReportRow;
  /** Cells still to be confirmed. */
  pending: string[];
  warnings: string[];
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** What an import has done so far (the upload's progress page shows a line for each). */
export type ImportStage = 'parsed' | 'checked' | 'saved';

export async function importPreviousReport(
  db: Db,
  agency: Agency,
  year: number,
  file: { name: string; data: Buffer },
  actor: ImportActor,
  /** The web app and the CLI pass the worker pool's parser (jobs/reportParse.ts). */
  parse: (data: Buffer, name: string) => Promise<ParseResult> = parseFile,
  reached: (stage: ImportStage) => void = () => {},
): Promise<ImportOutcome> {
  const parsed = await parse(file.data, file.name);
  reached('parsed');
  const { report } = parsed;
  if (report.year !== null && report.year !== year)
    throw new GongkaiError('annual.import.year', { name: file.name, found: report.year, year });
  if (report.agency && compact(report.agency) !== compact(agency.name))
    throw new GongkaiError('annual.import.agency', {
      name: file.name,
      found: report.agency,
      agency: agency.name,
    });
  if (Object.keys(report.cells).length === 0)
    throw new GongkaiError('annual.import.empty', { name: file.name });
  const uncertain = (Object.entries(report.cells) as [CellKey, unknown][])
    .filter(([, v]) => isUncertain(v as never))
    .map(([k]) => k);
  reached('checked');
  const row = await saveImportedReport(db, {
    agencyId: agency.id,
    year,
    filename: file.name,
    report: { ...report, agency: report.agency || agency.name, year },
    uncertain: [...new Set([...uncertain, ...parsed.uncertain])],
    userId: actor.userId,
  });
  await audit(db, {
    userId: actor.userId,
    agencyId: agency.id,
    action: 'annual.import',
    target: `annual-report:${agency.code}/${year}`,
    details: { filename: file.name, uncertain: row.uncertain.length },
    ip: actor.ip ?? null,
  });
  reached('saved');
  return { row, pending: confirmedImport(row).pending, warnings: parsed.warnings };
}

const confirmedValue = /^(\d+(\.\d+)?|blank|slash)$/;

/** Confirms values of uncertain cells (a number, `blank` or `slash`); returns what is still pending. */
export async function confirmImportedCells(
  db: Db,
  agency: Agency,
  year: number,
  values: Record<string, string>,
  actor: ImportActor,
): Promise<string[]> {
  const row = await findImportedReport(db, agency.id, year);
  if (!row) throw new GongkaiError('annual.import.missing', { year });
  const confirmed = { ...row.confirmed };
  for (const [key, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value === '') continue;
    if (!row.uncertain.includes(key)) throw new GongkaiError('annual.import.cell', { key });
    if (!confirmedValue.test(value)) throw new GongkaiError('annual.import.value', { key, value });
    confirmed[key] = value === 'blank' || value === 'slash' ? value : Number(value);
  }
  await saveImportedConfirmations(db, row.id, confirmed);
  await audit(db, {
    userId: actor.userId,
    agencyId: agency.id,
    action: 'annual.import.confirm',
    target: `annual-report:${agency.code}/${year}`,
    details: { cells: Object.keys(values).filter((k) => values[k].trim() !== '') },
    ip: actor.ip ?? null,
  });
  return confirmedImport({ ...row, confirmed }).pending;
}
