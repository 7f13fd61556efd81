import type { Context } from 'hono';
import { z } from 'zod';
import {
  DEFAULT_LETTER_NUMBER_TEMPLATE,
  letterNumber,
  letterNumberTemplateProblem,
} from '../../../cases/letterNumber.ts';
import { findAgencyById } from '../../../db/agencies.ts';
import {
  type LetterSettings,
  letterSettingsOf,
  remedyBodiesOf,
  updateLetterSettings,
} from '../../../db/agencyLetters.ts';
import { todayInChina } from '../../../law/date.ts';
import { remedyFor } from '../../../law/remedies.ts';
import type { AppEnv } from '../../env.ts';
import { CheckField, FieldRow } from '../../views/formFields.tsx';
import {
  blankToNull,
  SaveForm,
  type SettingsForm,
  settingsFormRoutes,
  settingsPage,
} from './common.tsx';

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不超过${max}字`).optional().default('');

export const lettersSchema = z.object({
  reconsiderationBody: text(60, '复议机关'),
  court: text(60, '人民法院'),
  letterNumberTemplate: text(40, '文号模板').superRefine((v, ctx) => {
    const problem = v === '' ? null : letterNumberTemplateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  identityProofRequired: z.enum(['', 'on']).optional().default(''),
  holdProvisionalLetters: z.enum(['', 'on']).optional().default(''),
  proactivePromptApplicants: z.coerce
    .number('请填写2至50之间的整数')
    .int('请填写2至50之间的整数')
    .min(2, '请填写2至50之间的整数')
    .max(50, '请填写2至50之间的整数'),
});

/**
 * /admin/:agency/settings/letters — what every reply letter names: the 复议机关 and the competent
 * court (行政复议法 2023 第二十四条), and the template of the letter numbers.
 */
export const lettersRoutes = settingsFormRoutes({
  section: '/letters',
  schema: lettersSchema,
  current: (c) =>
    Object.fromEntries(
      Object.entries(letterSettingsOf(c.get('agency'))).map(([k, v]) => [
        k,
        typeof v === 'boolean' ? (v ? 'on' : '') : String(v ?? ''),
      ]),
    ),
  page: lettersPage,
  save: async (c, data, { actor }) => {
    const settings: LetterSettings = {
      reconsiderationBody: blankToNull(data.reconsiderationBody),
      court: blankToNull(data.court),
      letterNumberTemplate: blankToNull(data.letterNumberTemplate),
      identityProofRequired: data.identityProofRequired === 'on',
      proactivePromptApplicants: data.proactivePromptApplicants,
      holdProvisionalLetters: data.holdProvisionalLetters === 'on',
    };
    const agency = c.get('agency');
    await updateLetterSettings(c.get('database').db, agency.id, settings, actor);
    return undefined;
  },
  fieldOf: (error) =>
    error.code === 'agency.proactive-applicants'
      ? 'proactivePromptApplicants'
      : 'letterNumberTemplate',
});

async function lettersPage(c: Context<AppEnv>, { raw, errors, notice, action }: SettingsForm) {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const parent = agency.parentId ? await findAgencyById(db, agency.parentId) : undefined;
  const bodies = await remedyBodiesOf(db, agency);
  const today = todayInChina();
  const example = remedyFor('w4', today, bodies);
  const p = { raw, errors };
  return settingsPage(
    c,
    '/letters',
    '答复文书',
    <>
      <p class="muted">
        答复告知书按作出决定之日适用的法律载明救济途径。自2024年1月1日起，对不予公开决定不服的，
        须先申请行政复议（《中华人民共和国行政复议法》第二十三条），告知书须写明复议机关和期限。
      </p>
      <SaveForm c={c} action={action}>
        <FieldRow
          name="reconsiderationBody"
          label="行政复议机关"
          maxlength={60}
          hint={
            parent
              ? `不填则为“${parent.name}”（县级人民政府工作部门的复议机关为本级人民政府）；海关、税务、金融等垂直管理机关请填写`
              : '本单位没有上级单位记录：请填写复议机关，否则告知书只写“有权的行政复议机关”'
          }
          {...p}
        />
        <FieldRow
          name="court"
          label="管辖人民法院"
          maxlength={60}
          hint="行政案件集中管辖的，填写指定管辖的法院；不填则告知书写“有管辖权的人民法院”"
          {...p}
        />
        <FieldRow
          name="letterNumberTemplate"
          label="文号模板"
          maxlength={40}
          hint={`用 {year} 表示年份、{n} 表示本单位当年的序号，如 湘信访依申复〔{year}〕{n}号；不填则为 ${DEFAULT_LETTER_NUMBER_TEMPLATE}`}
          {...p}
        />
        <CheckField
          name="identityProofRequired"
          label="网上申请须上传身份证明（条例第二十九条；不勾选则为选填，纸质申请由工作人员核验）"
          raw={raw}
        />
        <CheckField
          name="holdProvisionalLetters"
          label="次年节假日安排尚未载入时，暂缓出具载有暂定日期的告知书（不勾选则照常出具，并写明日期系按现行安排推算）"
          raw={raw}
        />
        <FieldRow
          name="proactivePromptApplicants"
          label="提示转为主动公开的申请人数"
          type="number"
          required
          hint="同一年度内不同申请人申请公开相同政府信息达到此人数时，工作台提示办公室转为主动公开（条例第四十四条）；默认3"
          {...p}
        />
      </SaveForm>
      <h2>当前设置下的告知书示例</h2>
      <p>
        文号：
        {letterNumber(agency.letterNumberTemplate, Number(today.slice(0, 4)), 1)}
      </p>
      <p>不予公开（今天作出）：{example.text}</p>
    </>,
    { errors, notice },
  );
}
