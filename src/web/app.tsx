import { readFileSync } from 'node:fs';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../db/database.ts';
import { ping } from '../db/health.ts';
import { isGongkaiError } from '../errors.ts';
import type { JobPool } from '../jobs/pool.ts';
import { sharedJobPool } from '../jobs/shared.ts';
import { loginRoutes } from './admin/login.tsx';
import { adminRoutes } from './admin/routes.tsx';
import { type AdmissionLimits, admission } from './admission.ts';
import { apiRoutes } from './api/routes.ts';
import type { AppEnv } from './env.ts';
import { mountAll } from './mounts.ts';
import { annualPortalRoutes } from './portal/annual.tsx';
import { applyRoutes } from './portal/apply/routes.tsx';
import { catalogPortalRoutes } from './portal/catalog/routes.tsx';
import { petitionPortalRoutes } from './portal/petition/routes.tsx';
import { requestGuideRoutes } from './portal/requestGuide.tsx';
import { portalRoutes } from './portal/routes.tsx';
import { csrfProtection } from './security/csrf.ts';
import { securityHeaders } from './security/headers.ts';
import { rejectNulInput } from './security/inputText.ts';
import { rejectOutOfRangeIds } from './security/recordIds.ts';
import { clientIp, isSecure } from './security/request.ts';
import { loadSession } from './security/session.ts';
import { uploadBodyLimit } from './uploads.ts';
import { errorPage } from './views/errorPage.tsx';

export interface AppOptions {
  database: Database;
  /** Signs CSRF tokens; see db/settings.ts appSecret(). */
  secret: string;
  /** Largest accepted request body in bytes (uploads have their own limit). */
  maxBodyBytes?: number;
  /** The worker pool for heavy work (default: the process's shared pool). */
  jobs?: JobPool;
  /** Concurrency and queue per class of request (default: from the environment). */
  admissionLimits?: AdmissionLimits;
}

/** The whole web application: portal, back office, static files, health check. */
export function createApp({
  database,
  secret,
  maxBodyBytes = 1024 * 1024,
  jobs = sharedJobPool(),
  admissionLimits,
}: AppOptions) {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders());
  app.use(admission(admissionLimits));
  const tooLarge = (c: Context) =>
    c.html(errorPage({ title: '提交内容过大', message: '提交的内容超过了大小限制。' }), 413);
  const limits = new Map<number, MiddlewareHandler>();
  const limitFor = (maxSize: number) => {
    if (!limits.has(maxSize)) limits.set(maxSize, bodyLimit({ maxSize, onError: tooLarge }));
    return limits.get(maxSize)!;
  };
  // Only the upload routes accept a large body.
  app.use((c, next) => limitFor(uploadBodyLimit(c.req.path) ?? maxBodyBytes)(c, next));
  app.use(async (c, next) => {
    c.set('database', database);
    c.set('jobs', jobs);
    c.set('secret', secret);
    c.set('clientIp', clientIp(c));
    c.set('secure', isSecure(c));
    await next();
  });
  app.get('/healthz', async (c) => {
    await ping(database.db);
    return c.json({ status: 'ok' });
  });
  app.get('/static/:file', (c) => serveStatic(c.req.param('file'), c));
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  app.route('/api', apiRoutes()); // before the session and CSRF cookies: public, read-only, cacheable
  app.use(rejectNulInput());
  app.use(rejectOutOfRangeIds());
  app.use(csrfProtection());
  app.use(loadSession());
  // Capabilities mount their public pages (/a/:agency/…) next to portalRoutes.
  mountAll(app, [
    ['/', portalRoutes],
    ['/', petitionPortalRoutes],
    ['/', applyRoutes],
    ['/', requestGuideRoutes],
    ['/', catalogPortalRoutes],
    ['/', annualPortalRoutes],
    ['/', loginRoutes],
    ['/', adminRoutes],
  ]);

  app.notFound((c) =>
    c.html(errorPage({ title: '页面不存在', message: '您访问的页面不存在或已被移除。' }), 404),
  );
  app.onError((error, c) => {
    if (isGongkaiError(error) && /\.busy$/.test(error.code))
      return c.html(errorPage({ title: '服务器正忙', message: error.message }), 503, {
        'retry-after': '10',
      });
    if (isGongkaiError(error)) {
      return c.html(errorPage({ title: '操作未完成', message: error.message }), 400);
    }
    console.error(error);
    return c.html(
      errorPage({ title: '系统错误', message: '服务器处理请求时出错，已记录。请稍后再试。' }),
      500,
    );
  });
  return app;
}

const staticFiles: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
  'print.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};
const staticCache = new Map<string, string>();

function serveStatic(file: string, c: Context) {
  const type = staticFiles[file];
  if (!type) return c.notFound();
  let body = staticCache.get(file);
  if (body === undefined) {
    body = readFileSync(new URL(`./static/${file}`, import.meta.url), 'utf8');
    staticCache.set(file, body);
  }
  return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
}
