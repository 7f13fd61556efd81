import type { Context } from 'hono';
import { getReviewChain } from '../../../db/catalogCategories.ts';
import { countByStatus } from '../../../db/publications/read.ts';
import type { AppEnv } from '../../env.ts';
import { catalogBase } from './common.tsx';

/** The 主动公开 dashboard panel: items waiting at each step (the user's own steps first) and totals. */
export async function catalogPanel(c: Context<AppEnv>) {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const roles = c.get('roles');
  const chain = await getReviewChain(db, agency.id);
  const counts = await countByStatus(db, agency.id);
  const sum = (status: string) =>
    counts.filter((r) => r.status === status).reduce((s, r) => s + r.n, 0);
  const waiting = chain
    .map((step, i) => ({
      step,
      n: counts.filter((r) => r.status === 'review' && r.step === i).reduce((s, r) => s + r.n, 0),
      mine: roles.includes(step.role),
    }))
    .filter((w) => w.n > 0);
  const base = catalogBase(agency);
  return (
    <section class="panel">
      <h2>
        <a href={base}>主动公开</a>
      </h2>
      <ul>
        {waiting.map((w) => (
          <li>
            待{w.step.label}：{w.n}条{w.mine ? <strong>（待我办理）</strong> : null}
          </li>
        ))}
        <li>草稿：{sum('draft')}条</li>
        <li>
          <a href={`${base}?status=published`}>已发布：{sum('published')}条</a>
        </li>
      </ul>
      <p>
        <a href={`/admin/${agency.code}/registers`}>第二十条登记与表二</a>
      </p>
    </section>
  );
}
