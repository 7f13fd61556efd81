import type { Context } from 'hono';
import { z } from 'zod';
import { isValidUscc } from '../../../catalog/identifiers.ts';
import { type AgencyProfile, profileOf, updateAgencyProfile } from '../../../db/agencyProfile.ts';
import type { AppEnv } from '../../env.ts';
import { FieldRow } from '../../views/formFields.tsx';
import { SaveForm, type SettingsForm, settingsFormRoutes, settingsPage } from './common.tsx';

const optional = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不超过${max}字`).optional().default('');

/** A USCC typed with spaces or in lower case is read as the same code. */
const normalUscc = (v: string) => v.replace(/\s/g, '').toUpperCase();

export const profileSchema = z.object({
  name: z
    .string({ message: '请填写单位名称' })
    .trim()
    .min(2, '请填写单位名称')
    .max(60, '单位名称不超过60字'),
  uscc: optional(40, '统一社会信用代码'),
  address: optional(100, '办公地址'),
  postcode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{6}$/.test(v), '邮政编码为6位数字')
    .optional()
    .default(''),
  officeHours: optional(60, '办公时间'),
  phone: z
    .string()
    .trim()
    .max(40, '联系电话不超过40字')
    .refine(
      (v) => v === '' || /^[0-9+()（）\-—、,，;； 转]+$/.test(v),
      '联系电话只能包含数字、连字符和括号',
    )
    .optional()
    .default(''),
  fax: z
    .string()
    .trim()
    .max(40, '传真不超过40字')
    .refine((v) => v === '' || /^[0-9+()（）\-— ]+$/.test(v), '传真号码只能包含数字、连字符和括号')
    .optional()
    .default(''),
  email: z
    .string()
    .trim()
    .max(100, '电子邮箱不超过100字')
    .refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确')
    .optional()
    .default(''),
  website: z
    .string()
    .trim()
    .max(200, '网站地址不超过200字')
    .refine(
      (v) => v === '' || /^https?:\/\/[^\s<>"]+$/.test(v),
      '网站地址应以 http:// 或 https:// 开头',
    )
    .optional()
    .default(''),
});

/** /admin/:agency/settings/profile — name, 统一社会信用代码 and the 公开指南 contact details. */
export const profileRoutes = settingsFormRoutes({
  section: '/profile',
  schema: profileSchema,
  current: (c) =>
    Object.fromEntries(Object.entries(profileOf(c.get('agency'))).map(([k, v]) => [k, v ?? ''])),
  page: profilePage,
  save: async (c, data, { actor }) => {
    const agency = c.get('agency');
    const uscc = normalUscc(data.uscc);
    // A stored code that fails the check (entered before this page existed) may be kept as it is.
    if (uscc !== '' && uscc !== (agency.uscc ?? '') && !isValidUscc(uscc))
      return { uscc: '统一社会信用代码不正确（应为18位，末位校验码须相符），请核对。' };
    const nullable = (v: string) => (v === '' ? null : v);
    const profile: AgencyProfile = {
      name: data.name,
      uscc: nullable(uscc),
      address: nullable(data.address),
      postcode: nullable(data.postcode),
      officeHours: nullable(data.officeHours),
      phone: nullable(data.phone),
      fax: nullable(data.fax),
      email: nullable(data.email),
      website: nullable(data.website),
    };
    await updateAgencyProfile(c.get('database').db, agency.id, profile, actor);
    return undefined;
  },
  fieldOf: (error) => (error.code.startsWith('agency.uscc') ? 'uscc' : '_'),
});

function profilePage(c: Context<AppEnv>, { raw, errors, notice, action }: SettingsForm) {
  const agency = c.get('agency');
  const storedInvalid = agency.uscc && !isValidUscc(agency.uscc);
  const p = { raw, errors };
  return settingsPage(
    c,
    '/profile',
    '单位信息',
    <>
      <p class="muted">
        这些信息用于
        <a href={`/a/${agency.code}/guide`}>政府信息公开指南</a>
        （条例第十二条）和索引号。单位网址代码 <code>{agency.code}</code> 不可修改。
      </p>
      {storedInvalid ? (
        <p class="alert" role="status">
          当前保存的统一社会信用代码“{agency.uscc}”校验码不符，请核对后更正。
        </p>
      ) : null}
      <SaveForm c={c} action={action}>
        <FieldRow name="name" label="单位名称" required maxlength={60} {...p} />
        <FieldRow
          name="uscc"
          label="统一社会信用代码"
          maxlength={40}
          hint="18位，用作索引号前缀；已生成的索引号不随之改变"
          {...p}
        />
        <FieldRow name="address" label="办公地址" {...p} />
        <FieldRow name="postcode" label="邮政编码" maxlength={6} {...p} />
        <FieldRow
          name="officeHours"
          label="办公时间"
          hint="如：工作日 8:00—12:00，14:30—17:30"
          {...p}
        />
        <FieldRow name="phone" label="联系电话" {...p} />
        <FieldRow name="fax" label="传真" {...p} />
        <FieldRow name="email" label="电子邮箱" type="email" {...p} />
        <FieldRow name="website" label="网站" {...p} />
      </SaveForm>
    </>,
    { errors, notice },
  );
}
