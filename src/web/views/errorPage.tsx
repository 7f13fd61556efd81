import { Layout } from './layout.tsx';

/** A complete Chinese error page (403, 404, 429, 500 …). */
export function errorPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <section class="error">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">返回首页</a>
        </p>
      </section>
    </Layout>
  );
}
