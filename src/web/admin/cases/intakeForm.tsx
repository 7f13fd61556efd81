/** Staff registration of a paper, in-person, fax or post application: the form and its checks. */
import type { Context } from 'hono';
import { z } from 'zod';
import { intakeDateErrors } from '../../../cases/intake.ts';
import type { LikelyDuplicate } from '../../../db/caseDuplicates.ts';
import type { IsoDate } from '../../../law/date.ts';
import { dateField } from '../../../law/fields.ts';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../law/receipt.ts';
import type { AppEnv } from '../../env.ts';
import { ApplicationFields, type Errors, Field, type Values } from '../../portal/apply/fields.tsx';
import { onceField } from '../../security/onceToken.tsx';
import { Alert } from '../../views/formFields.tsx';
import { OnceForm } from '../../views/onceForm.tsx';
import { base } from './page.tsx';

const PAPER_CHANNELS = CHANNELS.filter((ch) => ch !== 'online');

const receiptSchema = z.object({
  channel: z.enum(PAPER_CHANNELS as [Channel, ...Channel[]], { message: '请选择收件渠道' }),
  submittedOn: dateField('提交（收件）日期'),
  receivedOn: z
    .union([z.literal(''), dateField('收到申请之日')])
    .optional()
    .default(''),
});

export type IntakeReceipt = { channel: Channel; submittedOn: IsoDate; receivedOn?: IsoDate };

/** The receipt fields of a registration, checked for dates that contradict each other. */
export function parseIntakeReceipt(
  raw: Record<string, string>,
  today: IsoDate,
): { ok: true; receipt: IntakeReceipt } | { ok: false; errors: Errors } {
  const parsed = receiptSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  }
  const { channel, submittedOn, receivedOn } = parsed.data;
  const receipt = { channel, submittedOn, receivedOn: receivedOn || undefined };
  const errors = intakeDateErrors(receipt, today);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // In person the day of submission is the day of receipt (Art. 31 (1)).
  if (channel === 'in-person') receipt.receivedOn = submittedOn;
  return { ok: true, receipt };
}

export interface IntakeFormProps {
  c: Context<AppEnv>;
  values: Values;
  errors: Errors;
  /** Why the registration was refused as a whole (not one field). */
  message?: string;
  /** Earlier registrations this one looks like: staff confirm before registering. */
  duplicates?: LikelyDuplicate[];
}

export function IntakeForm({ c, values, errors, message, duplicates = [] }: IntakeFormProps) {
  const count = Object.keys(errors).length;
  return (
    <>
      <h1>登记申请</h1>
      <p>
        当面提交的，以提交之日为收到申请之日；邮寄签收的，以签收之日为收到申请之日；平常信函、传真须与申请人确认，确认之日为收到申请之日（条例第三十一条）。
      </p>
      <Alert message={message} />
      {count > 0 ? (
        <p class="alert" role="alert">
          登记内容有{count}处需要修改，已填写的内容均已保留。
        </p>
      ) : null}
      {duplicates.length > 0 ? <DuplicateWarning c={c} duplicates={duplicates} /> : null}
      <OnceForm
        action={`${base(c)}/new`}
        csrf={c.get('csrfToken')}
        token={values[onceField]}
        class="form"
        multipart
      >
        {duplicates.length > 0 ? (
          <label class="check confirm-duplicate">
            <input type="checkbox" name="confirmDuplicate" value="on" />{' '}
            已核对，这是一件新的申请，仍然登记
          </label>
        ) : null}
        <fieldset>
          <legend>收件</legend>
          <Field
            name="channel"
            label="渠道"
            required
            values={values}
            errors={errors}
            options={PAPER_CHANNELS.map((ch) => [ch, CHANNEL_LABELS[ch]])}
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
      </OnceForm>
    </>
  );
}

function DuplicateWarning({
  c,
  duplicates,
}: {
  c: Context<AppEnv>;
  duplicates: LikelyDuplicate[];
}) {
  return (
    <section class="alert duplicate-warning" role="alert">
      <p>
        <strong>可能重复登记：</strong>
        30日内已登记过同一申请人（姓名或联系电话相同）内容相同的申请。请核对；确属新的申请的，勾选表单上方的“已核对”后再次登记。
      </p>
      <ul>
        {duplicates.map((d) => (
          <li>
            <a href={`${base(c)}/${d.id}`}>申请 #{d.id}</a>（{d.submittedOn}提交，{d.applicantName}
            ）：{d.description.slice(0, 60)}
          </li>
        ))}
      </ul>
    </section>
  );
}
