/** 「互联网+信访」: submit a petition online (/a/:agency/petition) and track it (/a/:agency/petition/track). */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Agency } from '../../../db/agencies.ts';
import {
  findPetitionForTracking,
  getPetition,
  type PetitionRow,
  registerPetition,
} from '../../../db/petitions.ts';
import { hitRateLimit } from '../../../db/rateLimit.ts';
import { todayInChina } from '../../../law/date.ts';
import { PETITION_CHANNEL_LABELS, type PetitionChannel } from '../../../petitions/channel.ts';
import { PETITION_STATUS_LABELS, type PetitionStatus } from '../../../petitions/clock.ts';
import { normalizePetitionQueryCode } from '../../../petitions/queryCode.ts';
import { idNumberSchema, optionalEmailSchema, phoneSchema } from '../../admin/petitions/forms.ts';
import { PetitionerFields } from '../../admin/petitions/petitionerFields.tsx';
import type { AppEnv } from '../../env.ts';
import { type FormState, parseForm } from '../../form.ts';
import { onceField } from '../../security/onceToken.tsx';
import { Alert, ErrorCount, Field, TextArea } from '../../views/formFields.tsx';
import { OnceForm } from '../../views/onceForm.tsx';
import { sectionPage, withPortalAgency } from '../agencyPage.tsx';
import { receiptRecordId, submitOnline } from '../onlineSubmission.ts';
import { TrackForm } from '../trackForm.tsx';

/** Per client address; tracking never per query code (that would let strangers lock it). */
export const petitionLimits = {
  submit: { limit: 10, windowMs: 60 * 60 * 1000 },
  track: { limit: 20, windowMs: 10 * 60 * 1000 },
};

export const petitionPortalRoutes = new Hono<AppEnv>();
petitionPortalRoutes.use('/a/:agency/petition/*', withPortalAgency);

type C = Context<AppEnv>;

const petitionSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过50字'),
  phone: phoneSchema,
  email: optionalEmailSchema,
  idNumber: z.union([z.literal(''), idNumberSchema]).optional(),
  address: z.string().trim().max(200, '住址不超过200字').optional(),
  subject: z.string().trim().min(1, '请填写事项标题').max(100, '标题不超过100字'),
  content: z
    .string()
    .trim()
    .min(10, '请具体写明诉求和事实理由（至少10字）')
    .max(5000, '内容不超过5000字'),
  pledge: z.literal('on', { message: '请确认所反映的情况属实' }),
});

const trackSchema = z.object({
  code: z
    .string()
    .transform((v) => normalizePetitionQueryCode(v))
    .refine((v): v is string => v !== null, '查询码格式为 XF-XXXX-XXXX-XXXX'),
  phone4: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '请填写联系电话的后4位数字'),
});

const page = sectionPage('网上信访', 'petition');

function submitForm(c: C, agency: Agency, form: FormState) {
  const { raw, errors } = form;
  return (
    <>
      <h1>网上信访</h1>
      <p>
        依照《信访工作条例》，我们将自收到之日起15日内告知是否受理；受理的，一般在60日内办结。
        已经提交过的，可 <a href={`/a/${agency.code}/petition/track`}>查询办理进度</a>。
      </p>
      <p class="muted">
        申请获取政府信息的，请通过 <a href={`/a/${agency.code}/apply`}>依申请公开</a>{' '}
        提出；信访事项不按政府信息公开申请办理。
      </p>
      <Alert message={form.message} />
      <ErrorCount errors={errors} />
      <OnceForm
        action={`/a/${agency.code}/petition`}
        csrf={c.get('csrfToken')}
        token={raw[onceField]}
        class="form petition-form"
        novalidate
      >
        <PetitionerFields
          form={form}
          names={{
            name: 'name',
            phone: 'phone',
            email: 'email',
            idNumber: 'idNumber',
            address: 'address',
          }}
          phone={{ required: true, hint: '用于联系您，并与查询码一起查询办理进度' }}
          emailHint="选填：填写的，收到、受理和处理意见书出具时发送邮件告知（只含查询码）"
        />
        <Field name="subject" label="事项标题" raw={raw} errors={errors} required />
        <TextArea name="content" label="诉求及事实理由" raw={raw} errors={errors} required />
        <label class="check">
          <input type="checkbox" name="pledge" checked={raw.pledge === 'on'} />{' '}
          本人承诺所反映的情况属实
        </label>
        {errors.pledge ? <span class="field-error">{errors.pledge}</span> : null}
        <button type="submit">提交信访事项</button>
      </OnceForm>
    </>
  );
}

petitionPortalRoutes.get('/a/:agency/petition', async (c) => {
  const agency = c.get('agency');
  return page(c, agency, '网上信访', submitForm(c, agency, { raw: {}, errors: {} }));
});

petitionPortalRoutes.post('/a/:agency/petition', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, petitionSchema);
  const again = (state: FormState, status: 400 | 429) =>
    page(c, agency, '网上信访', submitForm(c, agency, state), status);
  // Refusals and resubmissions do not count toward the rate limit: only a new petition does.
  if (!form.ok) return again(form, 400);
  const f = form.data;
  const today = todayInChina();
  const petitioner = {
    name: f.name,
    phone: f.phone,
    email: f.email || null,
    idNumber: f.idNumber || null,
    address: f.address || null,
  };
  const input = { agencyId: agency.id, channel: 'online' as const, receivedOn: today };
  return submitOnline(c, agency, {
    form: 'petition',
    raw: form.raw,
    limit: petitionLimits.submit,
    again,
    create: async (tx) => {
      const created = await registerPetition(
        tx,
        { ...input, subject: f.subject, content: f.content, petitioners: [petitioner] },
        { ip: c.get('clientIp'), today },
      );
      return created.id;
    },
  });
});

/** The receipt of an online petition, for the browser that submitted it: the query code. */
petitionPortalRoutes.get('/a/:agency/petition/receipt/:token{[A-Za-z0-9_-]{24}}', async (c) => {
  const agency = c.get('agency');
  const id = await receiptRecordId(c, agency, 'petition');
  const found = id && (await getPetition(c.get('database').db, agency.id, id));
  if (!found) return c.notFound();
  const { queryCode, receivedOn: today } = found.row;
  return page(
    c,
    agency,
    '信访事项已提交',
    <section class="receipt">
      <h1>信访事项已提交</h1>
      <p>您的查询码：</p>
      <p class="query-code" id="query-code">
        {queryCode}
      </p>
      <p>
        请妥善保存查询码。凭查询码和联系电话后4位，可在{' '}
        <a href={`/a/${agency.code}/petition/track`}>查询办理进度</a> 查看受理和办理情况。
        收到日期：{today}。
      </p>
    </section>,
  );
});

function trackForm(c: C, agency: Agency, form: FormState) {
  const action = `/a/${agency.code}/petition/track`;
  const csrf = c.get('csrfToken');
  const example = 'XF-7KQ2-MZ9D-4XHP';
  return (
    <TrackForm title="查询信访办理进度" action={action} csrf={csrf} form={form} example={example} />
  );
}

petitionPortalRoutes.get('/a/:agency/petition/track', async (c) => {
  const agency = c.get('agency');
  return page(c, agency, '查询办理进度', trackForm(c, agency, { raw: {}, errors: {} }));
});

petitionPortalRoutes.post('/a/:agency/petition/track', async (c) => {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const form = await parseForm(c, trackSchema);
  const again = (state: FormState, status: number) =>
    page(c, agency, '查询办理进度', trackForm(c, agency, state), status);
  const byIp = await hitRateLimit(
    db,
    `petition-track:ip:${c.get('clientIp')}`,
    petitionLimits.track,
  );
  if (!byIp.allowed)
    return again({ raw: form.raw, errors: {}, message: '查询过于频繁，请稍后再试。' }, 429);
  if (!form.ok) return again(form, 400);
  const { code, phone4 } = form.data;
  const row = await findPetitionForTracking(db, agency.id, code, phone4);
  if (!row)
    return again({ raw: form.raw, errors: {}, message: '查询码或联系电话后4位不正确。' }, 404);
  return page(c, agency, '办理进度', <TrackResult row={row} />);
});

/** What the petitioner may see: dates, deadlines, the decision and the reply. */
function TrackResult({ row }: { row: PetitionRow }) {
  return (
    <section class="card">
      <h1>办理进度</h1>
      <dl class="facts">
        <dt>查询码</dt>
        <dd>{row.queryCode}</dd>
        <dt>事项</dt>
        <dd>{row.subject}</dd>
        <dt>形式</dt>
        <dd>{PETITION_CHANNEL_LABELS[row.channel as PetitionChannel]}</dd>
        <dt>收到日期</dt>
        <dd>{row.receivedOn}</dd>
        <dt>状态</dt>
        <dd id="petition-status">
          {PETITION_STATUS_LABELS[row.status as PetitionStatus] ?? row.status}
        </dd>
        <dt>受理告知</dt>
        <dd>
          {row.acceptanceDecidedOn
            ? `已于${row.acceptanceDecidedOn}告知`
            : `将于${row.acceptanceDue}前告知`}
        </dd>
        {row.handlingDue ? (
          <>
            <dt>办理期限</dt>
            <dd>
              {row.handlingDue}
              {row.extensionDays > 0 ? `（经批准延长${row.extensionDays}日）` : ''}
            </dd>
          </>
        ) : null}
        {row.closedOn ? (
          <>
            <dt>办结日期</dt>
            <dd>{row.closedOn}</dd>
            <dt>处理意见</dt>
            <dd class="pre" id="petition-answer">
              {row.answerText ?? ''}
            </dd>
          </>
        ) : null}
      </dl>
      {row.closedOn ? (
        <p class="muted">
          对处理意见不服的，可以自收到处理意见书之日起30日内请求原办理机关的上一级机关复查。
        </p>
      ) : null}
    </section>
  );
}
