/**
 * The life of a year's report: draft (texts edited, records change freely) → approved (office;
 * refused while an error finding exists; a snapshot is taken) → published (the approved snapshot,
 * rendered, put in the catalogue, and locked). After publication the records may still change:
 * the differences are listed as pending amendments and published only as an amendment (a new
 * locked snapshot with its reason), never applied silently. Every change is audited.
 */

import type { AmendedCell } from '../../annual/amendments.ts';
import { changedCells, changedSections } from '../../annual/amendments.ts';
import type { ReportTexts } from '../../annual/templates.ts';
import { editableSections } from '../../annual/templates.ts';
import type { Agency } from '../../db/agencies.ts';
import {
  ensureAnnualReportRow,
  findAnnualReportRow,
  getVersion,
  getVersionFile,
  insertAmendment,
  insertVersion,
  lockAnnualReportRow,
  saveVersionFile,
  updateAnnualReportRow,
  versionReport,
} from '../../db/annual.ts';
import { audit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { GongkaiError } from '../../errors.ts';
import type { Role } from '../../law/roles.ts';
import type { AnnualReport } from '../../report/model.ts';
import {
  renderDocx,
  renderHtml,
  renderJson,
  renderPdf,
  renderXlsx,
} from '../../report/render/index.ts';
import { publishCatalogItem } from './catalogItem.ts';
import { type ComposedReport, composeReport, hasErrors } from './compose.ts';

export interface Actor {
  userId: number | null;
  roles: readonly Role[];
  ip?: string | null;
}

function requireRole(actor: Actor, allowed: readonly Role[], message: string) {
  if (!actor.roles.some((r) => allowed.includes(r))) throw new GongkaiError('annual.role', message);
}

const auditEntry = (
  actor: Actor,
  agency: Agency,
  year: number,
  action: string,
  details: Record<string, unknown> = {},
) => ({
  userId: actor.userId,
  agencyId: agency.id,
  action,
  target: `annual-report:${agency.code}/${year}`,
  details,
  ip: actor.ip ?? null,
});

const maxTextLength = 20_000;

/** Saves the S1/S5/S6 templates. An approved report goes back to draft; a published one is locked. */
export async function saveReportTexts(
  db: Db,
  agency: Agency,
  year: number,
  texts: ReportTexts,
  actor: Actor,
): Promise<void> {
  requireRole(actor, ['office', 'drafter'], '只有办公室或拟稿人可以编辑年度报告。');
  for (const key of editableSections) {
    if ((texts[key] ?? '').length > maxTextLength)
      throw new GongkaiError('annual.text.length', { maxTextLength });
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await ensureAnnualReportRow(t, agency.id, year, actor.userId);
    if (row.status === 'published')
      throw new GongkaiError(
        'annual.locked',
        '该年度报告已发布并锁定，不能再修改；记录变化请以更正的形式发布。',
      );
    const clean: ReportTexts = {};
    for (const key of editableSections) {
      const value = texts[key];
      if (value !== undefined) clean[key] = value.replace(/\r\n?/g, '\n');
    }
    await updateAnnualReportRow(t, row.id, {
      texts: { ...row.texts, ...clean },
      ...(row.status === 'approved' ? { status: 'draft', approvedVersionId: null } : {}),
    });
    await audit(
      t,
      auditEntry(actor, agency, year, 'annual.texts', {
        sections: Object.keys(clean),
        approvalRevoked: row.status === 'approved',
      }),
    );
  });
}

/** Approves the report as the records give it now; refused while any error finding exists. */
export async function approveReport(
  db: Db,
  agency: Agency,
  year: number,
  actor: Actor,
): Promise<ComposedReport> {
  requireRole(actor, ['office'], '只有办公室负责人可以审核通过年度报告。');
  const composed = await composeReport(db, agency, year);
  if (hasErrors(composed.findings)) {
    const errors = composed.findings.filter((f) => f.severity === 'error');
    throw new GongkaiError('annual.errors', {
      count: errors.length,
      list: errors.map((f) => `${f.rule} ${f.message}`).join('；'),
    });
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await ensureAnnualReportRow(t, agency.id, year, actor.userId);
    if (row.status !== 'draft')
      throw new GongkaiError(
        'annual.state',
        row.status === 'approved' ? '该报告已审核通过。' : '该报告已发布。',
      );
    const version = await insertVersion(t, {
      reportId: row.id,
      kind: 'approved',
      report: composed.report,
      findings: composed.findings,
      userId: actor.userId,
    });
    await updateAnnualReportRow(t, row.id, { status: 'approved', approvedVersionId: version.id });
    await audit(
      t,
      auditEntry(actor, agency, year, 'annual.approve', {
        versionId: version.id,
        warnings: composed.findings.length,
      }),
    );
  });
  return composed;
}

/** Takes an approved report back to draft (e.g. the records must be corrected first). */
export async function reopenReport(db: Db, agency: Agency, year: number, actor: Actor) {
  requireRole(actor, ['office'], '只有办公室负责人可以退回年度报告。');
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await lockAnnualReportRow(t, agency.id, year);
    if (row?.status !== 'approved')
      throw new GongkaiError('annual.state', '只有已审核、未发布的报告可以退回修改。');
    await updateAnnualReportRow(t, row.id, { status: 'draft', approvedVersionId: null });
    await audit(t, auditEntry(actor, agency, year, 'annual.reopen'));
  });
}

/** Rendered at publication; XLSX (and PDF unless asked for) on first download (`versionFile`). */
export interface RenderedFiles {
  html: Buffer;
  docx: Buffer;
  json: Buffer;
  pdf?: Buffer;
}

export async function renderFiles(report: AnnualReport, pdf: boolean): Promise<RenderedFiles> {
  return {
    html: Buffer.from(renderHtml(report)),
    docx: await renderDocx(report),
    json: Buffer.from(renderJson(report)),
    ...(pdf ? { pdf: await renderPdf(report) } : {}),
  };
}

export interface PublishOptions {
  /** The publication day (default: today in China). */
  today: string;
  /** Render the PDF with LibreOffice now (otherwise on first download). Default true. */
  pdf?: boolean;
}

export const onlinePath = (agency: Agency, year: number) => `/a/${agency.code}/annual/${year}`;

/**
 * Publishes the approved snapshot: refused if the records have changed since approval (approve
 * again), so what is published is exactly what was approved.
 */
export async function publishReport(
  db: Db,
  agency: Agency,
  year: number,
  actor: Actor,
  options: PublishOptions,
): Promise<{ versionId: number; publicationId: number }> {
  requireRole(actor, ['office'], '只有办公室负责人可以发布年度报告。');
  const row = await findAnnualReportRow(db, agency.id, year);
  if (row?.status !== 'approved' || !row.approvedVersionId)
    throw new GongkaiError('annual.state', '报告须先审核通过才能发布。');
  const approved = versionReport((await getVersion(db, row.approvedVersionId))!);
  const now = await composeReport(db, agency, year);
  const drift = changedCells(approved, now.report);
  const textDrift = changedSections(approved, now.report);
  if (drift.length > 0 || textDrift.length > 0)
    throw new GongkaiError('annual.drift', {
      cells: [...drift.map((d) => d.key), ...textDrift].join('、'),
    });
  const files = await renderFiles(approved, options.pdf ?? true);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockAnnualReportRow(t, agency.id, year);
    if (locked?.status !== 'approved' || locked.approvedVersionId !== row.approvedVersionId)
      throw new GongkaiError('annual.state', '报告状态已被他人改变，请刷新后重试。');
    const version = await insertVersion(t, {
      reportId: row.id,
      kind: 'published',
      report: approved,
      findings: now.findings,
      userId: actor.userId,
    });
    await storeFiles(t, version.id, files);
    const publicationId = await publishCatalogItem(t, agency.id, approved, files, {
      today: options.today,
      userId: actor.userId,
      onlinePath: onlinePath(agency, year),
    });
    await updateAnnualReportRow(t, row.id, {
      status: 'published',
      publishedVersionId: version.id,
      publicationId,
      publishedOn: options.today,
    });
    await audit(
      t,
      auditEntry(actor, agency, year, 'annual.publish', { versionId: version.id, publicationId }),
    );
    return { versionId: version.id, publicationId };
  });
}

async function storeFiles(db: Db, versionId: number, files: RenderedFiles) {
  for (const [format, data] of Object.entries(files) as [string, Buffer | undefined][])
    if (data) await saveVersionFile(db, versionId, format, data);
}

export interface PendingAmendments {
  cells: AmendedCell[];
  sections: string[];
  published: AnnualReport;
  current: ComposedReport;
}

/** What the records say now that differs from the published (locked) report; null if unpublished. */
export async function pendingAmendments(
  db: Db,
  agency: Agency,
  year: number,
): Promise<PendingAmendments | null> {
  const row = await findAnnualReportRow(db, agency.id, year);
  if (row?.status !== 'published' || !row.publishedVersionId) return null;
  const published = versionReport((await getVersion(db, row.publishedVersionId))!);
  const current = await composeReport(db, agency, year);
  return {
    cells: changedCells(published, current.report),
    sections: changedSections(published, current.report),
    published,
    current,
  };
}

/** Publishes the pending changes as an amendment (更正) with its reason. */
export async function publishAmendment(
  db: Db,
  agency: Agency,
  year: number,
  reason: string,
  actor: Actor,
  options: PublishOptions,
): Promise<{ versionId: number; cells: AmendedCell[] }> {
  requireRole(actor, ['office'], '只有办公室负责人可以发布更正。');
  if (reason.trim().length < 4)
    throw new GongkaiError('annual.amend.reason', '请填写更正原因（至少4个字）。');
  const pending = await pendingAmendments(db, agency, year);
  if (!pending) throw new GongkaiError('annual.state', '报告尚未发布，无需更正。');
  if (pending.cells.length === 0 && pending.sections.length === 0)
    throw new GongkaiError('annual.amend.nothing', '记录与已发布的报告一致，没有需要更正的内容。');
  if (hasErrors(pending.current.findings))
    throw new GongkaiError('annual.errors', '更正后的报告仍有错误，请先修正记录。');
  const report = pending.current.report;
  const files = await renderFiles(report, options.pdf ?? true);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = (await lockAnnualReportRow(t, agency.id, year))!;
    const version = await insertVersion(t, {
      reportId: row.id,
      kind: 'amendment',
      report,
      findings: pending.current.findings,
      note: reason.trim(),
      userId: actor.userId,
    });
    await storeFiles(t, version.id, files);
    await insertAmendment(t, {
      reportId: row.id,
      versionId: version.id,
      cells: pending.cells,
      reason: reason.trim(),
      userId: actor.userId,
    });
    const publicationId = await publishCatalogItem(t, agency.id, report, files, {
      today: options.today,
      userId: actor.userId,
      onlinePath: onlinePath(agency, year),
      titleSuffix: '（更正）',
    });
    await updateAnnualReportRow(t, row.id, { publishedVersionId: version.id, publicationId });
    await audit(
      t,
      auditEntry(actor, agency, year, 'annual.amend', {
        versionId: version.id,
        cells: pending.cells.map((c) => c.key),
        reason: reason.trim(),
      }),
    );
    return { versionId: version.id, cells: pending.cells };
  });
}

export type StoredFormat = 'html' | 'docx' | 'xlsx' | 'json' | 'pdf';
export type ReportRenderer = (report: AnnualReport, format: StoredFormat) => Promise<Buffer>;

/** Renders in this thread; the web app passes the worker pool's renderer (jobs/reportRender.ts). */
export const renderInProcess: ReportRenderer = async (report, format) =>
  format === 'pdf'
    ? renderPdf(report)
    : format === 'docx'
      ? renderDocx(report)
      : format === 'xlsx'
        ? renderXlsx(report)
        : Buffer.from(format === 'html' ? renderHtml(report) : renderJson(report));

/** Files being rendered, per database: requests arriving meanwhile wait for the same rendering. */
const rendering = new WeakMap<Db, Map<string, Promise<Buffer>>>();

/**
 * A stored file of a snapshot. A snapshot never changes, so each file (the PDF above all) is
 * rendered once, on publication or first request, and kept in the database.
 */
export async function versionFile(
  db: Db,
  versionId: number,
  format: StoredFormat,
  render: ReportRenderer = renderInProcess,
): Promise<Buffer> {
  const stored = await getVersionFile(db, versionId, format);
  if (stored) return stored.data;
  const inFlight = rendering.get(db) ?? new Map<string, Promise<Buffer>>();
  rendering.set(db, inFlight);
  const key = `${versionId}/${format}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = renderAndStore(db, versionId, format, render).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function renderAndStore(
  db: Db,
  versionId: number,
  format: StoredFormat,
  render: ReportRenderer,
): Promise<Buffer> {
  const version = await getVersion(db, versionId);
  if (!version) throw new GongkaiError('annual.version', '报告版本不存在。');
  const data = await render(versionReport(version), format);
  await saveVersionFile(db, versionId, format, data);
  return data;
}
