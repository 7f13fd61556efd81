import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { Agency } from '../../../db/agencies.ts';
import type { SettingsActor } from '../../../db/catalogSettings.ts';
import { type GongkaiError, isGongkaiError } from '../../../errors.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert } from '../../views/formFields.tsx';
import { adminPage, areaCrumbs } from '../adminPage.tsx';

export const settingsBase = (agency: Agency) => `/admin/${agency.code}/settings`;

export function settingsActor(c: Context<AppEnv>): SettingsActor {
  return { userId: c.get('user')!.userId, ip: c.get('clientIp') };
}

const sections = [
  { path: '/profile', label: '单位信息' },
  { path: '/letters', label: '答复文书' },
  { path: '/review-chain', label: '审核流程' },
  { path: '/categories', label: '目录分类' },
  { path: '/deadline', label: '年报期限' },
  { path: '/notifications', label: '通知发送' },
] as const;

export type SettingsSection = (typeof sections)[number]['path'] | '';

/** A settings page: breadcrumb, section tabs, a saved notice or the errors, then `body`. */
export function settingsPage(
  c: Context<AppEnv>,
  section: SettingsSection,
  title: string,
  body: Child,
  options: { errors?: Record<string, string>; notice?: string | null } = {},
) {
  const agency = c.get('agency');
  const base = settingsBase(agency);
  const errors = options.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const area = { label: '单位设置', href: base };
  const breadcrumb = areaCrumbs(agency, area, ...(section ? [{ label: title }] : []));
  return adminPage(
    c,
    title,
    breadcrumb,
    <>
      <h1>{title}</h1>
      <nav aria-label="设置项目" class="tabs">
        <a href={base} aria-current={section === '' ? 'page' : undefined}>
          概览
        </a>
        {sections.map((s) => (
          <a href={base + s.path} aria-current={section === s.path ? 'page' : undefined}>
            {s.label}
          </a>
        ))}
      </nav>
      <Alert message={options.notice} kind="notice" />
      <Alert message={errors._} />
      {failed && !errors._ ? (
        <Alert message="请按提示修改标红的项目，已填写的内容均已保留。" />
      ) : null}
      {body}
    </>,
    failed ? 422 : 200,
  );
}

/** A settings form: posted to `action` with its CSRF token, then `children` and the submit button. */
export function SaveForm({
  c,
  action,
  submit = '保存',
  children,
}: {
  c: Context<AppEnv>;
  action: string;
  submit?: string;
  children?: Child;
}) {
  return (
    <form method="post" action={action} class="form">
      <CsrfField token={c.get('csrfToken')} />
      {children}
      <p>
        <button type="submit">{submit}</button>
      </p>
    </form>
  );
}

type Fields = Record<string, string>;
type Page = Response | Promise<Response>;

/** What a settings form shows: what was typed (or is saved), the errors, the saved notice. */
export interface SettingsForm {
  raw: Fields;
  errors: Fields;
  notice: string | null;
  /** Where the form posts. */
  action: string;
}

/**
 * The routes of a one-form settings page: GET shows the saved values (and "已保存。" after a save);
 * POST validates with `schema`, then `save`s — field errors it returns, or a GongkaiError shown at
 * `fieldOf(error)` (the top of the form by default), show the form again with what was typed —
 * and redirects back to the section.
 */
export function settingsFormRoutes<S extends z.ZodType>(spec: {
  section: Exclude<SettingsSection, ''>;
  schema: S | ((c: Context<AppEnv>) => S);
  current(c: Context<AppEnv>): Fields | Promise<Fields>;
  page(c: Context<AppEnv>, form: SettingsForm): Page;
  save(
    c: Context<AppEnv>,
    data: z.output<S>,
    form: { raw: Fields; actor: SettingsActor },
  ): Promise<Fields | undefined>;
  fieldOf?: (error: GongkaiError) => string;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const action = (c: Context<AppEnv>) => settingsBase(c.get('agency')) + spec.section;
  const show = (
    c: Context<AppEnv>,
    raw: Fields,
    errors: Fields = {},
    notice: string | null = null,
  ) => spec.page(c, { raw, errors, notice, action: action(c) });
  routes.get('/', async (c) =>
    show(c, await spec.current(c), {}, c.req.query('saved') === '1' ? '已保存。' : null),
  );
  routes.post('/', async (c) => {
    const schema = typeof spec.schema === 'function' ? spec.schema(c) : spec.schema;
    const form = await parseForm(c, schema);
    if (!form.ok) return show(c, form.raw, form.errors);
    let errors: Fields | undefined;
    try {
      errors = await spec.save(c, form.data, { raw: form.raw, actor: settingsActor(c) });
    } catch (error) {
      if (!isGongkaiError(error)) throw error;
      errors = { [spec.fieldOf?.(error) ?? '_']: error.message };
    }
    return errors ? show(c, form.raw, errors) : c.redirect(`${action(c)}?saved=1`, 303);
  });
  return routes;
}

/** Trimmed optional text: blank becomes null. */
export const blankToNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
