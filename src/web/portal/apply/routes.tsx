/** The public side of 依申请公开: apply online (/a/:agency/apply) and track (/a/:agency/track). */
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { formatQueryCode } from '../../../cases/queryCode.ts';
import type { Agency } from '../../../db/agencies.ts';
import { findApplication, submitApplication } from '../../../db/cases.ts';
import { findSubmission } from '../../../db/formSubmissions.ts';
import { hitRateLimit } from '../../../db/rateLimit.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { OnceField, onceField, receiptOwner } from '../../security/onceToken.tsx';
import { oneTimeSubmission, STALE_FORM_MESSAGE } from '../../security/oneTimeForm.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert, ErrorCount } from '../../views/formFields.tsx';
import { agencyPage, portalAgency } from '../agencyPage.tsx';
import { readApplicantFiles, storeApplicantFiles } from './applicantFiles.ts';
import { applicationSchema, toNewApplication } from './applicationForm.ts';
import { ApplicationFields, type Errors, type Values } from './fields.tsx';
import { publicLimits } from './limits.ts';
import { ReceiptSheet } from './receiptSheet.tsx';
import { trackRoutes } from './trackRoutes.tsx';

export { publicLimits };

export const applyRoutes = new Hono<AppEnv>();
applyRoutes.route('/', trackRoutes);

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
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写以下内容。已主动公开的信息可在本站直接查阅。
        已经提交过申请的，可 <a href={`/a/${agency.code}/track`}>查询办理进度</a>。
      </p>
      <Alert message={alert} />
      <ErrorCount errors={errors} />
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
  const found = await submittedApplication(c);
  if (!found) return c.notFound();
  const { agency, row } = found;
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
        <a href={`${c.req.path}/print`}>打印申请回执</a> ·{' '}
        <a href={`/a/${agency.code}/track`}>查询办理进度</a>
      </p>
    </section>,
  );
});

/** The printable 回执 of an online application, for the browser that submitted it. */
applyRoutes.get('/a/:agency/apply/receipt/:token{[A-Za-z0-9_-]{24}}/print', async (c) => {
  const found = await submittedApplication(c);
  if (!found) return c.notFound();
  const sheet = (
    <ReceiptSheet
      agency={found.agency}
      row={found.row}
      origin={new URL(c.req.url).origin}
      back={{ href: c.req.path.replace(/\/print$/, ''), label: '返回' }}
    />
  );
  return page(c, found.agency, '申请回执', sheet);
});

/** The agency and the application a receipt token made, if this browser made it. */
async function submittedApplication(c: C) {
  const agency = await portalAgency(c);
  if (!agency) return undefined;
  const db = c.get('database').db;
  const submission = await findSubmission(db, c.req.param('token') ?? '', 'apply');
  if (!submission || submission.agencyId !== agency.id || submission.owner !== receiptOwner(c))
    return undefined;
  const row = await findApplication(db, submission.recordId);
  return row ? { agency, row } : undefined;
}
