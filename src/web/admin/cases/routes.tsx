/** /admin/:agency/cases — the 依申请公开 workbench, registration, case pages, letters, T3/T4. */

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { CaseEventType } from '../../../cases/events.ts';
import { type CaseStatus, STATUS_LABELS } from '../../../cases/state.ts';
import { loadCalendar } from '../../../db/calendar.ts';
import { applicantPieceIndex } from '../../../db/caseFees.ts';
import {
  appendEvent,
  letterContent,
  lettersOf,
  loadCase,
  submitApplication,
  timelineOf,
} from '../../../db/cases.ts';
import { type CaseView, caseStaff, listCases } from '../../../db/casesList.ts';
import { userNames } from '../../../db/users.ts';
import { isGongkaiError } from '../../../errors.ts';
import { todayInChina } from '../../../law/date.ts';
import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../../../law/keys.ts';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../law/receipt.ts';
import type { Role } from '../../../law/roles.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { applicationSchema, toNewApplication } from '../../portal/apply/applicationForm.ts';
import { docxResponse } from '../../portal/apply/download.ts';
import { ApplicationFields, type Errors, Field, type Values } from '../../portal/apply/fields.tsx';
import { requireRole } from '../../security/guard.ts';
import { recordId } from '../../security/recordIds.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Pager } from '../../views/pager.tsx';
import { CASE_VIEW_ROLES } from '../areaRoles.ts';
import { ACTIONS } from './actionForms.ts';
import { CasePage } from './casePage.tsx';
import { base, casesPage } from './page.tsx';
import { reportRoutes } from './reportPage.tsx';

export const VIEW_ROLES = CASE_VIEW_ROLES;
const STAFF: Role[] = ['office', 'handler'];

export const caseRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

caseRoutes.use('*', requireRole(...VIEW_ROLES));

const CASES_PER_PAGE = 100;
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

const VIEWS: [CaseView, string][] = [
  ['open', '全部在办'],
  ['pending', '待确认收到'],
  ['due', '3个工作日内到期'],
  ['overdue', '已超期'],
  ['applicant', '等待申请人'],
  ['closed', '已办结'],
];

caseRoutes.get('/', async (c) => {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const view = (VIEWS.find(([v]) => v === c.req.query('view'))?.[0] ?? 'open') as CaseView;
  const handlerParam = c.req.query('handler');
  const handlerId = recordId(handlerParam) ?? undefined;
  const today = todayInChina();
  const dueBy = (await loadCalendar(db)).addWorkdays(today, 3);
  const page = pageParam.parse(c.req.query('page'));
  const { rows, total } = await listCases(
    db,
    agency.id,
    { view, handlerId, today, dueBy },
    { page, pageSize: CASES_PER_PAGE },
  );
  const pages = Math.max(1, Math.ceil(total / CASES_PER_PAGE));
  const staff = await caseStaff(db, agency.id);
  const b = base(c);
  const listHref = (p: number) =>
    `${b}?${new URLSearchParams({ view, ...(handlerId ? { handler: String(handlerId) } : {}), page: String(p) })}`;
  return casesPage(
    c,
    '依申请公开办理',
    <>
      <h1>依申请公开 · 办理台</h1>
      <p class="toolbar">
        {c.get('roles').some((r) => STAFF.includes(r)) ? (
          <a href={`${b}/new`}>登记纸质、当面、传真或邮寄申请</a>
        ) : null}
        <a href={`${b}/report`}>年度报告表三、表四</a>
      </p>
      <nav class="filters" aria-label="筛选">
        {VIEWS.map(([v, label]) => (
          <a
            href={`${b}?view=${v}${handlerId ? `&handler=${handlerId}` : ''}`}
            aria-current={v === view ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      <form method="get" action={b} class="inline-form">
        <input type="hidden" name="view" value={view} />
        <label for="handler">承办人</label>{' '}
        <select id="handler" name="handler">
          <option value="">全部</option>
          {staff.map((s) => (
            <option value={String(s.id)} selected={s.id === handlerId}>
              {s.displayName}
            </option>
          ))}
        </select>{' '}
        <button type="submit">筛选</button>
      </form>
      <p class="muted" id="case-total">
        共{total}件{pages > 1 ? `，每页${CASES_PER_PAGE}件` : ''}
      </p>
      {rows.length === 0 ? <p class="muted">没有符合条件的申请。</p> : null}
      {rows.length > 0 ? (
        <table class="data cases">
          <thead>
            <tr>
              <th>编号</th>
              <th>申请人</th>
              <th>所需信息</th>
              <th>收到申请之日</th>
              <th>答复期限</th>
              <th>状态</th>
              <th>承办人</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class={r.replyDue && r.replyDue < today && !r.outcome ? 'overdue' : undefined}>
                <td>
                  <a href={`${b}/${r.id}`}>#{r.id}</a>
                </td>
                <td>
                  {r.applicantName}
                  <span class="muted">
                    （{APPLICANT_TYPE_LABELS[r.applicantType as ApplicantType]}）
                  </span>
                </td>
                <td>{(r.description ?? '').slice(0, 40)}</td>
                <td>{r.receivedOn ?? '待确认'}</td>
                <td>{r.outcome ? '—' : (r.replyDue ?? '—')}</td>
                <td>{STATUS_LABELS[r.status as CaseStatus]}</td>
                <td>{r.handlerName ?? '未分派'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        page={page}
        pages={pages}
        prev={page > 1 ? listHref(page - 1) : undefined}
        next={page < pages ? listHref(page + 1) : undefined}
      />
    </>,
  );
});

const registerExtra = applicationSchema;

function registerForm(c: C, values: Values, errors: Errors) {
  return (
    <>
      <h1>登记申请</h1>
      <p>
        当面提交的，以提交之日为收到申请之日；邮寄签收的，以签收之日为收到申请之日；平常信函、传真须与申请人确认，确认之日为收到申请之日（条例第三十一条）。
      </p>
      {Object.keys(errors).length > 0 ? (
        <p class="alert" role="alert">
          登记内容有{Object.keys(errors).length}处需要修改，已填写的内容均已保留。
        </p>
      ) : null}
      <form method="post" action={`${base(c)}/new`} class="form">
        <CsrfField token={c.get('csrfToken')} />
        <fieldset>
          <legend>收件</legend>
          <Field
            name="channel"
            label="渠道"
            required
            values={values}
            errors={errors}
            options={CHANNELS.filter((ch) => ch !== 'online').map((ch) => [ch, CHANNEL_LABELS[ch]])}
          />
          <Field
            name="submittedOn"
            label="提交（收件）日期"
            type="date"
            required
            values={values}
            errors={errors}
          />
          <Field
            name="receivedOn"
            label="收到申请之日（签收或确认之日；尚未确认的留空）"
            type="date"
            values={values}
            errors={errors}
          />
        </fieldset>
        <ApplicationFields values={values} errors={errors} />
        <button type="submit">登记</button>
      </form>
    </>
  );
}

caseRoutes.get('/new', requireRole(...STAFF), (c) =>
  casesPage(
    c,
    '登记申请',
    registerForm(
      c,
      { submittedOn: todayInChina(), applicantKind: 'person', idType: '居民身份证' },
      {},
    ),
    [],
  ),
);

caseRoutes.post('/new', requireRole(...STAFF), async (c) => {
  const form = await parseForm(c, registerExtra);
  const raw = form.raw;
  const errors: Errors = form.ok ? {} : { ...form.errors };
  const channel = raw.channel as Channel;
  if (!CHANNELS.includes(channel) || channel === 'online') errors.channel = '请选择收件渠道';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw.submittedOn ?? '')) errors.submittedOn = '请填写提交日期';
  if (raw.receivedOn && !/^\d{4}-\d{2}-\d{2}$/.test(raw.receivedOn))
    errors.receivedOn = '日期格式不正确';
  if (channel === 'in-person') raw.receivedOn = raw.submittedOn;
  if (!form.ok || Object.keys(errors).length > 0) {
    return casesPage(c, '登记申请', registerForm(c, raw, errors), [], 400);
  }
  try {
    const { id } = await submitApplication(
      c.get('database').db,
      toNewApplication(form.data, {
        agencyId: c.get('agency').id,
        channel,
        submittedOn: raw.submittedOn,
        receivedOn: raw.receivedOn || undefined,
      }),
      { userId: c.get('user')?.userId, ip: c.get('clientIp') },
    );
    return c.redirect(`${base(c)}/${id}`, 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return casesPage(c, '登记申请', registerForm(c, raw, { receivedOn: error.message }), [], 400);
  }
});

caseRoutes.route('/report', reportRoutes);

async function showCase(c: C, id: number, failed?: Parameters<typeof CasePage>[0]['failed']) {
  const db = c.get('database').db;
  const loaded = await loadCase(db, id);
  if (!loaded || loaded.row.agencyId !== c.get('agency').id) return c.notFound();
  const [timeline, letters, staff] = await Promise.all([
    timelineOf(db, id),
    lettersOf(db, id),
    caseStaff(db, c.get('agency').id),
  ]);
  const ids = [
    ...new Set(
      [...timeline.map((t) => t.userId), loaded.state.handlerId].filter(
        (x): x is number => x !== null,
      ),
    ),
  ];
  const names = await userNames(db, ids);
  return casesPage(
    c,
    `申请 #${id}`,
    <CasePage
      base={base(c)}
      csrf={c.get('csrfToken')}
      row={loaded.row}
      state={loaded.state}
      timeline={timeline}
      letters={letters}
      staff={staff}
      userNames={new Map(names.map((n) => [n.id, n.name]))}
      roles={c.get('roles')}
      today={todayInChina()}
      failed={failed}
    />,
    [],
    failed ? 400 : 200,
  );
}

const idOf = (c: C) => {
  const raw = c.req.param('id') ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
};

caseRoutes.get('/:id', async (c) => {
  const id = idOf(c);
  return id === null ? c.notFound() : showCase(c, id);
});

caseRoutes.post('/:id/act', requireRole(...STAFF), async (c) => {
  const id = idOf(c);
  if (id === null) return c.notFound();
  const db = c.get('database').db;
  const loaded = await loadCase(db, id);
  if (!loaded || loaded.row.agencyId !== c.get('agency').id) return c.notFound();
  const body = (await c.req.parseBody()) as Record<string, string>;
  const action = body.action as CaseEventType;
  const spec = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!spec) return showCase(c, id, { action, message: '未知的操作', values: body, errors: {} });
  if (!spec.roles.some((r) => c.get('roles').includes(r))) {
    return showCase(c, id, {
      action,
      message: '您没有进行此项操作的权限',
      values: body,
      errors: {},
    });
  }
  if (String(loaded.row.version) !== body.version) {
    return showCase(c, id, {
      action,
      message: '本件已被他人更新，请核对最新办理记录后重新操作',
      values: body,
      errors: {},
    });
  }
  const form = await parseForm(c, spec.schema);
  if (!form.ok)
    return showCase(c, id, {
      action,
      message: '请修改标红的栏目',
      values: form.raw,
      errors: form.errors,
    });
  const user = c.get('user')!;
  try {
    const pieceIndex = await applicantPieceIndex(db, loaded.row);
    const event = spec.toEvent(form.data, {
      state: loaded.state,
      userName: user.displayName,
      pieceIndex,
    });
    await appendEvent(db, id, event, { userId: user.userId, ip: c.get('clientIp') });
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return showCase(c, id, { action, message: error.message, values: form.raw, errors: {} });
  }
  return c.redirect(`${base(c)}/${id}`, 303);
});

caseRoutes.get('/:id/letters/:letter', async (c) => {
  const id = idOf(c);
  const letterId = Number(c.req.param('letter'));
  if (id === null || !Number.isInteger(letterId)) return c.notFound();
  const db = c.get('database').db;
  const loaded = await loadCase(db, id);
  if (!loaded || loaded.row.agencyId !== c.get('agency').id) return c.notFound();
  const letter = await letterContent(db, id, letterId);
  if (!letter) return c.notFound();
  return docxResponse(c, letter.content, `${letter.title}-${id}.docx`);
});
