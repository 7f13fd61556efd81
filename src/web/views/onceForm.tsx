import type { Child } from 'hono/jsx';
import { OnceField } from '../security/onceToken.tsx';
import { CsrfField } from './csrfField.tsx';

/**
 * A form that creates a record: POST with the CSRF field and the one-time token. `token` is the
 * token the form carried when it was sent and is shown again; without one (or after a stale
 * token was cleared) the form gets a fresh token.
 */
export function OnceForm(p: {
  action: string;
  csrf: string;
  token: string | undefined;
  class: string;
  multipart?: boolean;
  /** The server checks; the browser's own checks would hide our Chinese messages. */
  novalidate?: boolean;
  children: Child;
}) {
  return (
    <form
      method="post"
      action={p.action}
      enctype={p.multipart ? 'multipart/form-data' : undefined}
      class={p.class}
      novalidate={p.novalidate}
    >
      <CsrfField token={p.csrf} />
      <OnceField token={p.token || undefined} />
      {p.children}
    </form>
  );
}
