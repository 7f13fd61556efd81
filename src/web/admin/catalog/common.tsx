import type { Context } from 'hono';
import type { PrivacyFinding } from '../../../catalog/privacy.ts';
import { privacyKindLabels } from '../../../catalog/privacy.ts';
import type { Agency } from '../../../db/agencies.ts';
import type { Actor } from '../../../db/publications/actor.ts';
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

export function Findings({ findings }: { findings: PrivacyFinding[] }) {
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li>
          <strong>{privacyKindLabels[f.kind]}</strong>（{f.source}
          {f.part ? `，${f.part}` : ''}
          {f.where ? `，${f.where}` : ''}）：{f.excerpt}
        </li>
      ))}
    </ul>
  );
}
