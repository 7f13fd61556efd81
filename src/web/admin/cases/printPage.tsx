/**
 * A case on paper: the request, the deadlines with how they were reckoned, the timeline and the
 * letters, without the site's navigation. The same masking as the case page (`cases/privacy.ts`).
 */
import { raw } from 'hono/html';
import { APPEAL_KIND_LABELS, APPEAL_OUTCOME_LABELS } from '../../../cases/events.ts';
import { CASE_EVENTS } from '../../../cases/eventTable.ts';
import { applicantNameFor, canSeeApplicantData } from '../../../cases/privacy.ts';
import { formatQueryCode } from '../../../cases/queryCode.ts';
import { type CaseState, STATUS_LABELS } from '../../../cases/state.ts';
import type { Agency } from '../../../db/agencies.ts';
import type { ApplicationRow, LetterRow, StoredEvent } from '../../../db/cases.ts';
import { DocumentHead } from '../../views/documentHead.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { beijingDate, beijingDateTime } from '../../views/time.ts';
import { Applicant, Clocks, describeEvent, RequestFacts, rowLabel } from './casePage.tsx';

export interface PrintPageProps {
  agency: Agency;
  base: string;
  row: ApplicationRow;
  state: CaseState;
  timeline: StoredEvent[];
  letters: LetterRow[];
  files: readonly { purpose: string }[];
  userNames: Map<number, string>;
  roles: string[];
  today: string;
  printedBy: string;
  now: Date;
}

export function PrintPage(p: PrintPageProps) {
  const { row, state } = p;
  const name = applicantNameFor(p.roles, row.applicantName, row.applicantType);
  const title = `政府信息公开申请办理单 #${row.id}`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN">
        <DocumentHead title={`${title} - ${p.agency.name}`} />
        <body class="print-view">
          <main id="main">
            <p class="no-print">
              <a href={`${p.base}/${row.id}`}>返回办理页面</a>{' '}
              <button type="button" onclick="window.print()">
                打印
              </button>
            </p>
            <p class="print-agency">{p.agency.name}</p>
            <h1>{title}</h1>
            <p class="print-meta">
              查询码 {formatQueryCode(row.queryCode)} · 申请人 {name} · 状态{' '}
              {STATUS_LABELS[state.status]}
              {state.outcome ? ` · 表三：${rowLabel(state.outcome)}` : ''}
            </p>
            <section>
              <h2>申请人与申请内容</h2>
              <Applicant row={row} personal={canSeeApplicantData(p.roles)} files={p.files} />
              <RequestFacts row={row} state={state} userNames={p.userNames} />
            </section>
            <Clocks state={state} today={p.today} />
            <section>
              <h2>办理记录</h2>
              <table class="data">
                <TableHead columns={['日期', '事项', '内容', '经办人', '录入时间']} />
                <tbody>
                  {p.timeline.map((t) => (
                    <tr>
                      <td>{t.event.on}</td>
                      <td>{CASE_EVENTS[t.event.type].label}</td>
                      <td>{describeEvent(t.event)}</td>
                      <td>{t.userId ? (p.userNames.get(t.userId) ?? `#${t.userId}`) : '—'}</td>
                      <td>{beijingDateTime(t.at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h2>文书</h2>
              {p.letters.length === 0 ? (
                <p>尚未生成文书。</p>
              ) : (
                <table class="data">
                  <TableHead columns={['文书', '文号', '送达对象', '生成日期']} />
                  <tbody>
                    {p.letters.map((l) => (
                      <tr>
                        <td>{l.title}</td>
                        <td>{l.number ?? '—'}</td>
                        <td>{l.toApplicant ? '申请人' : '第三方或其他机关'}</td>
                        <td>{beijingDate(l.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            {state.appeals.length > 0 ? (
              <section>
                <h2>行政复议与行政诉讼</h2>
                <ul>
                  {state.appeals.map((a) => (
                    <li>
                      {APPEAL_KIND_LABELS[a.kind]}：{a.body}
                      {a.caseNumber ? `（${a.caseNumber}）` : ''}，{a.filedOn}立案，
                      {APPEAL_OUTCOME_LABELS[a.outcome ?? 'pending']}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <p class="print-footer">
              打印人：{p.printedBy}　打印时间：{beijingDateTime(p.now)}（北京时间）
            </p>
          </main>
        </body>
      </html>
    </>
  );
}
