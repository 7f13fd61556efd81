import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Agency } from '../../../db/agencies.ts';
import type { SettingsActor } from '../../../db/catalogSettings.ts';
import type { AppEnv } from '../../env.ts';
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

/** Trimmed optional text: blank becomes null. */
export const blankToNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
