import type { Context } from 'hono';
import type { PrivacyFinding } from '../../../catalog/privacy.ts';
import { privacyKindLabels } from '../../../catalog/privacy.ts';
import type { Agency } from '../../../db/agencies.ts';
import type { Actor } from '../../../db/catalog.ts';
import type { AppEnv } from '../../env.ts';
import { areaCrumbs } from '../adminPage.tsx';

export const catalogBase = (agency: Agency) => `/admin/${agency.code}/catalog`;

export function actorOf(c: Context<AppEnv>): Actor {
  return { userId: c.get('user')!.userId, roles: c.get('roles'), ip: c.get('clientIp') };
}

export function catalogCrumbs(agency: Agency, ...rest: { label: string; href?: string }[]) {
  return areaCrumbs(agency, { label: '主动公开', href: catalogBase(agency) }, ...rest);
}

export const statusLabels = {
  draft: '草稿',
  review: '审核中',
  published: '已发布',
  withdrawn: '已撤回',
} as const;

export function Alert({
  message,
  kind = 'alert',
}: {
  message?: string | null;
  kind?: 'alert' | 'notice';
}) {
  return message ? (
    <p class={kind} role={kind === 'alert' ? 'alert' : 'status'}>
      {message}
    </p>
  ) : null;
}

export function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  return errors[name] ? (
    <span class="field-error" id={`${name}-error`}>
      {errors[name]}
    </span>
  ) : null;
}

export function Findings({ findings }: { findings: PrivacyFinding[] }) {
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li>
          <strong>{privacyKindLabels[f.kind]}</strong>（{f.source}
          {f.where ? `，${f.where}` : ''}）：{f.excerpt}
        </li>
      ))}
    </ul>
  );
}
