/**
 * Art. 44 in the workbench: the open prompts (the same information asked for by several
 * applicants) shown to the office on the dashboard and on the cases concerned, and its two
 * actions — 转为主动公开 (a draft publication from the cases) and 暂不转 (dismissed with a reason).
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Agency } from '../../../db/agencies.ts';
import {
  dismissProactivePrompt,
  draftFromProactivePrompt,
  type ProactivePrompt,
  proactivePrompts,
} from '../../../db/proactivePrompts.ts';
import { isGongkaiError } from '../../../errors.ts';
import { todayInChina } from '../../../law/date.ts';
import type { Role } from '../../../law/roles.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { requireRole } from '../../security/guard.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert } from '../../views/formFields.tsx';
import { roleLabels } from '../roleLabels.ts';
import { casesPage } from './page.tsx';

type C = Context<AppEnv>;

export const PROACTIVE_ROLES: Role[] = ['office'];

export const NOT_A_DRAFTER = `转为主动公开需新建一条待审核的信息，须由“${roleLabels.drafter}”角色办理。您在本单位没有该角色：请本单位管理员为您增加该角色，或请拟稿人办理。`;

/** The prompts the office should see now: this year's, and last year's in January. */
export async function currentPrompts(c: C): Promise<ProactivePrompt[]> {
  if (!c.get('roles').some((r) => PROACTIVE_ROLES.includes(r))) return [];
  const db = c.get('database').db;
  const agency = c.get('agency');
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const years = today.slice(5, 7) === '01' ? [year - 1, year] : [year];
  const lists = await Promise.all(years.map((y) => proactivePrompts(db, agency, y)));
  return lists.flat();
}

/** The prompts of the year a case was received in that include the case (office only). */
export async function promptsOfCase(c: C, id: number, receivedOn: string | null) {
  if (!receivedOn || !c.get('roles').some((r) => PROACTIVE_ROLES.includes(r))) return [];
  const db = c.get('database').db;
  const prompts = await proactivePrompts(db, c.get('agency'), Number(receivedOn.slice(0, 4)));
  return prompts.filter((p) => p.ids.includes(id));
}

export function ProactiveNotice({
  agency,
  csrf,
  prompts,
}: {
  agency: Agency;
  csrf: string;
  prompts: ProactivePrompt[];
}) {
  if (prompts.length === 0) return null;
  const action = `/admin/${agency.code}/cases/proactive`;
  return (
    <section class="notice proactive" id="proactive-prompts" aria-label="建议转为主动公开">
      <h2>建议转为主动公开（条例第四十四条）</h2>
      {prompts.map((p) => {
        const key = `${p.year}-${p.ids.join('-')}`;
        return (
          <div class="proactive-prompt" data-prompt={key}>
            <p>
              {p.year}年有<strong data-applicants>{p.applicants}</strong>
              位申请人申请公开相同的政府信息：“{p.cases[0].description.slice(0, 40)}”。
              可纳入主动公开范围的，应当纳入。
            </p>
            <p class="prompt-cases">
              涉及申请：
              {p.cases.map((k, i) => (
                <>
                  {i > 0 ? '、' : ''}
                  <a href={`/admin/${agency.code}/cases/${k.id}`}>#{k.id}</a>
                </>
              ))}
            </p>
            <form method="post" action={`${action}/draft`} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="year" value={String(p.year)} />
              <input type="hidden" name="ids" value={p.ids.join(',')} />
              <button type="submit">转为主动公开</button>
            </form>
            <form method="post" action={`${action}/dismiss`} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="year" value={String(p.year)} />
              <input type="hidden" name="ids" value={p.ids.join(',')} />
              <label for={`reason-${key}`}>暂不转的理由</label>{' '}
              <input
                id={`reason-${key}`}
                name="reason"
                maxlength={200}
                required
                placeholder="如：涉及个人隐私，不宜主动公开"
              />{' '}
              <button type="submit">暂不转</button>
            </form>
          </div>
        );
      })}
    </section>
  );
}

const promptSchema = z.object({
  year: z.coerce.number().int().min(2008, '年份不正确').max(2100, '年份不正确'),
  ids: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){1,49}$/, '提示所涉申请不正确，请刷新后重试')
    .transform((s) => s.split(',').map(Number)),
});

const dismissSchema = promptSchema.extend({
  reason: z.string().trim().max(200, '理由不超过200字').optional().default(''),
});

/** POST /admin/:agency/cases/proactive/{draft,dismiss} — the office's two answers to a prompt. */
export const proactiveRoutes = new Hono<AppEnv>();
proactiveRoutes.use('*', requireRole(...PROACTIVE_ROLES));

proactiveRoutes.post('/draft', async (c) => {
  const form = await parseForm(c, promptSchema);
  if (!form.ok) return failed(c, Object.values(form.errors)[0]);
  if (!c.get('roles').includes('drafter')) return failed(c, NOT_A_DRAFTER, 403);
  const agency = c.get('agency');
  try {
    const id = await draftFromProactivePrompt(
      c.get('database').db,
      agency,
      form.data.year,
      form.data.ids,
      actorOf(c),
    );
    return c.redirect(`/admin/${agency.code}/catalog/${id}/edit`, 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return failed(c, error.message);
  }
});

proactiveRoutes.post('/dismiss', async (c) => {
  const form = await parseForm(c, dismissSchema);
  if (!form.ok) return failed(c, Object.values(form.errors)[0]);
  const agency = c.get('agency');
  try {
    await dismissProactivePrompt(
      c.get('database').db,
      agency,
      form.data.year,
      form.data.ids,
      form.data.reason,
      actorOf(c),
    );
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return failed(c, error.message);
  }
  return c.redirect(`/admin/${agency.code}?proactive=dismissed`, 303);
});

const actorOf = (c: C) => ({
  userId: c.get('user')!.userId,
  roles: c.get('roles'),
  ip: c.get('clientIp'),
});

/** The refusal with its message, and the prompts as they stand now. */
async function failed(c: C, message: string | undefined, status: 400 | 403 = 400) {
  const prompts = await currentPrompts(c);
  return casesPage(
    c,
    '建议转为主动公开',
    <>
      <h1>建议转为主动公开</h1>
      <Alert message={message ?? '请求不正确，请刷新后重试。'} />
      <ProactiveNotice agency={c.get('agency')} csrf={c.get('csrfToken')} prompts={prompts} />
      <p>
        <a href={`/admin/${c.get('agency').code}`}>返回工作台</a>
      </p>
    </>,
    [],
    status,
  );
}
