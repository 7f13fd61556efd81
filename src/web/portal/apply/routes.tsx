/** The public side of 依申请公开: apply online (/a/:agency/apply) and track (/a/:agency/track). */
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { formatQueryCode, normalizeQueryCode } from '../../../cases/queryCode.ts';
import { STATUS_LABELS } from '../../../cases/state.ts';
import type { Agency } from '../../../db/agencies.ts';
import {
  type ApplicationRow,
  findApplication,
  findByQueryCode,
  letterContent,
  lettersOf,
  submitApplication,
} from '../../../db/cases.ts';
import { findSubmission } from '../../../db/formSubmissions.ts';
import { hitRateLimit } from '../../../db/rateLimit.ts';
import { todayInChina } from '../../../law/date.ts';
import { decisionKind, isDecisionId } from '../../../law/decisions.ts';
import { docxResponse } from '../../download.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { OnceField, onceField, receiptOwner } from '../../security/onceToken.tsx';
import { oneTimeSubmission, STALE_FORM_MESSAGE } from '../../security/oneTimeForm.ts';
import { recordId } from '../../security/recordIds.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { agencyPage, portalAgency } from '../agencyPage.tsx';
import { readApplicantFiles, storeApplicantFiles } from './applicantFiles.ts';
import { applicationSchema, toNewApplication } from './applicationForm.ts';
import { ApplicationFields, type Errors, Field, type Values } from './fields.tsx';

/**
 * Per client address; the bench raises them. Tracking is limited by address only, never per
 * query code: a count per code would let anyone who knows a code lock its applicant out.
 */
export const publicLimits = {
  apply: { limit: 10, windowMs: 60 * 60 * 1000 },
  track: { limit: 20, windowMs: 10 * 60 * 1000 },
};

export const applyRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

function page(c: C, agency: Agency, title: string, body: Child, status = 200) {
  return agencyPage(
    c,
    agency,
    { label: '依申请公开', href: `/a/${agency.code}/apply` },
    title,
    body,
    status,
  );
}

function applyForm(c: C, agency: Agency, values: Values, errors: Errors, alert?: string) {
  const count = Object.keys(errors).length;
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写以下内容。已主动公开的信息可在本站直接查阅。
        已经提交过申请的，可 <a href={`/a/${agency.code}/track`}>查询办理进度</a>。
      </p>
      {alert ? (
        <p class="alert" role="alert">
          {alert}
        </p>
      ) : null}
      {count > 0 ? (
        <p class="alert" role="alert">
          提交的内容有{count}处需要修改，请查看标红的栏目。已填写的内容均已保留。
        </p>
      ) : null}
      <form
        method="post"
        action={`/a/${agency.code}/apply`}
        enctype="multipart/form-data"
        class="form apply-form"
        novalidate
      >
        <CsrfField token={c.get('csrfToken')} />
        <OnceField token={values[onceField]} />
        <ApplicationFields
          values={values}
          errors={errors}
          identityProofRequired={agency.identityProofRequired}
        />
        <button type="submit">提交申请</button>
      </form>
    </>
  );
}

applyRoutes.get('/a/:agency/apply', async (c) => {
  const agency = await portalAgency(c);
  if (!agency) return c.notFound();
  return page(
    c,
    agency,
    '提交申请',
    applyForm(c, agency, { applicantKind: 'person', idType: '居民身份证' }, {}),
  );
});

applyRoutes.post('/a/:agency/apply', async (c) => {
  const agency = await portalAgency(c);
  if (!agency) return c.notFound();
  const db = c.get('database').db;
  const form = await parseForm(c, applicationSchema);
  const files = await readApplicantFiles(c, form.ok ? form.data : undefined, {
    identityProofRequired: agency.identityProofRequired,
  });
  // Refusals and resubmissions do not count toward the rate limit: only a new application does.
  if (!form.ok || !files.ok) {
    const errors = { ...(form.ok ? {} : form.errors), ...(files.ok ? {} : files.errors) };
    return page(c, agency, '提交申请', applyForm(c, agency, form.raw, errors), 400);
  }
  const once = await oneTimeSubmission(c, form.raw, 'apply', agency.id);
  if (once.state === 'stale') {
    const raw = { ...form.raw, [onceField]: '' };
    return page(c, agency, '提交申请', applyForm(c, agency, raw, {}, STALE_FORM_MESSAGE), 400);
  }
  const receipt = `/a/${agency.code}/apply/receipt/${once.token}`;
  if (once.state === 'submitted') return c.redirect(receipt, 303);
  const limit = await hitRateLimit(db, `apply:ip:${c.get('clientIp')}`, publicLimits.apply);
  if (!limit.allowed) {
    const alert = '提交过于频繁，请稍后再试。已填写的内容均已保留。';
    return page(c, agency, '提交申请', applyForm(c, agency, form.raw, {}, alert), 429);
  }
  const today = todayInChina();
  await once.create(async (tx) => {
    const input = { agencyId: agency.id, channel: 'online' as const, submittedOn: today };
    const actor = { ip: c.get('clientIp'), today };
    const created = await submitApplication(tx, toNewApplication(form.data, input), actor);
    await storeApplicantFiles(tx, created.id, files.files, { ...actor, agencyId: agency.id });
    return created.id;
  });
  return c.redirect(receipt, 303);
});

/** The receipt of an online application, for the browser that submitted it: the query code. */
applyRoutes.get('/a/:agency/apply/receipt/:token{[A-Za-z0-9_-]{24}}', async (c) => {
  const agency = await portalAgency(c);
  if (!agency) return c.notFound();
  const db = c.get('database').db;
  const submission = await findSubmission(db, c.req.param('token'), 'apply');
  if (!submission || submission.agencyId !== agency.id || submission.owner !== receiptOwner(c))
    return c.notFound();
  const row = await findApplication(db, submission.recordId);
  if (!row) return c.notFound();
  const { queryCode, submittedOn: today } = row;
  return page(
    c,
    agency,
    '申请已提交',
    <section class="receipt">
      <h1>申请已提交</h1>
      <p>
        您的政府信息公开申请已于{today}提交至{agency.name}。
      </p>
      <p class="query-code">
        查询码：<strong data-query-code={queryCode}>{formatQueryCode(queryCode)}</strong>
      </p>
      <p>请妥善保存查询码。凭查询码和联系电话后4位，可在本站查询办理进度和答复文书。</p>
      <p class="notice">
        依据《中华人民共和国政府信息公开条例》第三十一条，通过互联网渠道提交的申请，以双方确认之日为收到申请之日。
        本机关政府信息公开工作机构确认后，答复期限自收到申请之日起计算；确认结果可在查询页面查看。
      </p>
      <p>
        <a href={`/a/${agency.code}/track`}>查询办理进度</a>
      </p>
    </section>,
  );
});

const trackSchemaFields = (raw: Record<string, string>) => ({
  code: normalizeQueryCode(raw.code ?? ''),
  phone4: /^\d{4}$/.test((raw.phone4 ?? '').trim()) ? raw.phone4.trim() : null,
});

function trackForm(c: C, agency: Agency, values: Values, errors: Errors, alert?: string) {
  return (
    <>
      <h1>查询办理进度</h1>
      {alert ? (
        <p class="alert" role="alert">
          {alert}
        </p>
      ) : null}
      <form method="post" action={`/a/${agency.code}/track`} class="form narrow-form">
        <CsrfField token={c.get('csrfToken')} />
        <Field
          name="code"
          label="查询码"
          required
          values={values}
          errors={errors}
          placeholder="例如 7KQ2-MZ9D-4XHP"
        />
        <Field name="phone4" label="联系电话后4位" required values={values} errors={errors} />
        <button type="submit">查询</button>
      </form>
    </>
  );
}

applyRoutes.get('/a/:agency/track', async (c) => {
  const agency = await portalAgency(c);
  if (!agency) return c.notFound();
  return page(c, agency, '查询办理进度', trackForm(c, agency, {}, {}));
});

/** Finds the case for a code and phone digits, counting every attempt against guessing. */
async function verify(c: C, agency: Agency, raw: Record<string, string>) {
  const db = c.get('database').db;
  const { code, phone4 } = trackSchemaFields(raw);
  const errors: Errors = {};
  if (!code) errors.code = '查询码为12位字母和数字';
  if (!phone4) errors.phone4 = '请填写联系电话的后4位数字';
  const byIp = await hitRateLimit(db, `track:ip:${c.get('clientIp')}`, publicLimits.track);
  if (!byIp.allowed)
    return { ok: false, error: '查询过于频繁，请稍后再试。', errors, status: 429 } as const;
  if (!code || !phone4) return { ok: false, error: undefined, errors, status: 400 } as const;
  const row = await findByQueryCode(db, agency.id, code);
  if (!row?.phoneDigits.endsWith(phone4)) {
    return { ok: false, error: '查询码或联系电话后4位不正确。', errors, status: 404 } as const;
  }
  return { ok: true, row, phone4 } as const;
}

/** The tracking form again, with what was typed and why it was refused. */
function trackRefused(
  c: C,
  agency: Agency,
  raw: Record<string, string>,
  refusal: { errors: Errors; error: string | undefined; status: number },
) {
  const form = trackForm(c, agency, raw, refusal.errors, refusal.error);
  return page(c, agency, '查询办理进度', form, refusal.status);
}

applyRoutes.post('/a/:agency/track', async (c) => {
  const agency = await portalAgency(c);
  if (!agency) return c.notFound();
  const raw = (await c.req.parseBody()) as Record<string, string>;
  const found = await verify(c, agency, raw);
  if (!found.ok) return trackRefused(c, agency, raw, found);
  return page(c, agency, '办理进度', await trackResult(c, agency, found.row, found.phone4));
});

applyRoutes.post('/a/:agency/track/letter', async (c) => {
  const agency = await portalAgency(c);
  if (!agency) return c.notFound();
  const raw = (await c.req.parseBody()) as Record<string, string>;
  const found = await verify(c, agency, raw);
  if (!found.ok) return trackRefused(c, agency, raw, found);
  const letterId = recordId(raw.letter);
  const letter = letterId && (await letterContent(c.get('database').db, found.row.id, letterId));
  if (!letter || !visibleToApplicant(found.row, letter)) return c.notFound();
  return docxResponse(c, letter.content, `${letter.title}.docx`);
});

function visibleToApplicant(row: ApplicationRow, letter: { kind: string; toApplicant: boolean }) {
  return letter.toApplicant && (letter.kind !== 'decision' || row.servedOn !== null);
}

async function trackResult(c: C, agency: Agency, row: ApplicationRow, phone4: string) {
  const letters = (await lettersOf(c.get('database').db, row.id)).filter((l) =>
    visibleToApplicant(row, l),
  );
  const decision = row.decision && isDecisionId(row.decision) ? decisionKind(row.decision) : null;
  return (
    <section class="track-result">
      <h1>办理进度</h1>
      <dl class="facts">
        <dt>查询码</dt>
        <dd>{formatQueryCode(row.queryCode)}</dd>
        <dt>办理状态</dt>
        <dd data-status={row.status}>{STATUS_LABELS[row.status as keyof typeof STATUS_LABELS]}</dd>
        <dt>提交日期</dt>
        <dd>{row.submittedOn}</dd>
        <dt>收到申请之日</dt>
        <dd>{row.receivedOn ?? '待工作机构确认'}</dd>
        {row.replyDue ? (
          <>
            <dt>答复期限</dt>
            <dd>{row.replyDue}</dd>
          </>
        ) : null}
        {decision && row.servedOn ? (
          <>
            <dt>答复结果</dt>
            <dd>{decision.label}</dd>
            <dt>送达日期</dt>
            <dd>{row.servedOn}</dd>
          </>
        ) : null}
      </dl>
      <h2>文书</h2>
      {letters.length === 0 ? <p class="muted">暂无文书。</p> : null}
      <ul class="letters">
        {letters.map((l) => (
          <li>
            <form method="post" action={`/a/${agency.code}/track/letter`} class="inline">
              <CsrfField token={c.get('csrfToken')} />
              <input type="hidden" name="code" value={row.queryCode} />
              <input type="hidden" name="phone4" value={phone4} />
              <input type="hidden" name="letter" value={String(l.id)} />
              <button type="submit" class="link-button">
                下载《{l.title}》
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
