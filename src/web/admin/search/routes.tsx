/**
 * /admin/:agency/search — one search box for the agency's cases and catalogue items, each list
 * shown only to the roles that may open its area, applicant names masked per `cases/privacy.ts`.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { applicantNameFor, canSeeApplicantData } from '../../../cases/privacy.ts';
import { formatQueryCode } from '../../../cases/queryCode.ts';
import { type CaseStatus, STATUS_LABELS } from '../../../cases/state.ts';
import { highlight, searchTerms } from '../../../catalog/search.ts';
import { searchCases } from '../../../db/caseSearch.ts';
import { searchCatalogue } from '../../../db/catalogStaffSearch.ts';
import type { AppEnv } from '../../env.ts';
import { Marked } from '../../portal/catalog/views.tsx';
import { requireRole } from '../../security/guard.ts';
import { NumberedPager } from '../../views/pager.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { adminPage, areaCrumbs } from '../adminPage.tsx';
import { CASE_VIEW_ROLES, CATALOG_VIEW_ROLES, SEARCH_ROLES } from '../areaRoles.ts';
import { statusLabels } from '../catalog/common.tsx';

const PAGE_SIZE = 20;

type Scope = 'cases' | 'catalog';
const query = z.object({
  q: z.string().max(200).catch(''),
  in: z.enum(['cases', 'catalog']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export const searchRoutes = new Hono<AppEnv>();
searchRoutes.use('*', requireRole(...SEARCH_ROLES));

searchRoutes.get('/', async (c) => {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const roles = c.get('roles');
  const params = query.parse({ q: '', ...c.req.query() });
  const terms = searchTerms(params.q);
  const scopes: Scope[] = [
    ...(roles.some((r) => CASE_VIEW_ROLES.includes(r)) ? (['cases'] as const) : []),
    ...(roles.some((r) => CATALOG_VIEW_ROLES.includes(r)) ? (['catalog'] as const) : []),
  ];
  const scope = params.in && scopes.includes(params.in) ? params.in : scopes[0];
  const pageOf = (s: Scope) => (s === scope ? params.page : 1);
  const cases = scopes.includes('cases')
    ? await searchCases(db, agency.id, {
        terms,
        byName: canSeeApplicantData(roles),
        page: pageOf('cases'),
        pageSize: PAGE_SIZE,
      })
    : undefined;
  const catalogue = scopes.includes('catalog')
    ? await searchCatalogue(db, agency.id, { terms, page: pageOf('catalog'), pageSize: PAGE_SIZE })
    : undefined;
  const base = `/admin/${agency.code}`;
  const href = (s: Scope, page = 1) =>
    `${base}/search?${new URLSearchParams({ q: params.q, in: s, ...(page > 1 ? { page: String(page) } : {}) })}`;
  const total = scope === 'cases' ? (cases?.total ?? 0) : (catalogue?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return adminPage(
    c,
    '搜索',
    areaCrumbs(agency, { label: '搜索' }),
    <>
      <h1>搜索</h1>
      <SearchForm action={`${base}/search`} q={params.q} scope={scope} />
      <p class="muted">
        {scopes.includes('cases')
          ? canSeeApplicantData(roles)
            ? '申请：查询码、申请人姓名、所需信息描述、告知书文号。'
            : '申请：查询码、所需信息描述、告知书文号（您的角色不能按申请人姓名搜索）。'
          : null}
        {scopes.includes('catalog') ? ' 主动公开：标题、索引号、文号、正文和附件文字。' : null}
      </p>
      {terms.length === 0 ? null : (
        <>
          <nav class="filters" aria-label="搜索范围">
            {cases ? (
              <a href={href('cases')} aria-current={scope === 'cases' ? 'page' : undefined}>
                依申请公开（{cases.total}件）
              </a>
            ) : null}
            {catalogue ? (
              <a href={href('catalog')} aria-current={scope === 'catalog' ? 'page' : undefined}>
                主动公开（{catalogue.capped ? `${catalogue.total}条以上` : `${catalogue.total}条`}）
              </a>
            ) : null}
          </nav>
          {scope === 'cases' && cases ? (
            <CaseHits c={c} rows={cases.rows} terms={terms} base={base} />
          ) : null}
          {scope === 'catalog' && catalogue ? (
            <CatalogueHits rows={catalogue.rows} terms={terms} base={base} />
          ) : null}
          <NumberedPager page={params.page} pages={pages} href={(n) => href(scope, n)} />
        </>
      )}
    </>,
  );
});

export function SearchForm({ action, q, scope }: { action: string; q: string; scope?: Scope }) {
  return (
    <form method="get" action={action} class="inline-form">
      <label for="staff-search-q">搜索</label>{' '}
      <input
        id="staff-search-q"
        type="search"
        name="q"
        value={q}
        maxlength={200}
        placeholder="查询码、申请人、文号、标题、索引号…"
      />{' '}
      {scope ? <input type="hidden" name="in" value={scope} /> : null}
      <button type="submit">搜索</button>
    </form>
  );
}

/** What each hit list gets: the rows of one search, the terms to mark, and the links' base. */
type HitsProps<Search extends (...args: never[]) => Promise<{ rows: unknown[] }>> = {
  rows: Awaited<ReturnType<Search>>['rows'];
  terms: string[];
  base: string;
};

function NoHits({ what }: { what: string }) {
  return <p class="muted">没有找到符合条件的{what}。</p>;
}

function CaseHits({
  c,
  rows,
  terms,
  base,
}: HitsProps<typeof searchCases> & { c: Context<AppEnv> }) {
  if (rows.length === 0) return <NoHits what="申请" />;
  return (
    <table class="data cases search-hits">
      <TableHead
        columns={['编号', '查询码', '申请人', '所需信息', '告知书文号', '答复期限', '状态']}
      />
      <tbody>
        {rows.map((r) => {
          const name = applicantNameFor(c.get('roles'), r.applicantName, r.applicantType);
          return (
            <tr>
              <td>
                <a href={`${base}/cases/${r.id}`}>#{r.id}</a>
              </td>
              <td>
                <Marked runs={highlight(formatQueryCode(r.queryCode), terms)} />
              </td>
              <td>{name === r.applicantName ? <Marked runs={highlight(name, terms)} /> : name}</td>
              <td>
                <Marked runs={highlight(r.description.slice(0, 120), terms)} />
              </td>
              <td>{r.letterNumbers ? <Marked runs={highlight(r.letterNumbers, terms)} /> : '—'}</td>
              <td>{r.replyDue ?? '—'}</td>
              <td>{STATUS_LABELS[r.status as CaseStatus] ?? r.status}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CatalogueHits({ rows, terms, base }: HitsProps<typeof searchCatalogue>) {
  if (rows.length === 0) return <NoHits what="信息" />;
  return (
    <ul class="search-results">
      {rows.map((r) => (
        <li>
          <a href={`${base}/catalog/${r.id}`}>
            <Marked runs={highlight(r.title, terms)} />
          </a>{' '}
          <span class="muted">
            {statusLabels[r.status as keyof typeof statusLabels] ?? r.status}
            {r.indexNumber ? (
              <>
                {' '}
                · 索引号 <Marked runs={highlight(r.indexNumber, terms)} />
              </>
            ) : null}
            {r.docNumber ? ` · ${r.docNumber}` : null}
            {r.publishedOn ? ` · ${r.publishedOn}发布` : null}
          </span>
          <p class="excerpt">
            <Marked runs={highlight(r.excerpt.replace(/\s+/g, ' '), terms)} />
          </p>
        </li>
      ))}
    </ul>
  );
}
