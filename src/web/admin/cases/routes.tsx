/** /admin/:agency/cases — the 依申请公开 workbench, registration, case pages, letters, T3/T4. */

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { CASE_KIND_LABELS, type CaseEventType } from '../../../cases/events.ts';
import { CASE_EVENTS, mayRecord } from '../../../cases/eventTable.ts';
import { applicantNameFor } from '../../../cases/privacy.ts';
import { type CaseStatus, STATUS_LABELS } from '../../../cases/state.ts';
import { loadCalendar } from '../../../db/calendar.ts';
import { likelyDuplicates } from '../../../db/caseDuplicates.ts';
import { applicantPieceIndex } from '../../../db/caseFees.ts';
import { caseFilesOf } from '../../../db/caseFiles.ts';
import {
  appendEvent,
  letterContent,
  lettersOf,
  loadCase,
  submitApplication,
  timelineOf,
} from '../../../db/cases.ts';
import { type CaseView, caseApprovers, caseStaff, listCases } from '../../../db/casesList.ts';
import { userNames } from '../../../db/users.ts';
import { isGongkaiError } from '../../../errors.ts';
import { todayInChina } from '../../../law/date.ts';
import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../../../law/keys.ts';
import type { Role } from '../../../law/roles.ts';
import { docxResponse } from '../../download.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { readApplicantFiles, storeApplicantFiles } from '../../portal/apply/applicantFiles.ts';
import { applicationSchema, toNewApplication } from '../../portal/apply/applicationForm.ts';
import { ReceiptSheet } from '../../portal/apply/receiptSheet.tsx';
import { requireRole } from '../../security/guard.ts';
import { onceField } from '../../security/onceToken.tsx';
import {
  againHref,
  oneTimeSubmission,
  registeredHref,
  STALE_FORM_MESSAGE,
  submittedState,
} from '../../security/oneTimeForm.ts';
import { recordId } from '../../security/recordIds.ts';
import { FilterSelect } from '../../views/filterSelect.tsx';
import { NumberedPager } from '../../views/pager.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { CASE_VIEW_ROLES } from '../areaRoles.ts';
import { CasePage } from './casePage.tsx';
import { downloadCaseFile, uploadCaseFile } from './files.tsx';
import { IntakeForm, type IntakeFormProps, parseIntakeReceipt } from './intakeForm.tsx';
import { base, casesPage } from './page.tsx';
import { PrintPage } from './printPage.tsx';
import { ProactiveNotice, proactiveRoutes, promptsOfCase } from './proactive.tsx';
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
  ['supplied', '申请人已补正'],
  ['closed', '已办结'],
];

caseRoutes.get('/', async (c) => {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const view = (VIEWS.find(([v]) => v === c.req.query('view'))?.[0] ?? 'open') as CaseView;
  const handlerParam = c.req.query('handler');
  const handlerId = recordId(handlerParam) ?? undefined;
  const kindParam = c.req.query('kind');
  const kind = kindParam === 'disclosure' || kindParam === 'correction' ? kindParam : undefined;
  const today = todayInChina();
  const dueBy = (await loadCalendar(db)).addWorkdays(today, 3);
  const page = pageParam.parse(c.req.query('page'));
  const { rows, total } = await listCases(
    db,
    agency.id,
    { view, handlerId, kind, today, dueBy },
    { page, pageSize: CASES_PER_PAGE },
  );
  const pages = Math.max(1, Math.ceil(total / CASES_PER_PAGE));
  const staff = await caseStaff(db, agency.id);
  const b = base(c);
  const listHref = (p: number) =>
    `${b}?${new URLSearchParams({ view, ...(handlerId ? { handler: String(handlerId) } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
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
            href={`${b}?view=${v}${handlerId ? `&handler=${handlerId}` : ''}${kind ? `&kind=${kind}` : ''}`}
            aria-current={v === view ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      <form method="get" action={b} class="inline-form">
        <input type="hidden" name="view" value={view} />
        <label for="handler">承办人</label>{' '}
        <FilterSelect
          id="handler"
          name="handler"
          all="全部"
          options={staff.map((s) => [String(s.id), s.displayName])}
          selected={String(handlerId ?? '')}
        />{' '}
        <label for="kind">申请事项</label>{' '}
        <FilterSelect
          id="kind"
          name="kind"
          all="全部"
          options={Object.entries(CASE_KIND_LABELS)}
          selected={kind ?? ''}
        />{' '}
        <button type="submit">筛选</button>
      </form>
      <p class="muted" id="case-total">
        共{total}件{pages > 1 ? `，每页${CASES_PER_PAGE}件` : ''}
      </p>
      {rows.length === 0 ? <p class="muted">没有符合条件的申请。</p> : null}
      {rows.length > 0 ? (
        <table class="data cases">
          <TableHead
            columns={['编号', '申请人', '所需信息', '收到申请之日', '答复期限', '状态', '承办人']}
          />
          <tbody>
            {rows.map((r) => (
              <tr class={r.replyDue && r.replyDue < today && !r.outcome ? 'overdue' : undefined}>
                <td>
                  <a href={`${b}/${r.id}`}>#{r.id}</a>
                </td>
                <td>
                  {applicantNameFor(c.get('roles'), r.applicantName, r.applicantType)}
                  <span class="muted">
                    （{APPLICANT_TYPE_LABELS[r.applicantType as ApplicantType]}）
                  </span>
                </td>
                <td>
                  {r.caseKind === 'correction' ? <span class="badge">更正</span> : null}
                  {(r.description ?? '').slice(0, 40)}
                </td>
                <td>{r.receivedOn ?? '待确认'}</td>
                <td>{r.outcome ? '—' : (r.replyDue ?? '—')}</td>
                <td>{STATUS_LABELS[r.status as CaseStatus]}</td>
                <td>{r.handlerName ?? '未分派'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NumberedPager page={page} pages={pages} href={listHref} />
    </>,
  );
});

caseRoutes.get('/new', requireRole(...STAFF), (c) => {
  const values = { submittedOn: todayInChina(), applicantKind: 'person', idType: '居民身份证' };
  return casesPage(c, '登记申请', <IntakeForm c={c} values={values} errors={{}} />, []);
});

caseRoutes.post('/new', requireRole(...STAFF), async (c) => {
  const form = await parseForm(c, applicationSchema);
  const { raw } = form;
  const agency = c.get('agency');
  const again = (props: Omit<IntakeFormProps, 'c' | 'values'>, status = 400) =>
    casesPage(c, '登记申请', <IntakeForm c={c} values={raw} {...props} />, [], status);
  const receipt = parseIntakeReceipt(raw, todayInChina());
  // Paper intake: staff see the ID documents; the identity proof is filed when there is a copy.
  const files = await readApplicantFiles(c, form.ok ? form.data : undefined, {
    identityProofRequired: false,
  });
  if (!form.ok || !receipt.ok || !files.ok) {
    return again({
      errors: {
        ...(form.ok ? {} : form.errors),
        ...(receipt.ok ? {} : receipt.errors),
        ...(files.ok ? {} : files.errors),
      },
    });
  }
  const once = await oneTimeSubmission(c, raw, 'case-intake', agency.id);
  if (once.state === 'stale') {
    raw[onceField] = '';
    return again({ errors: {}, message: STALE_FORM_MESSAGE });
  }
  if (once.state === 'submitted') return c.redirect(againHref(`${base(c)}/${once.recordId}`), 303);
  const db = c.get('database').db;
  const input = toNewApplication(form.data, { agencyId: agency.id, ...receipt.receipt });
  if (raw.confirmDuplicate !== 'on') {
    const duplicates = await likelyDuplicates(db, agency.id, {
      applicantName: input.applicant.name,
      phoneDigits: input.applicant.phone.replace(/\D/g, ''),
      submittedOn: input.submittedOn,
      description: input.request.description,
    });
    if (duplicates.length > 0) return again({ errors: {}, duplicates }, 409);
  }
  try {
    const actor = { userId: c.get('user')?.userId, ip: c.get('clientIp'), today: todayInChina() };
    const id = await once.create(async (tx) => {
      const created = await submitApplication(tx, input, actor);
      await storeApplicantFiles(tx, created.id, files.files, { ...actor, agencyId: agency.id });
      return created.id;
    });
    return c.redirect(registeredHref(`${base(c)}/${id}`), 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return again({ errors: {}, message: error.message });
  }
});

caseRoutes.route('/report', reportRoutes);
caseRoutes.route('/proactive', proactiveRoutes);

/** The agency's case `id`, or undefined: another agency's case is not found. */
async function ownCase(c: C, id: number | null) {
  const loaded = id === null ? undefined : await loadCase(c.get('database').db, id);
  return loaded && loaded.row.agencyId === c.get('agency').id ? loaded : undefined;
}

/** What the case page and its print view both show: the record and who did what. */
async function caseRecord(c: C, loaded: NonNullable<Awaited<ReturnType<typeof loadCase>>>) {
  const db = c.get('database').db;
  const id = loaded.row.id;
  const [timeline, letters, files] = await Promise.all([
    timelineOf(db, id),
    lettersOf(db, id),
    caseFilesOf(db, id),
  ]);
  const ids = [...timeline.map((t) => t.userId), loaded.state.handlerId];
  const names = await userNames(db, [...new Set(ids.filter((x): x is number => x !== null))]);
  return {
    row: loaded.row,
    state: loaded.state,
    timeline,
    letters,
    files,
    userNames: new Map(names.map((n) => [n.id, n.name])),
    roles: c.get('roles'),
    today: todayInChina(),
  };
}

async function showCase(
  c: C,
  id: number,
  failed?: Parameters<typeof CasePage>[0]['failed'],
  fileError?: string,
) {
  const db = c.get('database').db;
  const loaded = await ownCase(c, id);
  if (!loaded) return c.notFound();
  const [record, staff, approvers, prompts] = await Promise.all([
    caseRecord(c, loaded),
    caseStaff(db, c.get('agency').id),
    caseApprovers(db, c.get('agency').id),
    promptsOfCase(c, id, loaded.row.receivedOn),
  ]);
  return casesPage(
    c,
    `申请 #${id}`,
    <>
      <ProactiveNotice agency={c.get('agency')} csrf={c.get('csrfToken')} prompts={prompts} />
      <CasePage
        {...record}
        base={base(c)}
        csrf={c.get('csrfToken')}
        fileError={fileError}
        staff={staff}
        approvers={approvers}
        failed={failed}
        submitted={failed || fileError ? undefined : submittedState(c)}
      />
    </>,
    [],
    failed || fileError ? 400 : 200,
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

caseRoutes.get('/:id/print', async (c) => {
  const loaded = await ownCase(c, idOf(c));
  if (!loaded) return c.notFound();
  return c.html(
    <PrintPage
      {...(await caseRecord(c, loaded))}
      agency={c.get('agency')}
      base={base(c)}
      printedBy={c.get('user')!.displayName}
      now={new Date()}
    />,
  );
});

caseRoutes.post('/:id/act', requireRole(...STAFF), async (c) => {
  const loaded = await ownCase(c, idOf(c));
  if (!loaded) return c.notFound();
  const id = loaded.row.id;
  const db = c.get('database').db;
  const body = (await c.req.parseBody()) as Record<string, string>;
  const action = body.action as CaseEventType;
  const spec = Object.hasOwn(CASE_EVENTS, action) ? CASE_EVENTS[action].form : undefined;
  if (!spec) return showCase(c, id, { action, message: '未知的操作', values: body, errors: {} });
  if (!mayRecord(action, c.get('roles'))) {
    return showCase(c, id, {
      action,
      message: '您没有进行此项操作的权限',
      values: body,
      errors: {},
    });
  }
  const once = await oneTimeSubmission(c, body, 'case-action', loaded.row.agencyId);
  if (once.state === 'submitted') return c.redirect(againHref(`${base(c)}/${id}`), 303);
  if (once.state === 'stale') {
    return showCase(c, id, {
      action,
      message: STALE_FORM_MESSAGE,
      values: { ...body, [onceField]: '' },
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
      approvers: await caseApprovers(db, loaded.row.agencyId),
      pieceIndex,
    });
    const actor = { userId: user.userId, ip: c.get('clientIp') };
    await once.create(async (tx) => {
      await appendEvent(tx, id, event, actor);
      return id;
    });
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return showCase(c, id, { action, message: error.message, values: form.raw, errors: {} });
  }
  return c.redirect(`${base(c)}/${id}`, 303);
});

caseRoutes.post('/:id/files', requireRole(...STAFF), async (c) => {
  const loaded = await ownCase(c, idOf(c));
  if (!loaded) return c.notFound();
  const id = loaded.row.id;
  const error = await uploadCaseFile(c, id);
  return error ? showCase(c, id, undefined, error) : c.redirect(`${base(c)}/${id}#files`, 303);
});

caseRoutes.get('/:id/files/:caseFile{[0-9]{1,9}}', requireRole(...STAFF), (c) => {
  const id = idOf(c);
  return id === null ? c.notFound() : downloadCaseFile(c, id, Number(c.req.param('caseFile')));
});

/** The printable 回执 to hand to a paper or in-person applicant (it names them: case staff only). */
caseRoutes.get('/:id/receipt', requireRole(...STAFF), async (c) => {
  const loaded = await ownCase(c, idOf(c));
  if (!loaded) return c.notFound();
  const id = loaded.row.id;
  const agency = c.get('agency');
  const sheet = (
    <ReceiptSheet
      agency={agency}
      row={loaded.row}
      origin={new URL(c.req.url).origin}
      back={{ href: `${base(c)}/${id}`, label: '返回申请' }}
    />
  );
  return casesPage(c, `申请回执 #${id}`, sheet, []);
});

caseRoutes.get('/:id/letters/:letter', async (c) => {
  const letterId = Number(c.req.param('letter'));
  const loaded = Number.isInteger(letterId) ? await ownCase(c, idOf(c)) : undefined;
  if (!loaded) return c.notFound();
  const id = loaded.row.id;
  const letter = await letterContent(c.get('database').db, id, letterId);
  if (!letter) return c.notFound();
  return docxResponse(c, letter.content, `${letter.title}-${id}.docx`);
});
