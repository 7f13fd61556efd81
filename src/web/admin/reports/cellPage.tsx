/**
 * /admin/:agency/reports/:year/cell/:key — the records behind one cell: the applications (T3),
 * the appeals (T4), the catalogue items and register months (T2); for a government, per agency.
 * Applications not yet counted (no receipt date) are listed under 本年新收 cells.
 */

import { parseCellKey } from '../../../cases/reportCells.ts';
import { type Agency, listMemberAgencies } from '../../../db/agencies.ts';
import { findAnnualReportRow, getVersion, versionReport } from '../../../db/annual.ts';
import { unreceivedApplications } from '../../../db/annualFacts.ts';
import { t2Cells } from '../../../db/catalogRegisters.ts';
import { formatOf } from '../../../report/formats/index.ts';
import { cellLabel } from '../../../report/formats/labels.ts';
import type { CellKey, T2CellKey2021 } from '../../../report/keys.ts';
import { cellText } from '../../../report/render/value.ts';
import { composeReport } from '../../../services/annual/compose.ts';
import { applicantNameShown, CellCases, casesBehindCell } from '../cellCases.tsx';
import { type C, reportsBase, reportsPage, yearParam } from './page.tsx';

export async function cellRoute(c: C) {
  const year = yearParam(c);
  const key = c.req.param('key') ?? '';
  if (year === null || !(formatOf('2021').cellKeys as readonly string[]).includes(key))
    return c.notFound();
  const db = c.get('database').db;
  const agency = c.get('agency');
  const agencies: Agency[] =
    agency.kind === 'government'
      ? [agency, ...(await listMemberAgencies(db, agency.id))]
      : [agency];
  const viewer = { agencyId: agency.id, roles: c.get('roles') };
  const composed = await composeReport(db, agency, year);
  const row = await findAnnualReportRow(db, agency.id, year);
  const published = row?.publishedVersionId
    ? versionReport((await getVersion(db, row.publishedVersionId))!).cells[key as CellKey]
    : undefined;
  const value = composed.report.cells[key as CellKey];
  const findings = composed.findings.filter((f) => f.cells.includes(key as CellKey));
  const back = `${reportsBase(c)}/${year}`;
  let records = <p class="muted">本单元格没有可追溯的记录。</p>;
  if (key.startsWith('t2.')) {
    const rows = [];
    for (const a of agencies) {
      const { drillDown } = await t2Cells(db, a.id, year);
      for (const r of drillDown[key as T2CellKey2021] ?? []) rows.push({ agency: a, ...r });
    }
    records =
      rows.length === 0 ? (
        records
      ) : (
        <table class="data">
          <thead>
            <tr>
              {agencies.length > 1 ? <th>单位</th> : null}
              <th>记录</th>
              <th>计数</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {agencies.length > 1 ? <td>{r.agency.name}</td> : null}
                <td>
                  {r.publicationId ? (
                    <a href={`/admin/${r.agency.code}/catalog/${r.publicationId}`}>{r.label}</a>
                  ) : (
                    <a href={`/admin/${r.agency.code}/registers?year=${year}`}>{r.label}</a>
                  )}
                </td>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  } else if (parseCellKey(key)) {
    const cases = await casesBehindCell(db, agencies, year, key);
    records = (
      <CellCases cases={cases} cellKey={key} viewer={viewer} showAgency={agencies.length > 1} />
    );
  }
  const unreceived = key.startsWith('t3.new.')
    ? (await unreceivedApplications(db, [agency.id], year)).filter(
        (a) => key === 't3.new.tot' || key === `t3.new.${a.applicantType}`,
      )
    : [];
  return reportsPage(
    c,
    cellLabel(key as CellKey, composed.report.formatVersion),
    <>
      <h1>
        {year}年度报告 · {cellLabel(key as CellKey, composed.report.formatVersion)}
      </h1>
      <p class="muted">单元格 {key}</p>
      <dl class="facts">
        <dt>按现有记录</dt>
        <dd data-value={cellText(value)}>{cellText(value)}</dd>
        {row?.status === 'published' ? (
          <>
            <dt>已发布</dt>
            <dd>{cellText(published)}</dd>
          </>
        ) : null}
      </dl>
      {findings.length > 0 ? (
        <ul class="findings">
          {findings.map((f) => (
            <li class={`finding-${f.severity}`}>
              <strong>{f.rule}</strong> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {unreceived.length > 0 ? (
        <section class="panel unreceived">
          <h2>未计入本格的申请（未登记收到申请之日）</h2>
          <p>
            以下申请已提交但没有登记收到日期，表三无法计入。请打开申请，确认收到日期后报告会自动更新。
          </p>
          <ul>
            {unreceived.map((a) => (
              <li>
                <a href={`/admin/${agency.code}/cases/${a.id}`}>申请 {a.id}</a>{' '}
                {applicantNameShown(viewer, agency.id, {
                  name: a.applicantName,
                  applicantType: a.applicantType,
                })}
                ，{a.submittedOn}提交
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>构成本格的记录</h2>
      {records}
      <p>
        <a href={`${back}#cell-${key}`}>返回报告</a>
      </p>
    </>,
    [{ label: `${year}年度`, href: back }],
  );
}
