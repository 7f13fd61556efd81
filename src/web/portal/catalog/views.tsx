import { type BodyBlock, linkRuns } from '../../../catalog/body.ts';
import type { Highlighted } from '../../../catalog/search.ts';
import type { Agency } from '../../../db/agencies.ts';

export const portalCrumbs = (agency: Agency, ...rest: { label: string; href?: string }[]) => [
  { label: '首页', href: '/' },
  { label: agency.name, href: `/a/${agency.code}` },
  ...rest,
];

export function Body({ blocks }: { blocks: BodyBlock[] }) {
  return (
    <div class="article">
      {blocks.map((b) =>
        b.type === 'heading' ? (
          b.level === 2 ? (
            <h2>{b.text}</h2>
          ) : (
            <h3>{b.text}</h3>
          )
        ) : b.type === 'list' ? (
          <ul>
            {b.items.map((i) => (
              <li>
                <Linked text={i} />
              </li>
            ))}
          </ul>
        ) : (
          <p>
            <Linked text={b.text} />
          </p>
        ),
      )}
    </div>
  );
}

function Linked({ text }: { text: string }) {
  return <>{linkRuns(text).map((r) => (r.href ? <a href={r.href}>{r.text}</a> : r.text))}</>;
}

export function Marked({ runs }: { runs: Highlighted }) {
  return <>{runs.map((r) => (r.hit ? <mark>{r.text}</mark> : r.text))}</>;
}

export { Pager } from '../../views/pager.tsx';

export function ItemList({
  agency,
  rows,
}: {
  agency: Agency;
  rows: { id: number; title: string; publishedOn: string | null; indexNumber: string | null }[];
}) {
  return (
    <ul class="item-list">
      {rows.map((r) => (
        <li>
          <a href={`/a/${agency.code}/items/${r.id}`}>{r.title}</a>{' '}
          <time datetime={r.publishedOn ?? ''}>{r.publishedOn}</time>
        </li>
      ))}
    </ul>
  );
}

/** The quick search form of an agency's portal pages. */
export function SearchBox({ agency }: { agency: Agency }) {
  return (
    <form
      method="get"
      action={`/a/${agency.code}/search`}
      class="inline search"
      aria-label="站内搜索"
    >
      <label for="quick-q">搜索本单位公开信息</label> <input id="quick-q" name="q" type="search" />{' '}
      <button type="submit">搜索</button>
    </form>
  );
}
