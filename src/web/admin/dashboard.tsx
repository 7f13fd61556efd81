import { Hono } from 'hono';
import { loadCalendar } from '../../db/calendar.ts';
import { missingCalendarReminder } from '../../law/calendarReminder.ts';
import { todayInChina } from '../../law/date.ts';
import type { AppEnv } from '../env.ts';
import { Alert } from '../views/formFields.tsx';
import { Layout } from '../views/layout.tsx';
import { accountBox } from './accountBox.tsx';
import { casePanel } from './cases/panel.tsx';
import { currentPrompts, ProactiveNotice } from './cases/proactive.tsx';
import { catalogPanel } from './catalog/panel.tsx';
import { petitionPanel } from './petitions/panel.tsx';
import { reportPanel } from './reports/panel.tsx';
import { roleLabels } from './roleLabels.ts';

/** /admin/:agency — the agency's back-office home. Later capabilities add their panels here. */
export const dashboardRoutes = new Hono<AppEnv>();

dashboardRoutes.get('/', async (c) => {
  const agency = c.get('agency');
  const roles = c.get('roles');
  const reminder = roles.some((r) => r === 'admin' || r === 'office')
    ? missingCalendarReminder(todayInChina(), await loadCalendar(c.get('database').db))
    : null;
  return c.html(
    <Layout
      title={`${agency.name}工作台`}
      agency={agency}
      breadcrumb={[{ label: '后台', href: '/admin' }, { label: agency.name }]}
      account={accountBox(c)}
    >
      <h1>{agency.name} · 工作台</h1>
      <p class="muted">您在本单位的角色：{roles.map((r) => roleLabels[r]).join('、')}</p>
      {roles.includes('admin') ? (
        <p>
          <a href={`/admin/${agency.code}/settings`}>单位设置</a>
          （单位信息、审核流程、目录分类、年报期限）
        </p>
      ) : null}
      {reminder ? (
        <p class="alert" role="status" id="calendar-reminder">
          {reminder}
        </p>
      ) : null}
      <Alert
        kind="notice"
        message={c.req.query('proactive') === 'dismissed' ? '已记录暂不转为主动公开的理由。' : null}
      />
      <ProactiveNotice
        agency={agency}
        csrf={c.get('csrfToken')}
        prompts={await currentPrompts(c)}
      />
      <div class="panels">
        {await casePanel(c)}
        {await catalogPanel(c)}
        {await petitionPanel(c)}
        {await reportPanel(c)}
      </div>
    </Layout>,
  );
});
