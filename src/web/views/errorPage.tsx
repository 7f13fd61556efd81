import type { Child } from 'hono/jsx';
import { Layout } from './layout.tsx';

interface ErrorPageProps {
  title: string;
  message: string;
  /** The signed-in user's account box and menu, so a 403 page still leads somewhere. */
  account?: Child;
  /** Where the user may go instead (e.g. their own agencies' back offices). */
  links?: { label: string; href: string }[];
}

/** A complete Chinese error page (403, 404, 429, 500 …). */
export function errorPage({ title, message, account, links }: ErrorPageProps) {
  return (
    <Layout title={title} account={account}>
      <section class="error">
        <h1>{title}</h1>
        <p>{message}</p>
        {links && links.length > 0 ? (
          <ul class="agency-list">
            {links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <a href="/">返回首页</a>
        </p>
      </section>
    </Layout>
  );
}
