/**
 * The one drill-down renderer: the applications behind a T3 or T4 cell, for one agency or a
 * government with its members, with the applicant names masked by `cases/privacy.ts`.
 */
import { applicantNameFor } from '../../cases/privacy.ts';
import { type CaseStatus, STATUS_LABELS } from '../../cases/state.ts';
import type { Agency } from '../../db/agencies.ts';
import { type CellCase, casesInCell } from '../../db/casesReport.ts';
import type { Db } from '../../db/database.ts';
import { decisionKind, isDecisionId } from '../../law/decisions.ts';
import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../../law/keys.ts';

export interface AgencyCellCase extends CellCase {
  agency: Agency;
}

/** The cases behind the cell in each agency, agency by agency. */
export async function casesBehindCell(
  db: Db,
  agencies: readonly Agency[],
  year: number,
  key: string,
): Promise<AgencyCellCase[]> {
  const cases: AgencyCellCase[] = [];
  for (const agency of agencies)
    for (const r of await casesInCell(db, [agency.id], year, key)) cases.push({ ...r, agency });
  return cases;
}

/** Who is looking: names in full only for case staff, and only in their own agency's cases. */
export interface Viewer {
  agencyId: number;
  roles: readonly string[];
}

export function applicantNameShown(
  viewer: Viewer,
  agencyId: number,
  applicant: { name: string; applicantType: string },
): string {
  const roles = agencyId === viewer.agencyId ? viewer.roles : [];
  return applicantNameFor(roles, applicant.name, applicant.applicantType);
}

function decisionLabel(r: CellCase): string {
  if (r.decision && isDecisionId(r.decision)) return decisionKind(r.decision).label;
  return r.outcome === 'o3' ? '申请人撤回' : '';
}

export function CellCases(p: {
  cases: readonly AgencyCellCase[];
  cellKey: string;
  viewer: Viewer;
  showAgency: boolean;
}) {
  const t4 = p.cellKey.startsWith('t4.');
  return (
    <table class="data cell-cases">
      <thead>
        <tr>
          {p.showAgency ? <th>单位</th> : null}
          <th>申请</th>
          <th>申请人</th>
          <th>收到申请之日</th>
          <th>办结日期</th>
          <th>答复决定</th>
          <th>状态</th>
          {t4 ? <th>复议/诉讼</th> : null}
        </tr>
      </thead>
      <tbody>
        {p.cases.map((r) => (
          <tr>
            {p.showAgency ? <td>{r.agency.name}</td> : null}
            <td>
              <a href={`/admin/${r.agency.code}/cases/${r.id}`}>申请 #{r.id}</a>
            </td>
            <td>
              <span class="applicant-name">
                {applicantNameShown(p.viewer, r.agency.id, {
                  name: r.applicantName,
                  applicantType: r.applicantType,
                })}
              </span>
              （{APPLICANT_TYPE_LABELS[r.applicantType as ApplicantType]}）
            </td>
            <td>{r.receivedOn}</td>
            <td>{r.resolvedOn ?? ''}</td>
            <td>{decisionLabel(r)}</td>
            <td>{STATUS_LABELS[r.status as CaseStatus] ?? r.status}</td>
            {t4 ? (
              <td>
                {r.appeal?.filedOn} {r.appeal?.closedOn ? `— ${r.appeal.closedOn}` : '（尚未审结）'}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
