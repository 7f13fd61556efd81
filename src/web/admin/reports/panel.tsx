/** The dashboard panel: this season's report, its state and deadline, warned from 1月1日. */
import { deadlineWarning, dueSeasonYear } from '../../../annual/deadline.ts';
import { todayInChina } from '../../../law/date.ts';
import { reportStatus, standingLabel } from '../../../services/annual/status.ts';
import type { C } from './page.tsx';

export async function reportPanel(c: C) {
  const agency = c.get('agency');
  const today = todayInChina();
  const year = dueSeasonYear(today);
  const status = await reportStatus(c.get('database').db, agency, year, today);
  const warning = deadlineWarning(status.standing, year, status.due);
  const base = `/admin/${agency.code}/reports`;
  return (
    <section class="panel report-panel">
      <h2>年度报告</h2>
      {warning ? (
        <p class={status.standing.state === 'late' ? 'alert' : 'notice'} role="status">
          {warning}
        </p>
      ) : null}
      <p>
        <a href={`${base}/${year}`}>{year}年度报告</a>：{standingLabel(status)}；错误{' '}
        {status.errors} 项，警告 {status.warnings} 项
        {status.amendments > 0 ? `；${status.amendments}个单元格待更正` : ''}。
      </p>
      <p>
        <a href={base}>全部年度</a>
        {agency.kind === 'government' ? (
          <>
            {' '}
            · <a href={`/admin/${agency.code}/county/${year}`}>各单位年报情况与汇总</a>
          </>
        ) : null}
      </p>
    </section>
  );
}
