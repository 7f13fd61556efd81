import { type Context, type Handler, Hono } from 'hono';
import { z } from 'zod';
import { publicationDueStatus } from '../../../catalog/due.ts';
import type { PrivacyFinding } from '../../../catalog/privacy.ts';
import type { ReviewAction } from '../../../catalog/review.ts';
import { loadCalendar } from '../../../db/calendar.ts';
import { getReviewChain, listCategories } from '../../../db/catalogCategories.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../db/publications/actor.ts';
import {
  addAttachment,
  cleanAttachment,
  getAttachmentFile,
  removeAttachment,
  titleAttachment,
} from '../../../db/publications/attachments.ts';
import { createPublication, updatePublication } from '../../../db/publications/drafts.ts';
import {
  getPublication,
  listPublications,
  type Publication,
} from '../../../db/publications/read.ts';
import {
  overridePrivacy,
  recordConfidentialityReview,
  reviewPublication,
} from '../../../db/publications/review.ts';
import { changeValidity } from '../../../db/publications/validity.ts';
import { isGongkaiError } from '../../../errors.ts';
import { pooledAttachmentScan } from '../../../jobs/attachmentScan.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { requireRole } from '../../security/guard.ts';
import { onceField } from '../../security/onceToken.tsx';
import { oneTimeSubmission, STALE_FORM_MESSAGE } from '../../security/oneTimeForm.ts';
import { Alert } from '../../views/formFields.tsx';
import { Layout } from '../../views/layout.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { accountBox } from '../accountBox.tsx';
import { CATALOG_VIEW_ROLES } from '../areaRoles.ts';
import { actorOf, catalogBase, catalogCrumbs, statusLabels } from './common.tsx';
import { detailPage } from './detailPage.tsx';
import { PublicationForm, publicationSchema } from './form.tsx';
import { versionPage, versionsPage } from './versionsPage.tsx';

/** /admin/:agency/catalog — 主动公开: items, attachments, privacy scan, review chain. */
export const catalogAdminRoutes = new Hono<AppEnv>();

const staff = requireRole(...CATALOG_VIEW_ROLES);
catalogAdminRoutes.use('*', staff);
// Writes: the review chain's roles only (drafter first, office/admin publish); supervisor and
// auditor read. The domain still checks the step; these make a read-only role's POST a 403.
const drafters = requireRole('drafter');
const editors = requireRole('drafter', 'office', 'admin');
const reviewers = requireRole('drafter', 'reviewer', 'office', 'admin');
const publishers = requireRole('office', 'admin');

const statusFilter = z
  .enum(['draft', 'review', 'published', 'withdrawn'])
  .optional()
  .catch(undefined);

catalogAdminRoutes.get('/', async (c) => {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const status = statusFilter.parse(c.req.query('status'));
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(c.req.query('page'));
  const { rows, total } = await listPublications(db, agency.id, { status, page, pageSize: 50 });
  const categories = new Map((await listCategories(db, agency.id)).map((x) => [x.id, x.name]));
  const chain = await getReviewChain(db, agency.id);
  const roles = c.get('roles');
  const calendar = await loadCalendar(db);
  const today = todayInChina();
  const base = catalogBase(agency);
  return c.html(
    <Layout
      title="主动公开"
      agency={agency}
      breadcrumb={catalogCrumbs(agency)}
      account={accountBox(c)}
    >
      <h1>主动公开</h1>
      <p>
        {roles.includes('drafter') ? (
          <a class="button" href={`${base}/new`}>
            新建信息
          </a>
        ) : null}
        　<a href={`/admin/${agency.code}/registers`}>第二十条登记（T2）</a>　
        <a href={`/a/${agency.code}/statutory`}>查看门户</a>
      </p>
      <nav aria-label="按状态筛选" class="tabs">
        <a href={base} aria-current={status ? undefined : 'page'}>
          全部
        </a>
        {Object.entries(statusLabels).map(([k, v]) => (
          <a href={`${base}?status=${k}`} aria-current={status === k ? 'page' : undefined}>
            {v}
          </a>
        ))}
      </nav>
      <table>
        <caption>共 {total} 条</caption>
        <TableHead
          columns={['标题', '分类', '状态', '索引号', '成文日期', '公开期限', '隐私检查']}
        />
        <tbody>
          {rows.map((r) => {
            const due = publicationDueStatus(calendar, r, today);
            const mine =
              r.status === 'review' &&
              roles.includes(chain[r.step]?.role) &&
              r.authorId !== c.get('user')!.userId;
            const findings = (r.privacyFindings ?? []) as PrivacyFinding[];
            return (
              <tr class={mine ? 'mine' : undefined}>
                <td>
                  <a href={`${base}/${r.id}`}>{r.title}</a>
                  {mine ? <strong>（待我办理）</strong> : null}
                </td>
                <td>{categories.get(r.categoryId)}</td>
                <td>
                  {r.status === 'review' ? `待${chain[r.step]?.label}` : statusLabels[r.status]}
                </td>
                <td>{r.indexNumber ?? '—'}</td>
                <td>{r.madeOn}</td>
                <td>
                  {due.due}
                  {due.late ? <strong class="late"> 超期</strong> : null}
                </td>
                <td>
                  {findings.length === 0
                    ? '通过'
                    : r.privacyOverride
                      ? '已放行'
                      : `${findings.length}处问题`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > page * 50 ? (
        <a href={`${base}?${status ? `status=${status}&` : ''}page=${page + 1}`}>下一页</a>
      ) : null}
    </Layout>,
  );
});

catalogAdminRoutes.get('/new', requireRole('drafter'), async (c) => {
  const agency = c.get('agency');
  return formPage(
    c,
    '新建信息',
    `${catalogBase(agency)}/new`,
    { issuer: agency.name, madeOn: todayInChina() },
    {},
  );
});

catalogAdminRoutes.post('/new', requireRole('drafter'), async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, publicationSchema);
  const again = (raw: Record<string, string>, errors: Record<string, string>) =>
    formPage(c, '新建信息', `${catalogBase(agency)}/new`, raw, errors);
  if (!form.ok) return again(form.raw, form.errors);
  const once = await oneTimeSubmission(c, form.raw, 'publication', agency.id);
  if (once.state === 'stale')
    return again({ ...form.raw, [onceField]: '' }, { _: STALE_FORM_MESSAGE });
  const itemPage = (id: number) => `${catalogBase(agency)}/${id}`;
  if (once.state === 'submitted') return c.redirect(`${itemPage(once.recordId)}?done=again`, 303);
  try {
    const id = await once.create(
      async (tx) => (await createPublication(tx, agency.id, form.data, actorOf(c))).id,
    );
    return c.redirect(itemPage(id), 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return again(form.raw, { _: error.message });
  }
});

catalogAdminRoutes.get('/:id{[0-9]+}', async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  return detailPage(c, item, { notice: notices[c.req.query('done') ?? ''] });
});

catalogAdminRoutes.get('/:id{[0-9]+}/versions', async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  return versionsPage(c, item);
});

catalogAdminRoutes.get('/:id{[0-9]+}/versions/:n{[0-9]{1,6}}', async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  return versionPage(c, item, Number(c.req.param('n')));
});

catalogAdminRoutes.get('/:id{[0-9]+}/edit', editors, async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  const raw = Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
  );
  return formPage(
    c,
    `修改：${item.title}`,
    `${catalogBase(c.get('agency'))}/${item.id}/edit`,
    { ...raw, changedOn: todayInChina() },
    {},
    item.status === 'published',
  );
});

catalogAdminRoutes.post('/:id{[0-9]+}/edit', editors, async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  const agency = c.get('agency');
  const action = `${catalogBase(agency)}/${item.id}/edit`;
  const form = await parseForm(c, publicationSchema);
  if (!form.ok)
    return formPage(
      c,
      `修改：${item.title}`,
      action,
      form.raw,
      form.errors,
      item.status === 'published',
    );
  try {
    await updatePublication(c.get('database').db, agency.id, item.id, form.data, actorOf(c), {
      changedOn: form.data.changedOn || undefined,
      confidentiality: form.data.confidentiality,
    });
    return c.redirect(`${catalogBase(agency)}/${item.id}`, 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return formPage(
      c,
      `修改：${item.title}`,
      action,
      form.raw,
      { _: error.message },
      item.status === 'published',
    );
  }
});

// Attachments ----------------------------------------------------------------------------------

catalogAdminRoutes.post('/:id{[0-9]+}/attachments', drafters, async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0)
    return detailPage(c, item, { error: '请选择要上传的文件。' });
  return act(
    c,
    item,
    async () => {
      await addAttachment(
        c.get('database').db,
        item.agencyId,
        item.id,
        { filename: file.name, data: Buffer.from(await file.arrayBuffer()) },
        actorOf(c),
        pooledAttachmentScan(c.get('jobs')),
      );
    },
    'uploaded',
  );
});

const noFields = z.object({});

/** Applies a repository change to the attachment named in the path. */
function onAttachment(
  change: (
    db: Db,
    agencyId: number,
    itemId: number,
    attachmentId: number,
    actor: Actor,
  ) => Promise<unknown>,
) {
  return (c: Context<AppEnv>, item: Publication) =>
    change(c.get('database').db, item.agencyId, item.id, Number(c.req.param('aid')), actorOf(c));
}

catalogAdminRoutes.post(
  '/:id{[0-9]+}/attachments/:aid{[0-9]+}/remove',
  drafters,
  changeRoute(noFields, '', onAttachment(removeAttachment), 'removed'),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/attachments/:aid{[0-9]+}/clean',
  drafters,
  changeRoute(noFields, '', onAttachment(cleanAttachment), 'cleaned'),
);

const attachmentTitle = z.object({
  title: z.string().trim().max(100, '附件标题不能超过100个字'),
});

catalogAdminRoutes.post('/:id{[0-9]+}/attachments/:aid{[0-9]+}/title', drafters, async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  const form = await parseForm(c, attachmentTitle);
  if (!form.ok) return detailPage(c, item, { error: Object.values(form.errors).join('；') });
  return act(
    c,
    item,
    () =>
      titleAttachment(
        c.get('database').db,
        item.agencyId,
        item.id,
        Number(c.req.param('aid')),
        form.data.title,
        actorOf(c),
      ),
    'titled',
  );
});

catalogAdminRoutes.get('/:id{[0-9]+}/attachments/:aid{[0-9]+}', async (c) => {
  const item = await itemOf(c);
  if (!item) return c.notFound();
  const file = await getAttachmentFile(c.get('database').db, item.id, Number(c.req.param('aid')));
  if (!file) return c.notFound();
  return c.body(new Uint8Array(file.data), 200, {
    'content-type': file.mediaType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'x-content-type-options': 'nosniff',
  });
});

// Review chain ---------------------------------------------------------------------------------

const stepForm = z.object({ step: z.coerce.number().int().min(0).max(20) });

/**
 * One state change from the item page: validates its form, runs the change through the repository
 * (which enforces who may make it) and shows the item again with the result.
 */
function changeRoute<S extends z.ZodType>(
  schema: S,
  invalid: string,
  change: (c: Context<AppEnv>, item: Publication, data: z.infer<S>) => Promise<unknown>,
  notice: keyof typeof notices,
): Handler<AppEnv> {
  return async (c) => {
    const item = await itemOf(c);
    if (!item) return c.notFound();
    const form = await parseForm(c, schema);
    if (!form.ok) return detailPage(c, item, { error: invalid || Object.values(form.errors)[0] });
    return act(c, item, () => change(c, item, form.data), notice);
  };
}

/** One review-chain step (the repository enforces whose step it is). */
function reviewRoute<S extends z.ZodType>(
  schema: S,
  invalid: string,
  toAction: (data: z.infer<S>) => ReviewAction,
  notice: keyof typeof notices,
): Handler<AppEnv> {
  const review = (c: Context<AppEnv>, item: Publication, data: z.infer<S>) =>
    reviewPublication(c.get('database').db, item.agencyId, item.id, toAction(data), actorOf(c));
  return changeRoute(schema, invalid, review, notice);
}

catalogAdminRoutes.post(
  '/:id{[0-9]+}/submit',
  drafters,
  reviewRoute(z.object({}), '', () => ({ type: 'submit' }), 'submitted'),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/approve',
  reviewers,
  reviewRoute(
    stepForm,
    '审核步骤无效，请刷新页面。',
    (d) => ({ type: 'approve', step: d.step }),
    'approved',
  ),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/reject',
  reviewers,
  reviewRoute(
    stepForm.extend({ comment: z.string().trim().min(1, '请填写退回意见').max(500) }),
    '',
    (d) => ({ type: 'reject', step: d.step, comment: d.comment }),
    'rejected',
  ),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/withdraw',
  publishers,
  reviewRoute(
    z.object({ reason: z.string().trim().min(1, '请填写撤回理由').max(500) }),
    '',
    (d) => ({ type: 'withdraw', reason: d.reason }),
    'withdrawn',
  ),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/confidentiality',
  requireRole('reviewer', 'office'),
  changeRoute(
    z.object({
      conclusion: z.enum(['public', 'secret', 'refer'], { message: '请选择审查结论' }),
      note: z.string().trim().max(500).optional(),
    }),
    '',
    (c, item, data) =>
      recordConfidentialityReview(c.get('database').db, item.agencyId, item.id, data, actorOf(c)),
    'confidentiality',
  ),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/override',
  requireRole('office'),
  changeRoute(
    z.object({ reason: z.string().trim().min(4, '请填写放行理由（至少4个字）').max(500) }),
    '',
    (c, item, data) =>
      overridePrivacy(c.get('database').db, item.agencyId, item.id, data.reason, actorOf(c)),
    'override',
  ),
);

catalogAdminRoutes.post(
  '/:id{[0-9]+}/validity',
  publishers,
  changeRoute(
    z.object({
      validity: z.enum(['valid', 'expired', 'repealed']),
      since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写生效日期'),
      note: z.string().trim().max(200).optional(),
    }),
    '',
    (c, item, data) =>
      changeValidity(c.get('database').db, item.agencyId, item.id, data, actorOf(c)),
    'validity',
  ),
);

// helpers ----------------------------------------------------------------------------------------

async function itemOf(c: Context<AppEnv>): Promise<Publication | undefined> {
  return getPublication(c.get('database').db, c.get('agency').id, Number(c.req.param('id')));
}

const notices: Record<string, string> = {
  again: '这份表单已经提交过，没有重复新建；以下是第一次提交时保存的信息。',
  uploaded: '附件已上传并完成隐私检查。',
  removed: '附件已删除。',
  titled: '附件标题已保存。',
  cleaned: '已用清理后的副本替换原附件，副本重新检查未发现问题。',
  submitted: '已提交审核。',
  approved: '已办理。',
  rejected: '已退回拟稿人。',
  withdrawn: '已撤回，门户不再显示，记录保留。',
  confidentiality: '已记录保密审查。',
  override: '已记录放行理由。',
  validity: '已记录有效性变更。',
};

/** Runs a state change; a refusal re-shows the item with the reason, success redirects (PRG). */
async function act(
  c: Context<AppEnv>,
  item: Publication,
  run: () => Promise<unknown>,
  notice: keyof typeof notices,
) {
  try {
    await run();
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    const fresh = (await getPublication(c.get('database').db, item.agencyId, item.id)) ?? item;
    return detailPage(c, fresh, { error: error.message });
  }
  return c.redirect(`${catalogBase(c.get('agency'))}/${item.id}?done=${notice}`, 303);
}

async function formPage(
  c: Context<AppEnv>,
  title: string,
  action: string,
  raw: Record<string, string>,
  errors: Record<string, string>,
  published = false,
) {
  const agency = c.get('agency');
  const categories = await listCategories(c.get('database').db, agency.id);
  return c.html(
    <Layout
      title={title}
      agency={agency}
      breadcrumb={catalogCrumbs(agency, { label: title })}
      account={accountBox(c)}
    >
      <h1>{title}</h1>
      <Alert message={errors._} />
      {Object.keys(errors).length > 0 && !errors._ ? (
        <Alert message="请按提示修改标红的项目。" />
      ) : null}
      <PublicationForm
        action={action}
        csrf={c.get('csrfToken')}
        categories={categories}
        raw={raw}
        errors={errors}
        published={published}
        oneTime={action.endsWith('/new')}
        submitLabel="保存"
      />
    </Layout>,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}
