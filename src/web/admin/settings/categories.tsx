import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { catalogColumns } from '../../../catalog/categories.ts';
import { listCategories } from '../../../db/catalogCategories.ts';
import {
  addCategory,
  categoryItemCounts,
  deleteCategory,
  moveCategory,
  updateCategory,
} from '../../../db/catalogSettings.ts';
import { isGongkaiError } from '../../../errors.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { FieldError, FieldRow } from '../../views/formFields.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { SaveForm, settingsActor, settingsBase, settingsPage } from './common.tsx';

/** /admin/:agency/settings/categories — the catalogue categories and their sub-columns. */
export const categoryRoutes = new Hono<AppEnv>();

const columnKeys = ['guide', 'rules', 'statutory', 'reports'] as const;
const id = z.coerce.number({ message: '请选择分类' }).int().positive('请选择分类');
const name = z
  .string({ message: '请填写分类名称' })
  .trim()
  .min(2, '分类名称为2至30个字')
  .max(30, '分类名称为2至30个字');
const column = z.enum(columnKeys, { message: '请选择所属栏目' });

export const addCategorySchema = z.object({
  name,
  column,
  slug: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^[a-z][a-z0-9-]{1,29}$/.test(v),
      '网址名以小写字母开头，由2至30个小写字母、数字或连字符组成',
    )
    .optional()
    .default(''),
});
export const updateCategorySchema = z.object({ id, name, column });
export const moveCategorySchema = z.object({
  id,
  direction: z.enum(['up', 'down'], { message: '请选择上移或下移' }),
});
export const deleteCategorySchema = z.object({ id });

const notices: Record<string, string> = {
  added: '已增加分类。',
  saved: '已保存。',
  moved: '已调整顺序。',
  deleted: '已删除分类。',
};

/** Which form failed, so only it shows what was typed and its errors. */
type Failed = { form: 'add' | 'update' | 'row'; raw: Record<string, string> };

categoryRoutes.get('/', (c) => categoriesPage(c, {}, null, notices[c.req.query('done') ?? '']));

categoryRoutes.post('/', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, addCategorySchema);
  if (!form.ok) return categoriesPage(c, form.errors, { form: 'add', raw: form.raw });
  return run(c, 'added', { form: 'add', raw: form.raw }, () =>
    addCategory(c.get('database').db, agency.id, form.data, settingsActor(c)),
  );
});

categoryRoutes.post('/update', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, updateCategorySchema);
  if (!form.ok) return categoriesPage(c, form.errors, { form: 'update', raw: form.raw });
  const { id: categoryId, ...input } = form.data;
  return run(c, 'saved', { form: 'update', raw: form.raw }, () =>
    updateCategory(c.get('database').db, agency.id, categoryId, input, settingsActor(c)),
  );
});

categoryRoutes.post('/move', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, moveCategorySchema);
  if (!form.ok) return categoriesPage(c, { _: Object.values(form.errors)[0] }, null);
  return run(c, 'moved', { form: 'row', raw: form.raw }, () =>
    moveCategory(
      c.get('database').db,
      agency.id,
      form.data.id,
      form.data.direction,
      settingsActor(c),
    ),
  );
});

categoryRoutes.post('/delete', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, deleteCategorySchema);
  if (!form.ok) return categoriesPage(c, { _: Object.values(form.errors)[0] }, null);
  return run(c, 'deleted', { form: 'row', raw: form.raw }, () =>
    deleteCategory(c.get('database').db, agency.id, form.data.id, settingsActor(c)),
  );
});

async function run(
  c: Context<AppEnv>,
  done: string,
  failed: Failed,
  action: () => Promise<unknown>,
) {
  try {
    await action();
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return categoriesPage(c, { _: error.message }, failed);
  }
  return c.redirect(`${settingsBase(c.get('agency'))}/categories?done=${done}`, 303);
}

async function categoriesPage(
  c: Context<AppEnv>,
  errors: Record<string, string>,
  failed: Failed | null,
  notice: string | null = null,
) {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const categories = await listCategories(db, agency.id);
  const counts = await categoryItemCounts(db, agency.id);
  const base = `${settingsBase(agency)}/categories`;
  const csrf = c.get('csrfToken');
  const addRaw = failed?.form === 'add' ? failed.raw : { column: 'statutory' };
  const addErrors = failed?.form === 'add' ? errors : {};
  return settingsPage(
    c,
    '/categories',
    '公开目录分类',
    <>
      <p>
        每个分类归入四个标准栏目之一，门户的栏目页和公开指南按此编排。改名和改栏目不改变分类的网址。
        分类下有信息（含草稿和已撤回的）时不能删除；“政府信息公开年报”栏目至少保留一个分类（年度报告发布在其中）。
      </p>
      {catalogColumns.map((col) => {
        const inColumn = categories.filter((x) => x.column === col.key);
        return (
          <section class="panel" aria-labelledby={`col-${col.key}`}>
            <h2 id={`col-${col.key}`}>{col.title}</h2>
            {inColumn.length === 0 ? <p class="muted">本栏目暂无分类。</p> : null}
            <table class="data categories">
              <TableHead columns={['名称与栏目', '网址', '信息', '顺序与删除']} />
              <tbody>
                {inColumn.map((cat, i) => {
                  const mine = failed?.form === 'update' && failed.raw.id === String(cat.id);
                  const raw = mine ? failed.raw : { name: cat.name, column: cat.column };
                  const rowErrors = mine ? errors : {};
                  const n = counts.get(cat.id) ?? 0;
                  return (
                    <tr data-category={cat.slug}>
                      <td>
                        <form method="post" action={`${base}/update`} class="inline">
                          <CsrfField token={csrf} />
                          <input type="hidden" name="id" value={String(cat.id)} />
                          <input
                            name="name"
                            value={raw.name ?? ''}
                            maxlength={30}
                            aria-label={`分类“${cat.name}”的名称`}
                            aria-invalid={rowErrors.name ? 'true' : undefined}
                          />
                          <select name="column" aria-label={`分类“${cat.name}”所属栏目`}>
                            {catalogColumns.map((x) => (
                              <option value={x.key} selected={raw.column === x.key}>
                                {x.title}
                              </option>
                            ))}
                          </select>
                          <button type="submit">保存</button>
                          <FieldError errors={rowErrors} name="name" />
                          <FieldError errors={rowErrors} name="column" />
                        </form>
                      </td>
                      <td>
                        <a href={`/a/${agency.code}/catalog/${cat.slug}`}>{cat.slug}</a>
                      </td>
                      <td>{n}条</td>
                      <td>
                        {MOVES.map((m) => (
                          <RowButton
                            base={base}
                            csrf={csrf}
                            id={cat.id}
                            op="move"
                            direction={m.direction}
                            disabled={i === (m.direction === 'up' ? 0 : inColumn.length - 1)}
                          >
                            {m.label}
                          </RowButton>
                        ))}
                        {n === 0 ? (
                          <RowButton base={base} csrf={csrf} id={cat.id} op="delete">
                            删除
                          </RowButton>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      <section class="panel" aria-labelledby="add-category">
        <h2 id="add-category">增加分类</h2>
        <SaveForm c={c} action={base} submit="增加">
          <FieldRow
            name="name"
            label="分类名称"
            required
            maxlength={30}
            raw={addRaw}
            errors={addErrors}
          />
          <p>
            <label for="f-column">所属栏目</label>
            <select id="f-column" name="column">
              {catalogColumns.map((x) => (
                <option value={x.key} selected={addRaw.column === x.key}>
                  {x.title}
                </option>
              ))}
            </select>
            <FieldError errors={addErrors} name="column" />
          </p>
          <FieldRow
            name="slug"
            label="网址名"
            maxlength={30}
            hint="可不填，自动生成；如 xzxk，门户地址为 /a/单位/catalog/网址名"
            raw={addRaw}
            errors={addErrors}
          />
        </SaveForm>
      </section>
    </>,
    { errors, notice },
  );
}

/** The two moves within a column; each is disabled at its own end of the column. */
const MOVES = [
  { direction: 'up', label: '上移' },
  { direction: 'down', label: '下移' },
] as const;

function RowButton({
  base,
  csrf,
  id: categoryId,
  op,
  direction,
  disabled,
  children,
}: {
  base: string;
  csrf: string;
  id: number;
  op: 'move' | 'delete';
  direction?: 'up' | 'down';
  disabled?: boolean;
  children: string;
}) {
  return (
    <form method="post" action={`${base}/${op}`} class="inline">
      <CsrfField token={csrf} />
      <input type="hidden" name="id" value={String(categoryId)} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" disabled={disabled}>
        {children}
      </button>
    </form>
  );
}
