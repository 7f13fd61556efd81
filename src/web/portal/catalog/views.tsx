import type { BodyBlock } from '../../../catalog/body.ts';
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
              <li>{i}</li>
            ))}
          </ul>
        ) : (
          <p>{b.text}</p>
        ),
      )}
    </div>
  );
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
