import { CsrfField } from '../views/csrfField.tsx';
import { Layout } from '../views/layout.tsx';

export interface LoginPageProps {
  csrfToken: string;
  next?: string;
  username?: string;
  error?: string;
}

export function LoginPage({ csrfToken, next, username, error }: LoginPageProps) {
  return (
    <Layout title="后台登录" breadcrumb={[{ label: '首页', href: '/' }, { label: '后台登录' }]}>
      <section class="card narrow">
        <h1>后台登录</h1>
        {error ? (
          <p class="alert" role="alert">
            {error}
          </p>
        ) : null}
        <form method="post" action="/admin/login" class="form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="next" value={next ?? ''} />
          <label for="username">用户名</label>
          <input
            id="username"
            name="username"
            value={username ?? ''}
            autocomplete="username"
            required
          />
          <label for="password">密码</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit">登录</button>
        </form>
      </section>
    </Layout>
  );
}
