/** The 依申请公开 panel of the dashboard: counts of the workbench views, each a link. */
import type { Context } from 'hono';
import { loadCalendar } from '../../../db/calendar.ts';
import { caseCounts } from '../../../db/casesList.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { VIEW_ROLES } from './routes.tsx';

export async function casePanel(c: Context<AppEnv>) {
  if (!c.get('roles').some((r) => VIEW_ROLES.includes(r))) return null;
  const db = c.get('database').db;
  const agency = c.get('agency');
  const today = todayInChina();
  const dueBy = (await loadCalendar(db)).addWorkdays(today, 3);
  const n = await caseCounts(db, agency.id, today, dueBy);
  const href = (view: string) => `/admin/${agency.code}/cases?view=${view}`;
  return (
    <section class="panel" id="panel-cases">
      <h2>
        <a href={`/admin/${agency.code}/cases`}>依申请公开</a>
      </h2>
      <ul class="counts">
        <li>
          <a href={href('open')}>在办</a> <strong data-count="open">{n.open}</strong> 件
        </li>
        <li>
          <a href={href('pending')}>待确认收到</a> <strong data-count="pending">{n.pending}</strong>{' '}
          件
        </li>
        <li>
          <a href={href('due')}>3个工作日内到期</a> <strong data-count="due">{n.due}</strong> 件
        </li>
        <li class={n.overdue > 0 ? 'overdue' : undefined}>
          <a href={href('overdue')}>已超期</a> <strong data-count="overdue">{n.overdue}</strong> 件
        </li>
        <li>
          <a href={href('applicant')}>等待申请人</a>{' '}
          <strong data-count="applicant">{n.applicant}</strong> 件
        </li>
        <li class={n.supplied > 0 ? 'attention' : undefined}>
          <a href={href('supplied')}>申请人已补正</a>{' '}
          <strong data-count="supplied">{n.supplied}</strong> 件
        </li>
      </ul>
    </section>
  );
}
