import type { Context } from 'hono';
import { z } from 'zod';
import { type ReviewChain, reviewChainSchema } from '../../../catalog/reviewChain.ts';
import { allowsConsecutiveSteps, getReviewChain } from '../../../db/catalogCategories.ts';
import { changeConsecutiveSteps, changeReviewChain } from '../../../db/catalogSettings.ts';
import { countByStatus } from '../../../db/publications/read.ts';
import type { AppEnv } from '../../env.ts';
import { FieldError } from '../../views/formFields.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { SaveForm, type SettingsForm, settingsFormRoutes, settingsPage } from './common.tsx';

const MAX_ROWS = 8;
const stepRoles = ['drafter', 'reviewer', 'office', 'admin'] as const;

/** Who performs a step, in the words of the chain (roleLabels names the roles themselves). */
export const stepRoleLabels: Record<string, string> = {
  drafter: '拟稿人',
  reviewer: '分管领导',
  office: '办公室',
  admin: '管理员',
};

/**
 * The form has rows `label.N` / `role.N`; a row whose name is blank is left out (that is how a
 * step is removed). Errors are reported on the row's own field.
 */
export const chainFormSchema = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const rows: { index: number; label: string; role: string }[] = [];
  for (let index = 0; index < MAX_ROWS; index++) {
    const label = (raw[`label.${index}`] ?? '').trim();
    if (label !== '') rows.push({ index, label, role: raw[`role.${index}`] ?? '' });
  }
  const parsed = reviewChainSchema.safeParse(rows.map(({ label, role }) => ({ label, role })));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [row, field] = issue.path;
    const at = typeof row === 'number' ? rows[row]?.index : undefined;
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: [at === undefined ? '_' : `${String(field ?? 'label')}.${at}`],
    });
  }
  return z.NEVER;
});

/** /admin/:agency/settings/review-chain — the steps of 主动公开 review and the role of each. */
export const chainRoutes = settingsFormRoutes({
  section: '/review-chain',
  schema: chainFormSchema,
  current: async (c) => {
    const db = c.get('database').db;
    const agency = c.get('agency');
    const raw = rawOf(await getReviewChain(db, agency.id));
    if (await allowsConsecutiveSteps(db, agency.id)) raw.consecutive = 'on';
    return raw;
  },
  page: chainPage,
  save: async (c, data, { raw, actor }) => {
    const db = c.get('database').db;
    const agency = c.get('agency');
    await changeReviewChain(db, agency.id, data, actor);
    await changeConsecutiveSteps(db, agency.id, raw.consecutive === 'on', actor);
    return undefined;
  },
});

function rawOf(chain: ReviewChain): Record<string, string> {
  const raw: Record<string, string> = {};
  chain.forEach((s, i) => {
    raw[`label.${i}`] = s.label;
    raw[`role.${i}`] = s.role;
  });
  return raw;
}

async function chainPage(c: Context<AppEnv>, { raw, errors, notice, action }: SettingsForm) {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const current = await getReviewChain(db, agency.id);
  const inReview = (await countByStatus(db, agency.id))
    .filter((r) => r.status === 'review')
    .reduce((s, r) => s + r.n, 0);
  const filled = Object.keys(raw).filter((k) => k.startsWith('label.') && raw[k].trim()).length;
  const rows = Math.min(MAX_ROWS, Math.max(current.length, filled) + 2);
  return settingsPage(
    c,
    '/review-chain',
    '主动公开审核流程',
    <>
      <p>
        每条主动公开信息按下列步骤依次办理，每一步只能由所列角色的人员办理，起草人不能审核自己起草的信息。
        第一步为拟稿（拟稿人），最后一步为发布（办公室或管理员）；发布前须完成保密审查。最多
        {MAX_ROWS}步。
      </p>
      <p class="muted">
        清空某一步的名称即删除该步；在空行填写名称即增加一步。
        {inReview > 0
          ? `目前有${inReview}条信息正在审核中：在它们发布或退回之前，只能修改步骤名称，不能增删步骤、调整顺序或更换承办角色。`
          : '目前没有正在审核中的信息，可以任意调整。'}
      </p>
      <SaveForm c={c} action={action} submit="保存审核流程">
        <table class="data chain">
          <caption>审核步骤</caption>
          <TableHead columns={['步骤', '名称', '承办角色']} />
          <tbody>
            {Array.from({ length: rows }, (_, i) => {
              const label = `label.${i}`;
              const role = `role.${i}`;
              return (
                <tr>
                  <th scope="row">{i + 1}</th>
                  <td>
                    <input
                      name={label}
                      value={raw[label] ?? ''}
                      maxlength={30}
                      aria-label={`第${i + 1}步名称`}
                      aria-invalid={errors[label] ? 'true' : undefined}
                      aria-describedby={errors[label] ? `${label}-error` : undefined}
                    />
                    <FieldError errors={errors} name={label} />
                  </td>
                  <td>
                    <select
                      name={role}
                      aria-label={`第${i + 1}步承办角色`}
                      aria-invalid={errors[role] ? 'true' : undefined}
                      aria-describedby={errors[role] ? `${role}-error` : undefined}
                    >
                      <option value="">请选择</option>
                      {stepRoles.map((r) => (
                        <option value={r} selected={raw[role] === r}>
                          {stepRoleLabels[r]}
                        </option>
                      ))}
                    </select>
                    <FieldError errors={errors} name={role} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <fieldset>
          <legend>岗位分离</legend>
          <label>
            <input type="checkbox" name="consecutive" checked={raw.consecutive === 'on'} />
            允许同一人连续办理相邻的两个步骤（例如办公室负责人审核后由本人发布）
          </label>
          <p class="muted">
            默认不允许：每一步须由未办理上一步的人员办理。允许后，每次由同一人连续办理都记入操作日志。
          </p>
        </fieldset>
      </SaveForm>
    </>,
    { errors, notice },
  );
}
