import type { Context } from 'hono';
import { z } from 'zod';
import { dueSeasonYear, isMonthDay, statutoryDeadline } from '../../../annual/deadline.ts';
import { findAgencyById } from '../../../db/agencies.ts';
import { deadlineSettings, saveDeadlineSetting } from '../../../db/annual.ts';
import { audit } from '../../../db/audit.ts';
import type { Db } from '../../../db/database.ts';
import { todayInChina } from '../../../law/date.ts';
import { reportDeadline } from '../../../services/annual/status.ts';
import type { AppEnv } from '../../env.ts';
import { FieldRow } from '../../views/formFields.tsx';
import { SaveForm, type SettingsForm, settingsFormRoutes, settingsPage } from './common.tsx';

const monthDayOf = (date: string) => date.slice(5);

export function deadlineSchema(statutoryMonthDay: string) {
  return z.object({
    monthDay: z
      .string({ message: '请按“月-日”填写，如 01-25；留空为法定期限' })
      .trim()
      .refine((v) => v === '' || isMonthDay(v), '请按“月-日”填写，如 01-25')
      .refine(
        (v) => v === '' || !isMonthDay(v) || v < statutoryMonthDay,
        `本地期限须早于法定期限（次年${statutoryMonthDay}）`,
      ),
  });
}

/**
 * /admin/:agency/settings/deadline — the earlier local date for the agency's own annual report
 * (scope `self`). The date a government sets for its members' reports stays on its county page.
 */
export const deadlineRoutes = settingsFormRoutes({
  section: '/deadline',
  schema: (c) => deadlineSchema(monthDayOf(statutoryDeadline(c.get('agency').kind, 2000))),
  current: async (c) => ({
    monthDay: (await ownSetting(c.get('database').db, c.get('agency').id)) ?? '',
  }),
  page: deadlinePage,
  save: async (c, data, { actor }) => {
    const agency = c.get('agency');
    const db = c.get('database').db;
    const after = data.monthDay || null;
    await db.transaction(async (tx) => {
      const t = tx as Db;
      const before = await ownSetting(t, agency.id);
      if (before === after) return;
      await saveDeadlineSetting(t, agency.id, 'self', after, actor.userId);
      await audit(t, {
        userId: actor.userId,
        agencyId: agency.id,
        action: 'settings.deadline',
        target: `agency:${agency.code}`,
        details: { scope: 'self', before, after },
        ip: actor.ip ?? null,
      });
    });
    return undefined;
  },
});

async function ownSetting(db: Db, agencyId: number): Promise<string | null> {
  const settings = await deadlineSettings(db, [agencyId]);
  return settings.find((s) => s.scope === 'self')?.monthDay ?? null;
}

async function deadlinePage(c: Context<AppEnv>, { raw, errors, notice, action }: SettingsForm) {
  const agency = c.get('agency');
  const db = c.get('database').db;
  const year = dueSeasonYear(todayInChina());
  const statutory = statutoryDeadline(agency.kind, year);
  const effective = await reportDeadline(db, agency, year);
  const parent = agency.parentId ? await findAgencyById(db, agency.parentId) : undefined;
  const parentDate = parent
    ? (await deadlineSettings(db, [parent.id])).find((s) => s.scope === 'members')?.monthDay
    : undefined;
  const members =
    agency.kind === 'government'
      ? (await deadlineSettings(db, [agency.id])).find((s) => s.scope === 'members')?.monthDay
      : undefined;
  return settingsPage(
    c,
    '/deadline',
    '年度报告发布期限',
    <>
      <p>
        条例第四十九条：{agency.kind === 'government' ? '县级以上人民政府' : '政府部门'}
        应于每年{agency.kind === 'government' ? '3月31日' : '1月31日'}
        前公布上一年度的政府信息公开工作年度报告。
        本地规定了更早期限的，可在此填写（月-日），留空则用法定期限；晚于法定期限的日期不起作用。
      </p>
      <table class="meta">
        <tbody>
          <tr>
            <th scope="row">{year}年度报告法定期限</th>
            <td>{statutory}</td>
          </tr>
          {parent ? (
            <tr>
              <th scope="row">{parent.name}为所属单位设定的期限</th>
              <td>{parentDate ? `次年${parentDate}（本单位未设定时适用）` : '未设定'}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">{year}年度报告现行期限</th>
            <td>
              {effective.due}
              {effective.local ? '（本地期限）' : '（法定期限）'}
            </td>
          </tr>
        </tbody>
      </table>
      <SaveForm c={c} action={action}>
        <FieldRow
          name="monthDay"
          label="本单位年报的本地期限（次年月-日）"
          maxlength={5}
          hint="如 01-25；留空为法定期限"
          raw={raw}
          errors={errors}
        />
      </SaveForm>
      {agency.kind === 'government' ? (
        <p>
          所属单位年报的期限（当前：{members ? `次年${members}` : '法定期限'}）在
          <a href={`/admin/${agency.code}/county/${year}#deadline`}>全县年报情况</a>页设定。
        </p>
      ) : null}
    </>,
    { errors, notice },
  );
}
