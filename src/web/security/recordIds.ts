import type { MiddlewareHandler } from 'hono';
import { MAX_INT4 } from '../../law/fields.ts';
import type { AppEnv } from '../env.ts';
import { errorPage } from '../views/errorPage.tsx';

/**
 * A URL segment made only of digits names a record (an id or a year). One above the int4 range
 * cannot exist, and passed to a query it fails in the database (a 500): answer 404 before that.
 */
export const rejectOutOfRangeIds = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const segments = new URL(c.req.url).pathname.split('/');
  if (segments.some((s) => /^\d+$/.test(s) && (s.length > 10 || Number(s) > MAX_INT4))) {
    return c.html(
      errorPage({ title: '页面不存在', message: '您访问的页面不存在或已被移除。' }),
      404,
    );
  }
  await next();
};

/** A record id from a URL parameter or form field: a whole number in 1…int4, else null. */
export function recordId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= MAX_INT4 ? id : null;
}
