import type { Context } from 'hono';
import { PETITION_CHANNEL_LABELS } from '../../../petitions/channel.ts';
import { LEADER_LEVEL_LABELS } from '../../../petitions/leaderLevel.ts';
import type { AppEnv } from '../../env.ts';
import type { FormState } from '../../form.ts';
import { onceField } from '../../security/onceToken.tsx';
import { Alert, Field, FieldError, SelectField, TextArea } from '../../views/formFields.tsx';
import { OnceForm } from '../../views/onceForm.tsx';
import { adminFrame } from '../adminPage.tsx';
import { base, crumbs } from './common.tsx';
import { PetitionerFields, STAFF_PETITIONER_NAMES } from './petitionerFields.tsx';

/** Staff registration of a visit, a letter, an online petition or a referral. */
export function NewPetitionPage({ c, form }: { c: Context<AppEnv>; form: FormState }) {
  const agency = c.get('agency');
  const { raw, errors } = form;
  return adminFrame(
    c,
    '登记信访事项',
    crumbs(agency, { label: '登记' }),
    <>
      <h1>登记信访事项</h1>
      <Alert message={form.message} />
      <OnceForm
        action={`${base(agency)}/new`}
        csrf={c.get('csrfToken')}
        token={raw[onceField]}
        class="form"
      >
        <SelectField
          name="channel"
          label="信访形式"
          raw={raw}
          errors={errors}
          options={PETITION_CHANNEL_LABELS}
          required
        />
        <Field name="receivedOn" label="收到日期" type="date" raw={raw} errors={errors} required />
        <Field
          name="persons"
          label="来访人数（人次）"
          type="number"
          raw={raw}
          errors={errors}
          hint="仅来访填写：一批来访的人数，集体访按实际人数"
        />
        <label class="check">
          <input type="checkbox" name="leaderReceived" checked={raw.leaderReceived === 'on'} />{' '}
          领导接访
        </label>
        <FieldError errors={errors} name="leaderReceived" />
        <Field name="leaderName" label="接访领导" raw={raw} errors={errors} />
        <SelectField
          name="leaderLevel"
          label="接访领导级别"
          raw={raw}
          errors={errors}
          options={LEADER_LEVEL_LABELS}
          placeholder="（领导接访时选择）"
        />
        <Field name="subject" label="信访事项标题" raw={raw} errors={errors} required />
        <TextArea name="content" label="诉求内容" raw={raw} errors={errors} required />
        <Field name="handlingUnit" label="承办单位" raw={raw} errors={errors} />
        <h2>信访人</h2>
        <PetitionerFields
          form={form}
          names={STAFF_PETITIONER_NAMES}
          phone={{}}
          emailHint="填写的，受理、办理期限和处理意见书出具时发送邮件告知"
        />
        <button type="submit">登记</button>
      </OnceForm>
    </>,
  );
}
