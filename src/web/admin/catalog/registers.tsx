import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { REGISTER_BOUNDS, registerKindLabels } from '../../../catalog/t2.ts';
import {
  importRegisterCsv,
  listRegisterEntries,
  saveRegisterEntry,
  t2Cells,
} from '../../../db/catalogRegisters.ts';
import { isGongkaiError } from '../../../errors.ts';
import { countField, monthField, yuanField } from '../../../law/fields.ts';
import { formatOf } from '../../../report/formats/index.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { requireRole } from '../../security/guard.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert } from '../../views/formFields.tsx';
import { Layout } from '../../views/layout.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { accountBox } from '../accountBox.tsx';
import { REGISTER_VIEW_ROLES } from '../areaRoles.ts';
import { catalogCrumbs } from './common.tsx';

/** /admin/:agency/registers — Art. 20 registers and the T2 they give, with drill-down. */
export const registerAdminRoutes = new Hono<AppEnv>();

registerAdminRoutes.use('*', requireRole(...REGISTER_VIEW_ROLES));

/** T2's cells as the 2021 format prints them, “row · column”, in its order. */
const t2Rows = formatOf('2021').t2.groups.flatMap((group) =>
  group.rows.flatMap((row) =>
    group.columns.map((column) => ({
      key: `t2.${row.key}.${column.key}`,
      label: `${row.label.text} · ${column.label.text}`,
    })),
  ),
);

const yearOf = (c: Context<AppEnv>) =>
  z.coerce
    .number()
    .int()
    .min(2008)
    .max(2100)
    .catch(new Date().getFullYear() - 1)
    .parse(c.req.query('year'));

registerAdminRoutes.get('/', (c) => page(c, yearOf(c)));

const entrySchema = z
  .object({
    kind: z.enum(['lic', 'pun', 'coe', 'fee'], { message: '请选择类别' }),
    month: monthField('月份'),
    value: z.string(),
    note: z.string().trim().max(200).optional(),
  })
  .transform((entry, ctx) => {
    const { maxCount, maxFeeYuan } = REGISTER_BOUNDS;
    const field =
      entry.kind === 'fee'
        ? yuanField('收费金额', maxFeeYuan, { zero: true })
        : countField('决定数量', maxCount);
    const value = field.safeParse(entry.value);
    if (value.success) return { ...entry, value: value.data };
    ctx.addIssue({ code: 'custom', path: ['value'], message: value.error.issues[0].message });
    return z.NEVER;
  });

registerAdminRoutes.post('/', requireRole('office'), async (c) => {
  const form = await parseForm(c, entrySchema);
  const typed = Number((form.raw.month ?? '').slice(0, 4));
  const year = typed >= 2008 && typed <= 2100 ? typed : yearOf(c);
  if (!form.ok) return page(c, year, Object.values(form.errors)[0]);
  const { kind, month, value, note } = form.data;
  try {
    await saveRegisterEntry(
      c.get('database').db,
      c.get('agency').id,
      kind === 'fee'
        ? { kind, month, amountYuan: value, note }
        : { kind, month, count: value, note },
      { userId: c.get('user')!.userId, ip: c.get('clientIp') },
    );
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return page(c, year, error.message);
  }
  return c.redirect(`/admin/${c.get('agency').code}/registers?year=${year}`, 303);
});

registerAdminRoutes.post('/import', requireRole('office'), async (c) => {
  const form = await parseForm(
    c,
    z.object({ csv: z.string().min(1, '请粘贴CSV内容').max(200_000) }),
  );
  if (!form.ok) return page(c, yearOf(c), Object.values(form.errors)[0]);
  try {
    const n = await importRegisterCsv(c.get('database').db, c.get('agency').id, form.data.csv, {
      userId: c.get('user')!.userId,
      ip: c.get('clientIp'),
    });
    return page(c, yearOf(c), undefined, `已导入${n}条。`);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return page(c, yearOf(c), error.message);
  }
});

async function page(c: Context<AppEnv>, year: number, error?: string, notice?: string) {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const entries = await listRegisterEntries(db, agency.id, year);
  const t2 = await t2Cells(db, agency.id, year);
  const canEdit = c.get('roles').includes('office');
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const cellValue = (kind: string, month: string) => {
    const e = entries.find((x) => x.kind === kind && x.month === month);
    return e ? (kind === 'fee' ? e.amountYuan : e.count) : null;
  };
  return c.html(
    <Layout
      title={`第二十条登记 ${year}`}
      agency={agency}
      breadcrumb={catalogCrumbs(agency, { label: '第二十条登记' })}
      account={accountBox(c)}
    >
      <h1>第二十条登记与年报表二（{year}年）</h1>
      <Alert message={error} />
      <Alert message={notice} kind="notice" />
      <form method="get" class="inline">
        <label for="year">年度</label>{' '}
        <input id="year" name="year" type="number" value={String(year)} min="2008" max="2100" />{' '}
        <button type="submit">查看</button>
      </form>
      <h2>表二 主动公开政府信息情况</h2>
      <table>
        <TableHead columns={['项目', '数值', '依据（可展开）']} />
        <tbody>
          {t2Rows.map((r) => {
            const rows = t2.drillDown[r.key as keyof typeof t2.drillDown];
            return (
              <tr id={r.key}>
                <th scope="row">{r.label}</th>
                <td class="num">{t2.cells[r.key as keyof typeof t2.cells]}</td>
                <td>
                  {rows.length === 0 ? (
                    '—'
                  ) : (
                    <details>
                      <summary>{rows.length}条记录</summary>
                      <ul>
                        {rows.map((d) => (
                          <li>
                            {d.publicationId ? (
                              <a href={`/admin/${agency.code}/catalog/${d.publicationId}`}>
                                {d.label}
                              </a>
                            ) : (
                              d.label
                            )}
                            {d.month ? `：${d.value}` : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted">
        规章、行政规范性文件的件数来自主动公开目录中相应分类的信息及其有效性记录；其余来自下方按月登记。
      </p>
      <h2>按月登记</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">月份</th>
            {(['lic', 'pun', 'coe', 'fee'] as const).map((k) => (
              <th scope="col">
                {registerKindLabels[k]}
                {k === 'fee' ? '（元）' : '（件）'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr>
              <th scope="row">{m}</th>
              {(['lic', 'pun', 'coe', 'fee'] as const).map((k) => (
                <td class="num">{cellValue(k, m) ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? (
        <>
          <form method="post" action={`/admin/${agency.code}/registers`} class="form">
            <CsrfField token={c.get('csrfToken')} />
            <h3>登记或更正一个月的数据</h3>
            <label for="r-kind">类别</label>
            <select id="r-kind" name="kind">
              {(['lic', 'pun', 'coe', 'fee'] as const).map((k) => (
                <option value={k}>{registerKindLabels[k]}</option>
              ))}
            </select>
            <label for="r-month">月份（YYYY-MM）</label>
            <input
              id="r-month"
              name="month"
              required
              pattern="\d{4}-\d{2}"
              placeholder={`${year}-01`}
            />
            <label for="r-value">数值（决定件数；收费填元）</label>
            <input id="r-value" name="value" required inputmode="decimal" />
            <label for="r-note">备注</label>
            <input id="r-note" name="note" />
            <button type="submit">保存</button>
          </form>
          <form
            method="post"
            action={`/admin/${agency.code}/registers/import?year=${year}`}
            class="form"
          >
            <CsrfField token={c.get('csrfToken')} />
            <h3>CSV 导入</h3>
            <label for="r-csv">
              每行：月份,类别,数值[,备注]（类别：行政许可/行政处罚/行政强制/行政事业性收费；收费单位为元）
            </label>
            <textarea
              id="r-csv"
              name="csv"
              rows={6}
              placeholder={`${year}-01,行政处罚,2\n${year}-01,行政事业性收费,1200.50`}
            ></textarea>
            <button type="submit">导入</button>
          </form>
        </>
      ) : null}
    </Layout>,
    error ? 422 : 200,
  );
}
