/** The draft history of one item: every version of its content, and one version with its changes. */
import type { Context } from 'hono';
import { contentFieldLabels } from '../../../catalog/publication/content.ts';
import type { ContentVersion } from '../../../catalog/publication/history.ts';
import { listCategories } from '../../../db/catalogCategories.ts';
import { listContentVersions, type Publication } from '../../../db/publications/read.ts';
import { findUserById } from '../../../db/users.ts';
import type { AppEnv } from '../../env.ts';
import { Layout } from '../../views/layout.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { accountBox } from '../accountBox.tsx';
import { BodyText, ContentDiff } from './changes.tsx';
import { catalogBase, catalogCrumbs } from './common.tsx';

const versionKinds: Record<ContentVersion['type'], string> = {
  created: '初稿',
  imported: '导入（或升级前的内容）',
  edited: '修改草稿',
  revised: '修改已发布信息',
};

export async function versionsPage(c: Context<AppEnv>, item: Publication) {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const versions = await listContentVersions(db, item.id);
  const base = `${catalogBase(agency)}/${item.id}`;
  const names = await userNames(c, versions);
  return c.html(
    <Layout
      title={`历史稿本：${item.title}`}
      agency={agency}
      breadcrumb={catalogCrumbs(agency, { label: item.title, href: base }, { label: '历史稿本' })}
      account={accountBox(c)}
    >
      <h1>历史稿本</h1>
      <p>
        <a href={base}>{item.title}</a>　共 {versions.length} 稿
      </p>
      <table>
        <TableHead columns={['稿本', '日期', '人员', '方式', '修改的项目']} />
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr>
              <td>
                <a href={`${base}/versions/${v.number}`}>第{v.number}稿</a>
              </td>
              <td>{v.on}</td>
              <td>{v.by ? names.get(v.by) : '系统'}</td>
              <td>{versionKinds[v.type]}</td>
              <td>{v.changed.map((f) => contentFieldLabels[f]).join('、') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
}

export async function versionPage(c: Context<AppEnv>, item: Publication, number: number) {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const versions = await listContentVersions(db, item.id);
  const version = versions.find((v) => v.number === number);
  if (!version) return c.notFound();
  const previous = versions.find((v) => v.number === number - 1);
  const base = `${catalogBase(agency)}/${item.id}`;
  const categories = new Map((await listCategories(db, agency.id)).map((x) => [x.id, x.name]));
  const names = await userNames(c, [version]);
  const content = version.content;
  return c.html(
    <Layout
      title={`第${number}稿：${content.title}`}
      agency={agency}
      breadcrumb={catalogCrumbs(
        agency,
        { label: item.title, href: base },
        { label: '历史稿本', href: `${base}/versions` },
        { label: `第${number}稿` },
      )}
      account={accountBox(c)}
    >
      <h1>
        第{number}稿：{content.title}
      </h1>
      <p class="muted">
        {version.on}　{version.by ? names.get(version.by) : '系统'}　{versionKinds[version.type]}
        {number === versions.length ? '（当前稿）' : ''}
      </p>
      <nav aria-label="稿本">
        {previous ? <a href={`${base}/versions/${number - 1}`}>上一稿</a> : null}
        {number < versions.length ? (
          <>
            {'　'}
            <a href={`${base}/versions/${number + 1}`}>下一稿</a>
          </>
        ) : null}
      </nav>
      {previous ? (
        <section aria-labelledby="diff-h">
          <h2 id="diff-h">与第{number - 1}稿相比</h2>
          <ContentDiff before={previous.content} after={content} categories={categories} />
        </section>
      ) : null}
      <table class="meta">
        <caption>信息属性</caption>
        <tbody>
          {(Object.keys(contentFieldLabels) as (keyof typeof contentFieldLabels)[])
            .filter((f) => f !== 'body')
            .map((f) => (
              <tr>
                <th scope="row">{contentFieldLabels[f]}</th>
                <td>
                  {f === 'categoryId'
                    ? (categories.get(content.categoryId) ?? '—')
                    : (content[f] ?? '—')}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <section aria-labelledby="body-h">
        <h2 id="body-h">正文</h2>
        <BodyText body={content.body} />
      </section>
    </Layout>,
  );
}

async function userNames(c: Context<AppEnv>, versions: ContentVersion[]) {
  const names = new Map<number, string>();
  for (const v of versions)
    if (v.by && !names.has(v.by))
      names.set(v.by, (await findUserById(c.get('database').db, v.by))?.displayName ?? `#${v.by}`);
  return names;
}
