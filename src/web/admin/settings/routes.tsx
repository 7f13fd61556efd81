import { Hono } from 'hono';
import { letterNumber } from '../../../cases/letterNumber.ts';
import { catalogColumns } from '../../../catalog/categories.ts';
import { remedyBodiesOf } from '../../../db/agencyLetters.ts';
import { deadlineSettings } from '../../../db/annual.ts';
import {
  allowsConsecutiveSteps,
  getReviewChain,
  listCategories,
} from '../../../db/catalogCategories.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { mountAll } from '../../mounts.ts';
import { requireRole } from '../../security/guard.ts';
import { categoryRoutes } from './categories.tsx';
import { chainRoutes, stepRoleLabels } from './chain.tsx';
import { settingsBase, settingsPage } from './common.tsx';
import { deadlineRoutes } from './deadline.tsx';
import { lettersRoutes } from './letters.tsx';
import { notificationRoutes } from './notifications.tsx';
import { profileRoutes } from './profile.tsx';

/**
 * /admin/:agency/settings — what the issues call "configurable per agency": the profile the
 * 公开指南 and 索引号 use, the review chain, the catalogue categories, the local report deadline.
 * Only the agency's own `admin` may see or change them; every change is audited with before/after.
 */
export const settingsRoutes = new Hono<AppEnv>();

settingsRoutes.use('*', requireRole('admin'));

settingsRoutes.get('/', async (c) => {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const chain = await getReviewChain(db, agency.id);
  const consecutive = await allowsConsecutiveSteps(db, agency.id);
  const categories = await listCategories(db, agency.id);
  const own = (await deadlineSettings(db, [agency.id])).find((s) => s.scope === 'self');
  const base = settingsBase(agency);
  const bodies = await remedyBodiesOf(db, agency);
  return settingsPage(
    c,
    '',
    '单位设置',
    <dl class="settings-summary">
      <dt>
        <a href={`${base}/profile`}>单位信息</a>
      </dt>
      <dd>
        {agency.name}；统一社会信用代码 {agency.uscc ?? '未填写'}；联系电话{' '}
        {agency.phone ?? '未填写'}
      </dd>
      <dt>
        <a href={`${base}/letters`}>答复文书</a>
      </dt>
      <dd>
        复议机关 {bodies.reconsiderationBody ?? '未设置'}；人民法院 {bodies.court ?? '未设置'}
        ；文号 {letterNumber(agency.letterNumberTemplate, Number(todayInChina().slice(0, 4)), 1)}
      </dd>
      <dt>
        <a href={`${base}/review-chain`}>主动公开审核流程</a>
      </dt>
      <dd>
        {chain.map((s) => `${s.label}（${stepRoleLabels[s.role] ?? s.role}）`).join(' → ')}；
        {consecutive ? '允许同一人连续办理相邻步骤' : '同一人不能连续办理相邻步骤'}
      </dd>
      <dt>
        <a href={`${base}/categories`}>公开目录分类</a>
      </dt>
      <dd>
        {catalogColumns
          .map((col) => `${col.title} ${categories.filter((x) => x.column === col.key).length}个`)
          .join('，')}
      </dd>
      <dt>
        <a href={`${base}/deadline`}>年度报告发布期限</a>
      </dt>
      <dd>{own ? `本地期限：次年${own.monthDay}` : '法定期限'}</dd>
    </dl>,
  );
});

mountAll(settingsRoutes, [
  ['/profile', profileRoutes],
  ['/letters', lettersRoutes],
  ['/notifications', notificationRoutes],
  ['/review-chain', chainRoutes],
  ['/categories', categoryRoutes],
  ['/deadline', deadlineRoutes],
]);
