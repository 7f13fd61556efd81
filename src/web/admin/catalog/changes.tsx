/** Draft history on the staff pages: what changed between two versions, and the 正文 itself. */
import { parseBody } from '../../../catalog/body.ts';
import {
  contentFieldLabels,
  type PublicationContent,
} from '../../../catalog/publication/content.ts';
import { diffLines } from '../../../catalog/publication/diff.ts';
import type { ChangesSinceReview } from '../../../catalog/publication/history.ts';
import { Body } from '../../portal/catalog/views.tsx';
import { TableHead } from '../../views/tableHead.tsx';

const stepLabels = { approved: '审核通过', rejected: '退回', published: '发布' } as const;

export function BodyText({ body }: { body: string }) {
  return body.trim() === '' ? <p class="muted">（正文为空）</p> : <Body blocks={parseBody(body)} />;
}

/** For the reviewer: the content at the last review step against the current draft. */
export function ChangesSinceReviewSection(props: {
  changes: ChangesSinceReview;
  categories: Map<number, string>;
}) {
  const { step, before, after, changed } = props.changes;
  return (
    <section aria-labelledby="changes-h">
      <h2 id="changes-h">自上一审核步骤以来的修改</h2>
      {!step || !before ? (
        <p class="muted">首次提交审核，没有可比较的上一审核步骤；请审阅下方全文。</p>
      ) : changed.length === 0 ? (
        <p class="muted">
          自{step.on}“{stepLabels[step.type]}”以来内容未修改。
        </p>
      ) : (
        <>
          <p>
            自{step.on}“{stepLabels[step.type]}”以来修改了：
            {changed.map((f) => contentFieldLabels[f]).join('、')}
          </p>
          <ContentDiff before={before} after={after} categories={props.categories} />
        </>
      )}
    </section>
  );
}

/** The changed fields side by side and a line diff of the 正文. */
export function ContentDiff(props: {
  before: PublicationContent;
  after: PublicationContent;
  categories: Map<number, string>;
}) {
  const { before, after } = props;
  const show = (field: keyof PublicationContent, c: PublicationContent) =>
    field === 'categoryId'
      ? (props.categories.get(c.categoryId) ?? `#${c.categoryId}`)
      : (c[field] ?? '—');
  const fields = (Object.keys(contentFieldLabels) as (keyof PublicationContent)[]).filter(
    (f) => f !== 'body' && before[f] !== after[f],
  );
  return (
    <>
      {fields.length > 0 ? (
        <table>
          <caption>修改的属性</caption>
          <TableHead columns={['项目', '修改前', '修改后']} />
          <tbody>
            {fields.map((f) => (
              <tr>
                <th scope="row">{contentFieldLabels[f]}</th>
                <td>
                  <del>{show(f, before)}</del>
                </td>
                <td>
                  <ins>{show(f, after)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {before.body !== after.body ? (
        <>
          <h3>正文的修改（− 删除，+ 新增）</h3>
          <div class="diff">
            {diffLines(before.body, after.body).map((line) =>
              line.kind === 'added' ? (
                <ins>{line.text}</ins>
              ) : line.kind === 'removed' ? (
                <del>{line.text}</del>
              ) : (
                <span class="same">{line.text}</span>
              ),
            )}
          </div>
        </>
      ) : null}
    </>
  );
}
