/** 上一页 / 第 N / M 页 / 下一页; `pages` is omitted when only a capped count is known. */
export function Pager({
  page,
  pages,
  prev,
  next,
}: {
  page: number;
  pages?: number;
  prev?: string;
  next?: string;
}) {
  if (!prev && !next) return null;
  return (
    <nav class="pager" aria-label="分页">
      {prev ? (
        <a href={prev} rel="prev">
          上一页
        </a>
      ) : null}
      <span>{pages === undefined ? `第 ${page} 页` : `第 ${page} / ${pages} 页`}</span>
      {next ? (
        <a href={next} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  );
}

/** The pager of a list whose every page has its own address `href(n)`. */
export function NumberedPager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const prev = page > 1 ? href(page - 1) : undefined;
  const next = page < pages ? href(page + 1) : undefined;
  return <Pager page={page} pages={pages} prev={prev} next={next} />;
}
