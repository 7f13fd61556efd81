import type { Context } from 'hono';
import { countOverduePetitions, petitionStatistics } from '../../../db/petitionStatistics.ts';
import { todayInChina } from '../../../law/date.ts';
import { formatRate } from '../../../petitions/statistics.ts';
import type { AppEnv } from '../../env.ts';
import { base } from './common.tsx';

/** The dashboard panel: this year's petition figures and what is overdue now. */
export async function petitionPanel(c: Context<AppEnv>) {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const today = todayInChina();
  const year = today.slice(0, 4);
  const stats = await petitionStatistics(db, agency.id, `${year}-01-01`, `${year}-12-31`, today);
  const overdue = await countOverduePetitions(db, agency.id, today);
  return (
    <section class="panel" id="petition-panel">
      <h2>信访</h2>
      <p>
        {year}年：来访{stats.visits.batches}批{stats.visits.persons}人次，来信、网上信访
        {stats.written.handled}件，网信办结率{formatRate(stats.writtenCompletion)}。
      </p>
      <p class={overdue > 0 ? 'overdue' : undefined}>当前逾期未办：{overdue}件</p>
      <p>
        <a href={base(agency)}>信访登记簿</a>　<a href={`${base(agency)}/statistics`}>信访统计</a>
      </p>
    </section>
  );
}
