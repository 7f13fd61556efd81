import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { parseBody } from '../../../catalog/body.ts';
import { catalogColumns, validityLabels } from '../../../catalog/categories.ts';
import { highlight, searchTerms } from '../../../catalog/search.ts';
import { type Agency, findAgencyByCode } from '../../../db/agencies.ts';
import { listCategories } from '../../../db/catalogCategories.ts';
import {
  getPublishedItem,
  type ListCursor,
  latestPerCategory,
  latestPublished,
  listPublishedInCategory,
  publishedYears,
  searchPublished,
  sitemapEntries,
} from '../../../db/catalogPortal.ts';
import { getPublicAttachmentFile } from '../../../db/publications/attachments.ts';
import { MAX_INT4 } from '../../../law/fields.ts';
import type { AppEnv } from '../../env.ts';
import { errorPage } from '../../views/errorPage.tsx';
import { FilterSelect } from '../../views/filterSelect.tsx';
import { Layout } from '../../views/layout.tsx';
import { NumberedPager } from '../../views/pager.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { guidePage } from './guide.tsx';
import { Body, ItemList, Marked, Pager, portalCrumbs, SearchBox } from './views.tsx';

/** Public catalogue pages: the four sub-columns, categories, items, search, Atom feed, sitemap. */
export const catalogPortalRoutes = new Hono<AppEnv>();

const PAGE_SIZE = 20;
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);
const cursorPattern = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\.\d{1,9}$/)
  .refine((s) => {
    const day = new Date(`${s.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s.slice(0, 10));
  });

/** `?after=` / `?before=` keyset cursors: `<published_on>.<id>` of the last/first row shown. */
const cursorParam = {
  parse(value: string | undefined, direction: ListCursor['direction']): ListCursor | undefined {
    const ok = cursorPattern.safeParse(value);
    if (!ok.success) return undefined;
    const [publishedOn, id] = ok.data.split('.');
    return { publishedOn, id: Number(id), direction };
  },
  format: (row: { publishedOn: string | null; id: number }) => `${row.publishedOn}.${row.id}`,
};

async function agencyOf(c: Context<AppEnv>): Promise<Agency | undefined> {
  return findAgencyByCode(c.get('database').db, c.req.param('agency') ?? '');
}

catalogPortalRoutes.get('/a/:agency/guide', async (c) => {
  const agency = await agencyOf(c);
  return agency ? guidePage(c, agency) : c.notFound();
});

for (const column of ['rules', 'statutory', 'reports'] as const) {
  catalogPortalRoutes.get(`/a/:agency/${column}`, async (c) => {
    const agency = await agencyOf(c);
    if (!agency) return c.notFound();
    const db = c.get('database').db;
    const title = catalogColumns.find((x) => x.key === column)!.title;
    const categories = (await listCategories(db, agency.id)).filter((x) => x.column === column);
    const latest = await latestPerCategory(db, agency.id, 5);
    return c.html(
      <Layout title={title} agency={agency} breadcrumb={portalCrumbs(agency, { label: title })}>
        <h1>{title}</h1>
        <SearchBox agency={agency} />
        {categories.map((cat) => {
          const rows = latest.filter((r) => r.categoryId === cat.id);
          return (
            <section class="category-box" aria-labelledby={`cat-${cat.slug}`}>
              <h2 id={`cat-${cat.slug}`}>
                <a href={`/a/${agency.code}/catalog/${cat.slug}`}>{cat.name}</a>{' '}
                <span class="muted">（{rows[0]?.n ?? 0}条）</span>
              </h2>
              {rows.length === 0 ? (
                <p class="muted">暂无信息。</p>
              ) : (
                <ItemList agency={agency} rows={rows} />
              )}
            </section>
          );
        })}
      </Layout>,
    );
  });
}

catalogPortalRoutes.get('/a/:agency/catalog/:slug', async (c) => {
  const agency = await agencyOf(c);
  if (!agency) return c.notFound();
  const db = c.get('database').db;
  const category = (await listCategories(db, agency.id)).find(
    (x) => x.slug === c.req.param('slug'),
  );
  if (!category) return c.notFound();
  const page = pageParam.parse(c.req.query('page'));
  const cursor =
    cursorParam.parse(c.req.query('after'), 'after') ??
    cursorParam.parse(c.req.query('before'), 'before');
  const list = await listPublishedInCategory(db, agency.id, category.id, {
    page,
    pageSize: PAGE_SIZE,
    cursor,
  });
  const { rows, total } = list;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const shown = list.hasNewer ? Math.min(page, pages) : 1;
  const base = `/a/${agency.code}/catalog/${category.slug}`;
  const first = rows[0];
  const last = rows.at(-1);
  return c.html(
    <Layout
      title={category.name}
      agency={agency}
      breadcrumb={portalCrumbs(agency, columnCrumb(agency, category), { label: category.name })}
    >
      <h1>{category.name}</h1>
      <table class="catalog">
        <caption>共 {total} 条</caption>
        <TableHead columns={['索引号', '名称', '文号', '发布日期']} />
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="index" data-label="索引号">
                {r.indexNumber}
              </td>
              <td class="title">
                <a href={`/a/${agency.code}/items/${r.id}`}>{r.title}</a>
              </td>
              <td data-label="文号">{r.docNumber ?? ''}</td>
              <td data-label="发布日期">
                <time datetime={r.publishedOn ?? ''}>{r.publishedOn}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={shown}
        pages={pages}
        prev={
          list.hasNewer && first
            ? shown <= 2
              ? base
              : `${base}?page=${shown - 1}&before=${cursorParam.format(first)}`
            : undefined
        }
        next={
          list.hasOlder && last
            ? `${base}?page=${shown + 1}&after=${cursorParam.format(last)}`
            : undefined
        }
      />
    </Layout>,
  );
});

catalogPortalRoutes.get('/a/:agency/items/:id{[0-9]+}', async (c) => {
  const agency = await agencyOf(c);
  if (!agency) return c.notFound();
  const found = await getPublishedItem(c.get('database').db, agency.id, Number(c.req.param('id')));
  if (!found) return c.notFound();
  const { item, category, files } = found;
  const row = (label: string, value: string | null) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value ?? ''}</td>
    </tr>
  );
  return c.html(
    <Layout
      title={item.title}
      agency={agency}
      breadcrumb={portalCrumbs(
        agency,
        columnCrumb(agency, category),
        { label: category.name, href: `/a/${agency.code}/catalog/${category.slug}` },
        { label: '正文' },
      )}
    >
      <table class="meta">
        <caption>信息属性</caption>
        <tbody>
          {row('索引号', item.indexNumber)}
          {row('信息分类', category.name)}
          {row('发布机构', item.issuer)}
          {row('成文日期', item.madeOn)}
          {row('发布日期', item.publishedOn)}
          {row('文号', item.docNumber)}
          {row('主题分类', item.topic)}
          {row('关键词', item.keywords)}
          {row('有效性', validityLabels[item.validity])}
          {row('内容概述', item.summary)}
        </tbody>
      </table>
      <h1 class="article-title">{item.title}</h1>
      {item.version > 1 ? (
        <p class="muted">
          本信息已于 {item.changedOn} 更新（第{item.version}版）。
        </p>
      ) : null}
      <Body blocks={parseBody(item.body)} />
      {files.length > 0 ? (
        <section aria-labelledby="files">
          <h2 id="files">附件</h2>
          <ul>
            {files.map((f) => (
              <li>
                <a href={`/a/${agency.code}/items/${item.id}/files/${f.id}`}>
                  {f.title ?? f.filename}
                </a>
                （{Math.ceil(f.size / 1024)} KB）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>,
  );
});

catalogPortalRoutes.get('/a/:agency/items/:id{[0-9]+}/files/:fid{[0-9]+}', async (c) => {
  const agency = await agencyOf(c);
  if (!agency) return c.notFound();
  const db = c.get('database').db;
  const id = Number(c.req.param('id'));
  if (!(await getPublishedItem(db, agency.id, id))) return c.notFound();
  const file = await getPublicAttachmentFile(db, id, Number(c.req.param('fid')));
  if (!file) return c.notFound();
  if (file.blocked)
    return c.html(
      errorPage({
        title: '附件暂不提供下载',
        message: '该附件未通过隐私检查（可能含个人信息或无法完整读取），发布机关处理后才能下载。',
      }),
      403,
      { 'cache-control': 'no-store' },
    );
  return c.body(new Uint8Array(file.data), 200, {
    'content-type': file.mediaType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'cache-control': 'public, max-age=300',
  });
});

const searchQuery = z.object({
  q: z.string().max(200).catch(''),
  category: z.coerce.number().int().positive().max(MAX_INT4).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: pageParam,
});

catalogPortalRoutes.get('/a/:agency/search', async (c) => {
  const agency = await agencyOf(c);
  if (!agency) return c.notFound();
  const db = c.get('database').db;
  const query = searchQuery.parse({
    q: c.req.query('q') ?? '',
    category: c.req.query('category') || undefined,
    year: c.req.query('year') || undefined,
    page: c.req.query('page'),
  });
  const terms = searchTerms(query.q);
  const { rows, total, capped } = await searchPublished(db, agency.id, {
    terms,
    categoryId: query.category,
    year: query.year,
    page: query.page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const categories = await listCategories(db, agency.id);
  const years = await publishedYears(db, agency.id);
  const names = new Map(categories.map((x) => [x.id, x.name]));
  const href = (p: number) =>
    `/a/${agency.code}/search?${new URLSearchParams({ q: query.q, ...(query.category ? { category: String(query.category) } : {}), ...(query.year ? { year: String(query.year) } : {}), page: String(p) })}`;
  return c.html(
    <Layout
      title={query.q ? `搜索：${query.q}` : '搜索'}
      agency={agency}
      breadcrumb={portalCrumbs(agency, { label: '搜索' })}
    >
      <h1>搜索政府信息</h1>
      <form
        method="get"
        action={`/a/${agency.code}/search`}
        class="form search"
        aria-label="站内搜索"
      >
        <label for="q">关键词</label>
        <input id="q" name="q" type="search" value={query.q} />
        <label for="s-category">分类</label>
        <FilterSelect
          id="s-category"
          name="category"
          all="全部分类"
          options={categories.map((x) => [String(x.id), x.name])}
          selected={String(query.category ?? '')}
        />
        <label for="s-year">年份</label>
        <FilterSelect
          id="s-year"
          name="year"
          all="全部年份"
          options={years.map((y) => [String(y), `${y}年`])}
          selected={String(query.year ?? '')}
        />
        <button type="submit">搜索</button>
      </form>
      {terms.length === 0 ? (
        <p class="muted">请输入关键词，可用空格分隔多个词。</p>
      ) : (
        <p role="status">
          {capped
            ? `找到超过 ${total} 条结果，列出最新的 ${total} 条；可增加关键词或按分类、年份筛选。`
            : `找到 ${total} 条结果。`}
        </p>
      )}
      <ol class="results">
        {rows.map((r) => (
          <li>
            <h2>
              <a href={`/a/${agency.code}/items/${r.id}`}>
                <Marked runs={highlight(r.title, terms)} />
              </a>
            </h2>
            <p class="excerpt">
              <Marked runs={highlight(r.excerpt.replace(/\s+/g, ' '), terms)} />
            </p>
            <p class="muted">
              {names.get(r.categoryId)}　{r.publishedOn}　{r.indexNumber}
            </p>
          </li>
        ))}
      </ol>
      <NumberedPager page={page} pages={pages} href={href} />
    </Layout>,
  );
});

catalogPortalRoutes.get('/a/:agency/feed.xml', async (c) => {
  const agency = await agencyOf(c);
  if (!agency) return c.notFound();
  const origin = new URL(c.req.url).origin;
  const items = await latestPublished(c.get('database').db, agency.id, 30);
  const updated = items[0]?.updatedAt ?? agency.createdAt;
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<title>${esc(agency.name)}政府信息公开</title>`,
    `<id>${origin}/a/${esc(agency.code)}</id>`,
    `<link rel="self" href="${origin}/a/${esc(agency.code)}/feed.xml"/>`,
    `<link href="${origin}/a/${esc(agency.code)}"/>`,
    `<updated>${updated.toISOString()}</updated>`,
    `<author><name>${esc(agency.name)}</name></author>`,
    ...items.map((i) =>
      [
        '<entry>',
        `<title>${esc(i.title)}</title>`,
        `<id>${origin}/a/${esc(agency.code)}/items/${i.id}</id>`,
        `<link href="${origin}/a/${esc(agency.code)}/items/${i.id}"/>`,
        `<published>${i.publishedOn}T00:00:00+08:00</published>`,
        `<updated>${i.updatedAt.toISOString()}</updated>`,
        i.summary ? `<summary>${esc(i.summary)}</summary>` : '',
        '</entry>',
      ].join(''),
    ),
    '</feed>',
  ].join('\n');
  return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
});

catalogPortalRoutes.get('/sitemap.xml', async (c) => {
  const origin = new URL(c.req.url).origin;
  const entries = await sitemapEntries(c.get('database').db);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (e) =>
        `<url><loc>${origin}/a/${esc(e.agency)}/items/${e.id}</loc><lastmod>${e.updatedAt.toISOString().slice(0, 10)}</lastmod></url>`,
    ),
    '</urlset>',
  ].join('\n');
  return c.body(xml, 200, { 'content-type': 'application/xml; charset=utf-8' });
});

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The breadcrumb of the standard column a category is filed under. */
function columnCrumb(agency: Agency, category: { column: string }) {
  const column = catalogColumns.find((x) => x.key === category.column)!;
  return { label: column.title, href: `/a/${agency.code}/${column.key}` };
}
