/** The public side of 依申请公开: apply online (/a/:agency/apply) and track (/a/:agency/track). */
import { type Context, Hono } from 'hono';
import { formatQueryCode } from '../../../cases/queryCode.ts';
import type { Agency } from '../../../db/agencies.ts';
import { findApplication, submitApplication } from '../../../db/cases.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { type FormState, parseForm } from '../../form.ts';
import { onceField } from '../../security/onceToken.tsx';
import { Alert, ErrorCount } from '../../views/formFields.tsx';
import { OnceForm } from '../../views/onceForm.tsx';
import { sectionPage, withPortalAgency } from '../agencyPage.tsx';
import { receiptRecordId, submitOnline } from '../onlineSubmission.ts';
import { readApplicantFiles, storeApplicantFiles } from './applicantFiles.ts';
import { applicationSchema, toNewApplication } from './applicationForm.ts';
import { ApplicationFields } from './fields.tsx';
import { publicLimits } from './limits.ts';
import { ReceiptSheet } from './receiptSheet.tsx';
import { trackRoutes } from './trackRoutes.tsx';

export { publicLimits };

export const applyRoutes = new Hono<AppEnv>();
applyRoutes.use('/a/:agency/apply/*', withPortalAgency);
applyRoutes.route('/', trackRoutes);

type C = Context<AppEnv>;

const page = sectionPage('依申请公开', 'apply');

function applyForm(c: C, agency: Agency, form: FormState) {
  const { raw: values, errors } = form;
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写以下内容。已主动公开的信息可在本站直接查阅。
        已经提交过申请的，可 <a href={`/a/${agency.code}/track`}>查询办理进度</a>。
      </p>
      <Alert message={form.message} />
      <ErrorCount errors={errors} />
      <OnceForm
        action={`/a/${agency.code}/apply`}
        csrf={c.get('csrfToken')}
        token={values[onceField]}
        class="form apply-form"
        multipart
        novalidate
      >
        <ApplicationFields
          values={values}
          errors={errors}
          identityProofRequired={agency.identityProofRequired}
        />
        <button type="submit">提交申请</button>
      </OnceForm>
    </>
  );
}

applyRoutes.get('/a/:agency/apply', async (c) => {
  const agency = c.get('agency');
  return page(
    c,
    agency,
    '提交申请',
    applyForm(c, agency, { raw: { applicantKind: 'person', idType: '居民身份证' }, errors: {} }),
  );
});

applyRoutes.post('/a/:agency/apply', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, applicationSchema);
  const files = await readApplicantFiles(c, form.ok ? form.data : undefined, {
    identityProofRequired: agency.identityProofRequired,
  });
  const again = (state: FormState, status: 400 | 429) =>
    page(c, agency, '提交申请', applyForm(c, agency, state), status);
  // Refusals and resubmissions do not count toward the rate limit: only a new application does.
  if (!form.ok || !files.ok) {
    const errors = { ...(form.ok ? {} : form.errors), ...(files.ok ? {} : files.errors) };
    return again({ raw: form.raw, errors }, 400);
  }
  const today = todayInChina();
  const input = { agencyId: agency.id, channel: 'online' as const, submittedOn: today };
  const actor = { ip: c.get('clientIp'), today };
  return submitOnline(c, agency, {
    form: 'apply',
    raw: form.raw,
    limit: publicLimits.apply,
    again,
    create: async (tx) => {
      const created = await submitApplication(tx, toNewApplication(form.data, input), actor);
      await storeApplicantFiles(tx, created.id, files.files, { ...actor, agencyId: agency.id });
      return created.id;
    },
  });
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
  const agency = c.get('agency');
  const id = await receiptRecordId(c, agency, 'apply');
  const row = id && (await findApplication(c.get('database').db, id));
  return row ? { agency, row } : undefined;
}
