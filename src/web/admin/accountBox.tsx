import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { CsrfField } from '../views/csrfField.tsx';
import { AdminMenu } from './adminMenu.tsx';

/** The signed-in user's name, the logout button and the back-office menu, for the page header. */
export function accountBox(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) return null;
  return (
    <>
      <form method="post" action="/admin/logout" class="inline">
        <CsrfField token={c.get('csrfToken')} />
        <span>{user.displayName}</span> <button type="submit">退出</button>
      </form>
      <AdminMenu c={c} />
    </>
  );
}
